/**
 * `npm run bench -- calendar`: addWorkingDays(random date 2019–2026, 20) — the project's indexed
 * calendar against a naive day-by-day loop over the same official data, and against the
 * `chinese-days` package's findWorkday. Aim (issue 3): ≥ 1,000,000 ops/s on one core, ≥ 10× naive.
 */
import chineseDays from 'chinese-days';
import { seedCalendarYears } from '../../seeds/holiday-calendars.seed-data.js';
import { dayNumberOf, formatDayNumber } from '../../src/calendar/iso-date.js';
import { WorkingDayCalendar } from '../../src/calendar/working-day-calendar.js';
import { compare } from './support/compare.js';

const years = seedCalendarYears();
const calendar = WorkingDayCalendar.fromYears(years);

/** The obvious implementation: walk day by day, look each date up in a map of the notices' days. */
const special = new Map<string, boolean>();
for (const y of years) for (const d of y.days) special.set(d.date, d.kind === 'makeup_workday');
function naiveAddWorkingDays(from: string, n: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  for (let left = n; left > 0;) {
    d.setUTCDate(d.getUTCDate() + 1);
    const iso = d.toISOString().slice(0, 10);
    const working = special.get(iso) ?? !(d.getUTCDay() === 0 || d.getUTCDay() === 6);
    if (working) left--;
  }
  return d.toISOString().slice(0, 10);
}

// Deterministic "random" start dates 2019-01-01 … 2026-11-30 (so that + 20 WD stays in published years).
const first = dayNumberOf(2019, 1, 1);
const span = dayNumberOf(2026, 11, 30) - first;
let seed = 20_261_127;
const dates = Array.from({ length: 4096 }, () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return formatDayNumber(first + (seed % span));
});

export default async function bench(): Promise<void> {
  // The three must agree before their speed means anything.
  let naiveDisagree = 0;
  let chineseDaysDisagree = 0;
  for (const date of dates) {
    const ours = calendar.addWorkingDays(date, 20).date;
    if (naiveAddWorkingDays(date, 20) !== ours) naiveDisagree++;
    if (chineseDays.findWorkday(20, date) !== ours) chineseDaysDisagree++;
  }
  process.stdout.write(
    `\nAgreement on ${dates.length} start dates: naive loop ${dates.length - naiveDisagree}/${dates.length}, ` +
      `chinese-days ${dates.length - chineseDaysDisagree}/${dates.length}\n`,
  );
  if (naiveDisagree > 0) throw new Error('the naive loop disagrees with WorkingDayCalendar');

  let i = 0;
  const next = () => dates[i++ & 4095];
  let sink = '';
  await compare(
    'addWorkingDays(random date 2019–2026, 20)',
    { name: 'naive day-by-day loop', fn: () => (sink = naiveAddWorkingDays(next(), 20)) },
    {
      name: 'WorkingDayCalendar.addWorkingDays',
      fn: () => (sink = calendar.addWorkingDays(next(), 20).date),
    },
    { name: 'chinese-days findWorkday', fn: () => (sink = chineseDays.findWorkday(20, next())) },
  );
  if (sink === '') throw new Error('unreachable');
}
