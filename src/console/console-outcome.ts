import { DomainError, type FieldError } from '../common/errors/domain-error.js';
import { ERROR_CATALOG } from '../common/errors/error-catalog.js';
import type { Validated } from './forms/form-values.js';

/** A refused command as a form shows it: a message at the top and messages beside fields. */
export interface FormProblem {
  readonly status: number;
  readonly message: string;
  readonly errors: readonly FieldError[];
}

/**
 * Runs a command for a form. A refusal the user can act on (validation, a workflow rule, a stale
 * version: any 4xx domain error) comes back as a FormProblem for the form to show with what was
 * typed; anything else (a bug, the database down) goes on to the global filter.
 */
const INVALID = '填写的内容有误，请按提示修改后重新提交。';

export type Attempt<T> = { ok: true; value: T } | ({ ok: false } & FormProblem);

/** A form validated against the API's DTO, then its command: either refusal comes back as a FormProblem. */
export function attemptValid<D, T>(form: Validated<D>, command: (dto: D) => Promise<T>): Promise<Attempt<T>> {
  if (!form.ok) return Promise.resolve(invalid(form.errors));
  return attempt(() => command(form.dto));
}

/** Values refused before any command runs (the fields' messages say why), as a form shows them. */
export function invalid(errors: readonly FieldError[]): { ok: false } & FormProblem {
  return { ok: false, status: 400, message: INVALID, errors };
}

export async function attempt<T>(
  command: () => Promise<T>,
): Promise<{ ok: true; value: T } | ({ ok: false } & FormProblem)> {
  try {
    return { ok: true, value: await command() };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const spec = ERROR_CATALOG[error.code];
    if (spec.status >= 500) throw error;
    const message = error.code === 'VALIDATION_FAILED' ? INVALID : error.detail;
    return { ok: false, status: spec.status, message, errors: error.errors ?? [] };
  }
}

/**
 * Like attemptValid, but only a refusal of what was asked (400 invalid, 409 not now) comes back to the
 * form; another agency's record (404) or a forbidden choice (403) stays an error, as on the API.
 */
export async function attemptAsked<D, T>(
  form: Validated<D>,
  command: (dto: D) => Promise<T>,
): Promise<Attempt<T>> {
  if (!form.ok) return attemptValid(form, command);
  try {
    return { ok: true, value: await command(form.dto) };
  } catch (error) {
    if (error instanceof DomainError && [400, 409].includes(ERROR_CATALOG[error.code].status)) {
      return attempt(() => Promise.reject(error));
    }
    throw error;
  }
}
