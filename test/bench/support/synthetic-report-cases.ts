/**
 * A synthetic county for benchmarks: `count` report cases over 40 agencies, received 2024–2026,
 * most answered within a few weeks, some carried across a year-end, a few still open, with the
 * outcome and applicant-type mix of a real county. Deterministic for a given seed.
 */
import type { ApplicantType } from '../../../src/cases/applicant-type.js';
import type { Outcome } from '../../../src/cases/outcome.js';
import type { ReportCase } from '../../../src/supervision/table3.rules.js';

/** mulberry32: a small, fast, seedable PRNG (benchmarks must not depend on Math.random). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of weighted) {
    r -= w;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

const APPLICANTS: readonly (readonly [ApplicantType, number])[] = [
  ['natural_person', 85],
  ['commercial_enterprise', 8],
  ['research_institution', 1],
  ['public_interest_org', 1],
  ['legal_service_org', 3],
  ['other_org', 2],
];

const OUTCOMES: readonly (readonly [Outcome, number])[] = [
  ['disclosed', 30],
  ['already_public', 10],
  ['partially_disclosed', 12],
  ['withheld_third_party', 3],
  ['withheld_process_info', 4],
  ['withheld_internal_affairs', 1],
  ['withheld_state_secret', 0.2],
  ['special_procedure', 2],
  ['not_held', 18],
  ['not_responsible', 5],
  ['needs_creation', 3],
  ['unclear_after_correction', 1],
  ['petition_complaint', 3],
  ['repeat_application', 2],
  ['excessive_requests', 0.5],
  ['deemed_withdrawn_correction', 3],
  ['deemed_withdrawn_fee', 0.3],
  ['withdrawn', 1.5],
  ['other', 0.5],
];

export function syntheticReportCases(count: number, seed = 2026): ReportCase[] {
  const random = seededRandom(seed);
  const first = Date.UTC(2024, 0, 1);
  const days = Array.from({ length: 3 * 366 + 400 }, (_, i) =>
    new Date(first + i * 86_400_000).toISOString().slice(0, 10),
  );
  const lastReceipt = days.indexOf('2026-12-31');
  const agencies = Array.from({ length: 40 }, (_, i) => `agency-${String(i + 1).padStart(2, '0')}`);
  const cases: ReportCase[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const received = Math.floor(random() * (lastReceipt + 1));
    const corrected = random() < 0.05 ? received + 3 + Math.floor(random() * 20) : null;
    const roll = random();
    // 3 % still open; 7 % take two to six months; the rest close within about six weeks.
    const closed =
      roll < 0.03
        ? null
        : (corrected ?? received) +
          (roll < 0.1 ? 60 + Math.floor(random() * 120) : Math.floor(random() * 45));
    cases[i] = {
      caseId: `case-${i}`,
      agencyId: agencies[Math.floor(random() * agencies.length)],
      applicantType: pick(random, APPLICANTS),
      receivedOn: days[received],
      correctionReceivedOn: corrected === null ? null : days[corrected],
      closedOn: closed === null ? null : days[closed],
      outcome: closed === null ? null : pick(random, OUTCOMES),
    };
  }
  return cases;
}
