import { Lunar, type Solar } from 'lunar-typescript';
import { dayNumberOf, formatDayNumber, isWeekend, weekdayName } from './iso-date.js';

/**
 * The statutory holidays of 《全国年节及纪念日放假办法》 for a year whose State Council notice has not
 * been published (legal-rules W5): the fallback behind every *provisional* deadline.
 *
 * Which revision applies depends on the year:
 * - 2024 revision (effective 2025-01-01), Art. 2: 元旦1; 春节4 (农历除夕、正月初一至初三); 清明1; 劳动节2 (5/1, 5/2);
 *   端午1; 中秋1; 国庆3 (10/1–10/3).
 * - 2013 revision (2014–2024): the same, but 春节3 (正月初一至初三) and 劳动节1 (5/1).
 * - 2007 revision (2008–2013): 春节3 (除夕、正月初一、初二), 劳动节1.
 * - 1999 revision (2000–2007): 元旦1, 春节3 (初一至初三), 劳动节3 (5/1–5/3), 国庆3; no 清明/端午/中秋.
 * Years before 2000 are not computed from rules: they must be loaded (the five-day week and the
 * earlier holiday rules make a fallback meaningless there).
 *
 * Art. 6 ("全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假"): a statutory holiday that falls
 * on a Saturday or Sunday is compensated on a working day. The law does not say which day; the notices
 * almost always give the next weekday (2023: 元旦 on Sunday → Monday 1/2 off; 2025: 端午 on Saturday →
 * Monday 6/2 off). The fallback therefore gives each such holiday the first following Monday–Friday
 * that is not itself a holiday or already a compensation day. Two statutory holidays on one date
 * (中秋 = 国庆, 2020) are compensated the same way, as every notice has done ("国庆节放假如逢中秋节则合并放假8天").
 *
 * Why compensate at all, rather than only mark the fixed days: over a whole holiday period the
 * notices' 调休 swaps are zero-sum, so the working days lost equal the statutory days plus the
 * compensation days. With compensation the fallback loses exactly as many working days per year as the
 * published schedules did in 2019 and 2021–2026 (tested in statutory-holidays.rules.spec.ts), so a
 * 20-working-day period that spans a whole holiday comes out right far more often. Inside a holiday
 * period the dates still differ from the eventual notice (调休 moves days): that is why every result
 * touching such a year is flagged provisional, whatever this function says.
 */

export interface StatutoryRuleSet {
  readonly id: '1999' | '2007' | '2013' | '2024';
  /** How the basis is cited in explanations. */
  readonly title: string;
  readonly fromYear: number;
  readonly toYear: number;
}

export const STATUTORY_RULE_SETS: readonly StatutoryRuleSet[] = [
  {
    id: '2024',
    title: '《全国年节及纪念日放假办法》（2024年11月10日修订，2025年1月1日起施行）',
    fromYear: 2025,
    toYear: 9999,
  },
  {
    id: '2013',
    title: '《全国年节及纪念日放假办法》（2013年12月11日修订，2014年1月1日起施行）',
    fromYear: 2014,
    toYear: 2024,
  },
  {
    id: '2007',
    title: '《全国年节及纪念日放假办法》（2007年12月14日修订，2008年1月1日起施行）',
    fromYear: 2008,
    toYear: 2013,
  },
  {
    id: '1999',
    title: '《全国年节及纪念日放假办法》（1999年9月18日修订）',
    fromYear: 2000,
    toYear: 2007,
  },
];

/** The first year the fallback can compute. */
export const FIRST_RULE_YEAR = 2000;

export interface StatutoryDay {
  readonly date: string;
  readonly dayNumber: number;
  /** 春节, 劳动节, … or 劳动节补假 for an Art. 6 compensation day. */
  readonly name: string;
  /** What the day is and on which article it rests. */
  readonly note: string;
  readonly compensation: boolean;
}

export interface StatutoryYear {
  readonly year: number;
  readonly ruleSet: StatutoryRuleSet;
  readonly days: readonly StatutoryDay[];
}

export function ruleSetFor(year: number): StatutoryRuleSet | undefined {
  return STATUTORY_RULE_SETS.find((r) => year >= r.fromYear && year <= r.toYear);
}

interface Fixed {
  dayNumber: number;
  name: string;
  label: string;
}

const dayOf = (solar: Solar) => dayNumberOf(solar.getYear(), solar.getMonth(), solar.getDay());

function fixedHolidays(year: number, rules: StatutoryRuleSet): Fixed[] {
  const days: Fixed[] = [];
  const solar = (month: number, day: number, label: string, name: string) =>
    days.push({ dayNumber: dayNumberOf(year, month, day), name, label });
  const newYear = Lunar.fromYmd(year, 1, 1);
  const chunJie = dayOf(newYear.getSolar());
  const lunar = (dayNumber: number, label: string, name: string) => days.push({ dayNumber, name, label });

  solar(1, 1, '1月1日', '元旦');
  // 春节: the Spring Festival of lunar year `year` always falls in January/February of `year`.
  if (rules.id === '2024' || rules.id === '2007') lunar(chunJie - 1, '农历除夕', '春节');
  lunar(chunJie, '农历正月初一', '春节');
  lunar(chunJie + 1, '农历正月初二', '春节');
  if (rules.id !== '2007') lunar(chunJie + 2, '农历正月初三', '春节');
  if (rules.id !== '1999') {
    lunar(dayOf(newYear.getJieQiTable()['清明']), '清明当日', '清明节');
  }
  solar(5, 1, '5月1日', '劳动节');
  if (rules.id === '2024' || rules.id === '1999') solar(5, 2, '5月2日', '劳动节');
  if (rules.id === '1999') solar(5, 3, '5月3日', '劳动节');
  if (rules.id !== '1999') {
    lunar(dayOf(Lunar.fromYmd(year, 5, 5).getSolar()), '农历端午当日', '端午节');
    lunar(dayOf(Lunar.fromYmd(year, 8, 15).getSolar()), '农历中秋当日', '中秋节');
  }
  solar(10, 1, '10月1日', '国庆节');
  solar(10, 2, '10月2日', '国庆节');
  solar(10, 3, '10月3日', '国庆节');
  return days.sort((a, b) => a.dayNumber - b.dayNumber);
}

const cache = new Map<number, StatutoryYear>();

/**
 * The statutory holidays of `year` and their Art. 6 compensation days, sorted by date. Throws a
 * RangeError for years before 2000 (see above).
 */
export function statutoryHolidays(year: number): StatutoryYear {
  const cached = cache.get(year);
  if (cached) return cached;
  const ruleSet = ruleSetFor(year);
  if (!ruleSet) throw new RangeError(`No statutory holiday rules for ${year}`);
  const fixed = fixedHolidays(year, ruleSet);
  const basis = `按${ruleSet.title}推算`;
  const days: StatutoryDay[] = [];
  const taken = new Set<number>();
  for (const f of fixed) {
    if (taken.has(f.dayNumber)) continue;
    taken.add(f.dayNumber);
    const names = [...new Set(fixed.filter((g) => g.dayNumber === f.dayNumber).map((g) => g.name))];
    days.push({
      date: formatDayNumber(f.dayNumber),
      dayNumber: f.dayNumber,
      name: names.join('、'),
      note: `${f.label}；${basis}（第二条）`,
      compensation: false,
    });
  }
  const compensated = new Set<number>();
  const seen = new Set<number>();
  for (const f of fixed) {
    const coincides = seen.has(f.dayNumber);
    seen.add(f.dayNumber);
    if (!coincides && !isWeekend(f.dayNumber)) continue;
    let d = f.dayNumber + 1;
    while (isWeekend(d) || taken.has(d) || compensated.has(d)) d++;
    compensated.add(d);
    const why = coincides
      ? `${f.name}（${f.label}）与另一节日同日，按历年通知惯例另补一日`
      : `${f.name}（${f.label}）适逢${weekdayName(f.dayNumber)}，依第六条在工作日补假`;
    days.push({
      date: formatDayNumber(d),
      dayNumber: d,
      name: `${f.name}补假`,
      note: `${why}；补假日取其后第一个工作日，${basis}`,
      compensation: true,
    });
  }
  days.sort((a, b) => a.dayNumber - b.dayNumber);
  const result: StatutoryYear = { year, ruleSet, days };
  cache.set(year, result);
  return result;
}
