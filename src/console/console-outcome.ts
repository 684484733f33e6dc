import { DomainError, type FieldError } from '../common/errors/domain-error.js';
import { ERROR_CATALOG } from '../common/errors/error-catalog.js';

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
export async function attempt<T>(
  command: () => Promise<T>,
): Promise<{ ok: true; value: T } | ({ ok: false } & FormProblem)> {
  try {
    return { ok: true, value: await command() };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const spec = ERROR_CATALOG[error.code];
    if (spec.status >= 500) throw error;
    const message =
      error.code === 'VALIDATION_FAILED' ? '填写的内容有误，请按提示修改后重新提交。' : error.detail;
    return { ok: false, status: spec.status, message, errors: error.errors ?? [] };
  }
}
