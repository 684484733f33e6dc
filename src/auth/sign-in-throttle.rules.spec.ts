import {
  afterFailure,
  lockRemainingMs,
  throttlePolicy,
  type ThrottleState,
} from './sign-in-throttle.rules.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 2, minute));
const policy = throttlePolicy(3);

function failAt(...minutes: number[]): { state: ThrottleState | null; locks: boolean[] } {
  let state: ThrottleState | null = null;
  const locks: boolean[] = [];
  for (const m of minutes) {
    const r = afterFailure(state, policy, at(m));
    state = r.next;
    locks.push(r.lockedNow);
  }
  return { state, locks };
}

describe('sign-in throttle (3 failures in 15 minutes lock for 15 minutes)', () => {
  it.each<[string, number[], number, boolean[], number]>([
    // label, failure minutes, checked at minute, lockedNow per failure, remaining lock in minutes
    ['one failure does not lock', [0], 1, [false], 0],
    ['the limit within the window locks', [0, 1, 2], 3, [false, false, true], 14],
    ['failures spread beyond the window do not add up', [0, 10, 20], 21, [false, false, false], 0],
    ['the lock ends by itself', [0, 1, 2], 17, [false, false, true], 0],
    ['after the lock the count starts again', [0, 1, 2, 18], 19, [false, false, true, false], 0],
  ])('%s', (_label, minutes, checkAt, locks, remainingMinutes) => {
    const result = failAt(...minutes);
    expect(result.locks).toEqual(locks);
    expect(lockRemainingMs(result.state, at(checkAt))).toBe(remainingMinutes * 60_000);
  });

  it('counts from the first failure of the window', () => {
    expect(failAt(0, 5).state).toMatchObject({ failures: 2, windowStartedAt: at(0) });
  });
});
