import type { ErrorCode } from './error-catalog.js';

/** One invalid field: `field` is a dotted path into the request body or query (e.g. `applicant.idNumber`). */
export interface FieldError {
  readonly field: string;
  readonly message: string;
  readonly code?: string;
  /** For a choice refused as invalid: the values the API accepts (codes for API clients, not for clerks). */
  readonly allowed?: readonly string[];
}

export interface DomainErrorOptions {
  readonly errors?: readonly FieldError[];
  /** Extension members for the problem document (e.g. the allowed transitions). */
  readonly extensions?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

/**
 * What services and rules throw. It carries a stable code; the global filter maps the code to an
 * HTTP status and an RFC 9457 problem document. Nothing below a controller throws HttpException.
 */
export class DomainError extends Error {
  readonly errors?: readonly FieldError[];
  readonly extensions?: Readonly<Record<string, unknown>>;

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    options: DomainErrorOptions = {},
  ) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.errors = options.errors;
    this.extensions = options.extensions;
  }

  static validation(errors: readonly FieldError[], detail?: string): DomainError {
    return new DomainError('VALIDATION_FAILED', detail ?? summarise(errors), { errors });
  }

  static notFound(what: string): DomainError {
    return new DomainError('NOT_FOUND', `${what}不存在`);
  }
}

function summarise(errors: readonly FieldError[]): string {
  const shown = errors
    .slice(0, 5)
    .map((e) => `${e.field}：${e.message}`)
    .join('；');
  return errors.length > 5 ? `${shown}；等 ${errors.length} 项` : shown;
}
