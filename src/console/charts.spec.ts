import { countTicks, horizontalBars, percent, rateTone, verticalBars } from './charts.js';

describe('chart numbers for people', () => {
  it.each([
    [null, '—'],
    [1, '100%'],
    [0.9166, '91.7%'],
    [0.5, '50%'],
    [0, '0%'],
  ])('%p as %p', (rate, text) => {
    expect(percent(rate)).toBe(text);
  });

  it.each([
    [null, 'neutral'],
    [1, 'ok'],
    [0.9, 'ok'],
    [0.89, 'soon'],
    [0.6, 'soon'],
    [0.59, 'late'],
  ])('an on-time rate of %p is %p', (rate, tone) => {
    expect(rateTone(rate)).toBe(tone);
  });

  it.each([
    [0, [0, 1]],
    [3, [0, 1, 2, 3]],
    [10, [0, 5, 10]],
    [37, [0, 10, 20, 30, 40]],
  ])('counts up to %p get round grid lines %j', (max, values) => {
    expect(countTicks(max).map((t) => t.value)).toEqual(values);
  });
});

const datum = (label: string, value: number | null) => ({
  label,
  value,
  valueText: value === null ? '—' : String(value),
  tooltip: label,
  tone: 'ok' as const,
});

describe('horizontal bars', () => {
  const chart = horizontalBars({
    id: 'c',
    title: 't',
    desc: 'd',
    data: [datum('甲', 1), datum('乙', 0.5), datum('丙', null)],
    max: 1,
    ticks: [{ value: 0, label: '0%' }],
  });

  it('scales each bar to the maximum and draws none for a missing value', () => {
    expect(chart.rects.map((r) => r.width)).toEqual([300, 150]);
    expect(chart.rects[1].x).toBe(190);
  });

  it('writes every label and value, the missing one too', () => {
    expect(chart.texts.filter((x) => x.cls === 'label').map((x) => x.text)).toEqual(['甲', '乙', '丙']);
    expect(chart.texts.filter((x) => x.cls === 'value').map((x) => x.text)).toEqual(['1', '0.5', '—']);
  });
});

describe('vertical bars', () => {
  it('stands bars on the axis, their height to scale, and draws no bar for zero', () => {
    const chart = verticalBars({
      id: 'c',
      title: 't',
      desc: 'd',
      data: [datum('一', 4), datum('二', 2), datum('三', 0)],
      max: 4,
      ticks: countTicks(4),
      plotHeight: 100,
    });
    expect(chart.rects.map((r) => [r.height, r.y + r.height])).toEqual([
      [100, 122],
      [50, 122],
    ]);
    expect(chart.texts.filter((x) => x.cls === 'value').map((x) => x.text)).toEqual(['4', '2', '0']);
  });
});
