import type { FieldError } from '../errors/domain-error.js';

/** RFC 9457 problem document, with our stable `code` and the request id. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: readonly FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(code: string): string {
  return `urn:gip-desk:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}
