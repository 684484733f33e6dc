import {
  chineseDate,
  chineseDateTime,
  chineseDateWithWeekday,
  humanDates,
  remainingText,
} from './console-format.js';

describe('console formatting', () => {
  it.each([
    ['2026-11-27', '2026年11月27日'],
    ['2026-03-08', '2026年3月8日'],
    ['2026-03-08T10:00:00Z', '2026年3月8日'],
    [null, '—'],
    [undefined, '—'],
    ['不是日期', '不是日期'],
  ])('writes the legal date %p as %p', (value, expected) => {
    expect(chineseDate(value)).toBe(expected);
  });

  it('rewrites the dates inside a sentence', () => {
    expect(humanDates('申请人当面提交，以提交之日 2026-11-27 为收到申请之日；原期限 2026-12-08')).toBe(
      '申请人当面提交，以提交之日 2026年11月27日 为收到申请之日；原期限 2026年12月8日',
    );
  });

  it('adds the weekday', () => {
    expect(chineseDateWithWeekday('2026-11-27')).toBe('2026年11月27日（星期五）');
    expect(chineseDateWithWeekday('2026-11-29')).toBe('2026年11月29日（星期日）');
  });

  it('writes an instant in the business time zone', () => {
    expect(chineseDateTime('2026-11-26T16:30:00Z', 'Asia/Shanghai')).toBe('2026年11月27日 00:30');
  });

  it.each([
    [5, '剩 5 个工作日'],
    [0, '今天到期'],
    [-2, '已超期 2 个工作日'],
    [null, '—'],
  ])('says %p remaining working days as %p', (value, expected) => {
    expect(remainingText(value)).toBe(expected);
  });

  it.each([
    [0, 'overdue', '已过答复期限'], // Saturday after a Friday due date
    [-2, 'overdue', '已超期 2 个工作日'],
    [0, 'due_soon', '今天到期'],
  ])('says %p with flag %p as %p', (value, flag, expected) => {
    expect(remainingText(value, flag)).toBe(expected);
  });
});
