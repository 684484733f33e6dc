import fc from 'fast-check';
import { REMEDY_KINDS, REMEDY_RESULTS } from './remedy.js';
import {
  buildTable4,
  buildTable4ByAgency,
  checkTable4Identities,
  type RemedyRecord,
  type Table4Basis,
} from './table4.rules.js';

const DAY = 86_400_000;
const FIRST = Date.UTC(2023, 0, 1);
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const recordsArb: fc.Arbitrary<RemedyRecord[]> = fc
  .array(
    fc.record({
      agencyId: fc.constantFrom('a1', 'a2', 'a3'),
      kind: fc.constantFrom(...REMEDY_KINDS),
      filed: fc.integer({ min: 0, max: 4 * 365 }),
      result: fc.constantFrom(...REMEDY_RESULTS),
      decidedAfter: fc.integer({ min: 0, max: 400 }),
    }),
    { minLength: 50, maxLength: 2000, size: 'max' },
  )
  .map((rows) =>
    rows.map(({ agencyId, kind, filed, result, decidedAfter }, i) => ({
      recordId: `r${i}`,
      caseId: `c${i}`,
      agencyId,
      kind,
      filedOn: iso(FIRST + filed * DAY),
      result,
      decidedOn: result === 'pending' ? null : iso(FIRST + (filed + decidedAfter) * DAY),
    })),
  );

describe('table 四 on random record sets', () => {
  it('总计 equals the four result columns in every group, per agency and county-wide', () => {
    fc.assert(
      fc.property(
        recordsArb,
        fc.integer({ min: 2023, max: 2027 }),
        fc.constantFrom<Table4Basis>('filed_in_year', 'active_in_year'),
        (records, year, basis) => {
          const { countyWide, agencies } = buildTable4ByAgency(records, year, { basis });
          for (const table of [countyWide, ...agencies])
            expect(checkTable4Identities(table, records)).toEqual([]);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('by filing year, every record is counted exactly once over the years', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const counted = [2023, 2024, 2025, 2026].reduce((sum, year) => {
          const cells = buildTable4(records, year).cells;
          return sum + REMEDY_KINDS.reduce((s, kind) => s + cells[`${kind}.total`], 0);
        }, 0);
        expect(counted).toBe(records.length);
      }),
      { numRuns: 30 },
    );
  });
});
