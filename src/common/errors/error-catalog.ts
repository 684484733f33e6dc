import { AGENCY_ERRORS } from '../../agencies/agencies.errors.js';
import { AUTH_ERRORS } from '../../auth/auth.errors.js';
import { CALENDAR_ERRORS } from '../../calendar/calendar.errors.js';
import { CASES_ERRORS } from '../../cases/cases.errors.js';
import { CONSOLE_ERRORS } from '../../console/console.errors.js';
import { DATABASE_ERRORS } from '../../database/database.errors.js';
import { LETTERS_ERRORS } from '../../letters/letters.errors.js';
import { SUPERVISION_ERRORS } from '../../supervision/supervision.errors.js';
import { COMMON_ERRORS } from './common.errors.js';
import type { ErrorSpec } from './error-spec.js';

/**
 * Every stable error code of the API and its HTTP mapping. Feature modules add their own
 * `<feature>.errors.ts` part here; the error type below is the union of the keys, so a code that is
 * thrown but not mapped does not compile.
 */
export const ERROR_CATALOG = {
  ...COMMON_ERRORS,
  ...DATABASE_ERRORS,
  ...AUTH_ERRORS,
  ...AGENCY_ERRORS,
  ...CALENDAR_ERRORS,
  ...CASES_ERRORS,
  ...LETTERS_ERRORS,
  ...CONSOLE_ERRORS,
  ...SUPERVISION_ERRORS,
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOG;
