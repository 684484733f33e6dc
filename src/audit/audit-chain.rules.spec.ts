import {
  chainHash,
  checkChain,
  GENESIS_HASH,
  type AuditPayload,
  type StoredLink,
} from './audit-chain.rules.js';

const payload = (type: string, details: Record<string, unknown> = {}): AuditPayload => ({
  occurredAt: '2026-11-27T02:00:00.000Z',
  type,
  actorUserId: null,
  actorUsername: 'admin',
  ip: '127.0.0.1',
  userAgent: null,
  subjectType: 'user',
  subjectId: 'u1',
  agencyId: null,
  details,
});

function chain(...payloads: AuditPayload[]): StoredLink[] {
  let previous = GENESIS_HASH;
  return payloads.map((p, i) => {
    const hash = chainHash(previous, p);
    const link = { id: String(i + 1), prevHash: previous, hash, payload: p };
    previous = hash;
    return link;
  });
}

describe('audit chain', () => {
  const links = chain(
    payload('auth.sign_in.succeeded'),
    payload('user.updated', { roles: { from: ['clerk'], to: ['clerk', 'admin'] } }),
    payload('auth.sign_out'),
  );

  it('accepts an untouched chain and reports its head', () => {
    expect(checkChain(links, GENESIS_HASH)).toEqual({ intact: true, headHash: links[2].hash, checked: 3 });
  });

  it('does not depend on the key order of the details', () => {
    const a = chainHash(GENESIS_HASH, payload('x', { a: 1, b: 2 }));
    const b = chainHash(GENESIS_HASH, payload('x', { b: 2, a: 1 }));
    expect(a).toBe(b);
  });

  it.each([
    [
      'a changed payload',
      (l: StoredLink[]) => [l[0], { ...l[1], payload: { ...l[1].payload, details: { roles: 'x' } } }, l[2]],
      '2',
      'hash_mismatch',
    ],
    ['a removed event', (l: StoredLink[]) => [l[0], l[2]], '3', 'prev_hash_mismatch'],
    ['swapped events', (l: StoredLink[]) => [l[1], l[0], l[2]], '2', 'prev_hash_mismatch'],
    [
      'a rewritten hash',
      (l: StoredLink[]) => [l[0], { ...l[1], hash: 'f'.repeat(64) }, l[2]],
      '2',
      'hash_mismatch',
    ],
  ])('detects %s', (_label, tamper, brokenAt, reason) => {
    expect(checkChain(tamper(links), GENESIS_HASH)).toMatchObject({ intact: false, brokenAt, reason });
  });
});
