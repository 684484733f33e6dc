import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** The hash the first event links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an audit event says, exactly as hashed. `occurredAt` is an ISO instant with milliseconds. */
export interface AuditPayload {
  readonly occurredAt: string;
  readonly type: string;
  readonly actorUserId: string | null;
  readonly actorUsername: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly agencyId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * Each event's hash covers the previous event's hash and its own payload, so changing, removing or
 * reordering any stored event breaks every later link.
 */
export function chainHash(previousHash: string, payload: AuditPayload): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonicalJson(payload)).digest('hex');
}

export interface StoredLink {
  readonly id: string;
  readonly prevHash: string;
  readonly hash: string;
  readonly payload: AuditPayload;
}

export type ChainCheck =
  | { readonly intact: true; readonly headHash: string; readonly checked: number }
  | {
      readonly intact: false;
      readonly headHash: string;
      readonly checked: number;
      readonly brokenAt: string;
      readonly reason: 'prev_hash_mismatch' | 'hash_mismatch';
    };

/**
 * Checks a run of events in storage order, continuing from `expectedPrevHash` (GENESIS_HASH for the
 * first run). Returns where the chain first breaks.
 */
export function checkChain(
  links: readonly StoredLink[],
  expectedPrevHash: string,
  checkedBefore = 0,
): ChainCheck {
  let previous = expectedPrevHash;
  let checked = checkedBefore;
  for (const link of links) {
    if (link.prevHash !== previous) {
      return { intact: false, headHash: previous, checked, brokenAt: link.id, reason: 'prev_hash_mismatch' };
    }
    if (chainHash(previous, link.payload) !== link.hash) {
      return { intact: false, headHash: previous, checked, brokenAt: link.id, reason: 'hash_mismatch' };
    }
    previous = link.hash;
    checked++;
  }
  return { intact: true, headHash: previous, checked };
}
