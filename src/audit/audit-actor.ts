/** Who did it and from where: the "who, when, from where" of every audited event. */
export interface AuditActor {
  readonly userId: string | null;
  readonly username: string | null;
  /** The client address as Express sees it (TRUST_PROXY decides whether X-Forwarded-For counts). */
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, username: 'system', ip: null, userAgent: null };
