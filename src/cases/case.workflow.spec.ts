import { CASE_STATUSES, OPEN_STATUSES, type CaseStatus } from './case-status.js';
import {
  allowedActionsFor,
  CASE_ACTIONS,
  CASE_TRANSITIONS,
  checkTransition,
  TERMINAL_STATUSES,
} from './case.workflow.js';

describe('case workflow table', () => {
  it('reaches every state from registration', () => {
    const reached = new Set<CaseStatus>(['registered']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of CASE_TRANSITIONS) {
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...CASE_STATUSES].sort());
  });

  it('has no dead end except the terminal state', () => {
    for (const status of CASE_STATUSES) {
      const exits = CASE_TRANSITIONS.filter((t) => t.from === status && t.to !== status);
      if (TERMINAL_STATUSES.includes(status)) expect(exits).toEqual([]);
      else expect(exits.length).toBeGreaterThan(0);
    }
  });

  it('lets every case end in the archive', () => {
    for (const status of CASE_STATUSES) {
      const seen = new Set<CaseStatus>([status]);
      const queue = [status];
      while (queue.length) {
        const s = queue.shift() as CaseStatus;
        for (const t of CASE_TRANSITIONS.filter((x) => x.from === s && !seen.has(x.to))) {
          seen.add(t.to);
          queue.push(t.to);
        }
      }
      expect(seen.has('archived')).toBe(true);
    }
  });

  it('uses every action and gives lapses to the system alone', () => {
    expect(new Set(CASE_TRANSITIONS.map((t) => t.action))).toEqual(new Set(CASE_ACTIONS));
    for (const t of CASE_TRANSITIONS) {
      if (t.action.startsWith('lapse_')) expect(t.actors).toEqual(['system']);
      else expect(t.actors).not.toContain('system');
    }
  });

  it('is deterministic: one target per action, state and condition', () => {
    const keys = CASE_TRANSITIONS.map((t) => `${t.action}|${t.from}|${t.when ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('allows withdrawal only while a reply is still owed (before it is made)', () => {
    const from = CASE_TRANSITIONS.filter((t) => t.action === 'withdraw').map((t) => t.from);
    expect(from.sort()).toEqual([...OPEN_STATUSES].sort());
  });
});

describe('checkTransition', () => {
  const assigned = { assigned: true };
  it.each([
    ['assign', 'registered', ['clerk'], true],
    ['assign', 'registered', ['handler'], false],
    ['request_correction', 'registered', ['clerk'], true],
    ['request_correction', 'investigating', ['clerk'], false],
    ['approve', 'in_review', ['approver'], true],
    ['approve', 'in_review', ['handler'], false],
    ['approve', 'drafting', ['approver'], false],
    ['issue_reply', 'in_review', ['approver'], false],
    ['withdraw', 'issued', ['clerk'], false],
    ['lapse_correction', 'awaiting_correction', ['clerk'], false],
    ['lapse_correction', 'awaiting_correction', ['system'], true],
    ['decide_extension', 'investigating', ['approver'], true],
    ['decide_extension', 'investigating', ['handler'], false],
  ] as const)('%s in %s by %j → %s', (action, status, actors, allowed) => {
    expect(checkTransition(action, status, actors, assigned).allowed).toBe(allowed);
  });

  it('sends a corrected application back to the handler, or to the queue when nobody has it', () => {
    const withHandler = checkTransition('receive_correction', 'awaiting_correction', ['clerk'], {
      assigned: true,
    });
    const without = checkTransition('receive_correction', 'awaiting_correction', ['clerk'], {
      assigned: false,
    });
    expect(withHandler.allowed && withHandler.transition.to).toBe('investigating');
    expect(without.allowed && without.transition.to).toBe('registered');
  });

  it.each([
    // A lapse the sweep applied gives way to the correction or payment made in time (Art. 30, 42).
    ['receive_correction', 'deemed_withdrawn_correction', true, 'investigating'],
    ['receive_correction', 'deemed_withdrawn_correction', false, 'registered'],
    ['receive_correction', 'deemed_withdrawn_fee', true, null],
    ['record_fee_payment', 'deemed_withdrawn_fee', true, 'investigating'],
    ['record_fee_payment', 'deemed_withdrawn_correction', true, null],
  ] as const)('%s on a case closed as %s (handler assigned: %s) → %s', (action, outcome, isAssigned, to) => {
    const result = checkTransition(action, 'deemed_withdrawn', ['clerk'], { assigned: isAssigned, outcome });
    expect(result.allowed ? result.transition.to : null).toBe(to);
  });

  it('lets the approver take back an approval until the reply is made', () => {
    expect(checkTransition('return_draft', 'approved', ['approver'], assigned).allowed).toBe(true);
    expect(checkTransition('return_draft', 'issued', ['approver'], assigned).allowed).toBe(false);
  });

  it('says why a step is refused and what is allowed instead', () => {
    const result = checkTransition('approve', 'drafting', ['handler'], assigned);
    expect(result).toEqual({
      allowed: false,
      reason: 'status',
      allowedActions: expect.arrayContaining(['submit_for_review', 'save_draft']),
    });
    expect(allowedActionsFor('drafting', ['handler'], assigned)).not.toContain('lapse_consultation');
  });
});
