/**
 * Every kind of audited event. Other modules add theirs here (one list, so the admin's filter and the
 * Swagger enum stay complete). Security events (who, when, from where) are required by issue 4.
 */
export const AUDIT_EVENT_TYPES = [
  'auth.sign_in.succeeded',
  'auth.sign_in.failed',
  'auth.sign_in.locked', // an account or address reached its failure limit
  'auth.sign_out',
  'auth.refresh_token.reused', // a rotated refresh token came back: its whole session is revoked
  'auth.password.changed',
  'user.created',
  'user.updated', // roles, agency, display name, active flag (with before/after)
  'user.password.reset',
  'agency.created',
  'agency.updated',
  'agency.deleted',
  'case_list.exported_with_personal_data', // an audit case list with names, ID numbers, phones in clear
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];
