import { perItemFee, perPageFee } from './fee.rules.js';

describe('per-page fee (国办函〔2020〕109号, 超额累进)', () => {
  it.each([
    [1, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [150, 1700], // legal-rules §2.2 worked example
    [200, 2700],
    [250, 4700], // 70×10 + 100×20 + 50×40
  ])('%i pages → %i 元', (pages, yuan) => {
    expect(perPageFee(pages).amountYuan).toBe(yuan);
  });
});

describe('per-item fee', () => {
  it.each([
    [1, 1, 0],
    [10, 1, 0],
    [11, 1, 100],
    [30, 1, 100],
    [31, 1, 200],
    [35, 1, 200], // legal-rules §2.2: the 35th application in a month → 200 元
    [40, 1, 200],
    [41, 1, 300],
    [51, 1, 400],
    [9, 3, 100], // 9th and 10th free, 11th 100
    [29, 3, 400], // 29th, 30th at 100; 31st at 200
  ])('item %i (×%i) → %i 元', (first, items, yuan) => {
    expect(perItemFee(first, items).amountYuan).toBe(yuan);
  });

  it('explains the bands', () => {
    expect(perItemFee(29, 3).explanation).toBe(
      '按件计收：本月第 29—31 件，第 29—30 件每件 100 元计 200 元，第 31—31 件每件 200 元计 200 元，合计 400 元',
    );
  });
});
