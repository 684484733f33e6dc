import fc from 'fast-check';
import {
  aggregateTimelinessCases,
  histogramMedian,
  histogramNearestRank,
  timelinessFromAggregates,
} from './timeliness-aggregates.rules.js';
import { computeTimeliness, median, nearestRank, type TimelinessCase } from './timeliness.rules.js';

const histogramOf = (values: number[]) => {
  const h = new Map<number, number>();
  for (const v of values) h.set(v, (h.get(v) ?? 0) + 1);
  return h;
};

describe('histogram percentiles', () => {
  it.each([
    [[], null, null],
    [[7], 7, 7],
    [[3, 1], 2, 3],
    [[5, 5, 5, 20], 5, 20],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5.5, 9],
    [[20, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 1, 1],
  ])('%j: median %s, p90 %s', (values, med, p90) => {
    expect(histogramMedian(histogramOf(values))).toBe(med);
    expect(histogramNearestRank(histogramOf(values), 90)).toBe(p90);
  });

  it('agree with the array versions', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 60 })), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        expect(histogramMedian(histogramOf(values))).toBe(median(sorted));
        expect(histogramNearestRank(histogramOf(values), 90)).toBe(nearestRank(sorted, 90));
      }),
    );
  });
});

describe('timeliness from grouped rows', () => {
  const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const timelinessCase = fc
    .record({
      agencyId: fc.constantFrom('a1', 'a2'),
      handlerId: fc.constantFrom(null, 'h1', 'h2', 'h3'),
      received: fc.integer({ min: 0, max: 330 }),
      closedAfter: fc.option(fc.integer({ min: 0, max: 60 })),
      dueAfter: fc.option(fc.integer({ min: 10, max: 45 })),
      workingDaysTaken: fc.option(fc.integer({ min: 0, max: 40 })),
      paused: fc.boolean(),
      remainingWorkingDays: fc.integer({ min: -10, max: 20 }),
    })
    .map((r): Omit<TimelinessCase, 'caseId'> => ({
      agencyId: r.agencyId,
      handlerId: r.handlerId,
      receivedOn: day(r.received),
      dueOn: r.dueAfter === null ? null : day(r.received + r.dueAfter),
      closedOn: r.closedAfter === null ? null : day(r.received + r.closedAfter),
      workingDaysTaken: r.workingDaysTaken,
      paused: r.closedAfter === null && r.paused,
      remainingWorkingDays: r.dueAfter === null ? null : r.remainingWorkingDays,
    }));

  it('give what computeTimeliness gives for the cases of the period', () => {
    fc.assert(
      fc.property(
        fc.array(timelinessCase, { maxLength: 150 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 120 }),
        (raw, start, length) => {
          const cases = raw.map((c, i) => ({ ...c, caseId: `c${i}` }));
          const query = { from: day(start), to: day(start + length), today: day(330) };
          const inPeriod = cases.filter(
            (c) =>
              c.closedOn === null ||
              (c.receivedOn >= query.from && c.receivedOn <= query.to) ||
              (c.closedOn >= query.from && c.closedOn <= query.to),
          );
          expect(timelinessFromAggregates(aggregateTimelinessCases(cases, query), query)).toEqual(
            computeTimeliness(inPeriod, query),
          );
        },
      ),
    );
  });
});
