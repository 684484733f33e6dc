/**
 * 信息处理费 (条例 Art. 42; 《政府信息公开信息处理费管理办法》国办函〔2020〕109号): charged only when the
 * volume or frequency of applications clearly exceeds a reasonable range, either per item or per
 * page — never both for one application (Art. 3) — on an excess-progressive (超额累进) scale.
 */

export type FeeMethod = 'per_item' | 'per_page';

export interface FeeBand {
  /** First unit of the band (1-based, inclusive). */
  from: number;
  /** Last unit of the band, inclusive; null = open-ended. */
  to: number | null;
  yuanPerUnit: number;
  units: number;
  subtotal: number;
}

export interface FeeResult {
  method: FeeMethod;
  amountYuan: number;
  bands: FeeBand[];
  /** How it was computed, in Chinese, for the 收费通知书. */
  explanation: string;
}

/**
 * Per item (Art. 4): counted per applicant per calendar month, cumulatively: the 1st–10th
 * application free, the 11th–30th 100 元 each, then each further band of 10 costs 100 元 more
 * (31st–40th 200 元, 41st–50th 300 元 …). `firstIndex` is this application's first item's position
 * in the month (1-based), `items` how many items it counts as (一事一申请 may split one letter).
 */
export function perItemFee(firstIndex: number, items: number): FeeResult {
  assertPositive(firstIndex, 'firstIndex');
  assertPositive(items, 'items');
  const priceOf = (n: number) => (n <= 10 ? 0 : n <= 30 ? 100 : 100 * (Math.floor((n - 31) / 10) + 2));
  const bands: FeeBand[] = [];
  for (let n = firstIndex; n < firstIndex + items; n++) {
    const price = priceOf(n);
    const last = bands[bands.length - 1];
    if (last && last.yuanPerUnit === price) {
      last.to = n;
      last.units++;
      last.subtotal += price;
    } else {
      bands.push({ from: n, to: n, yuanPerUnit: price, units: 1, subtotal: price });
    }
  }
  const amountYuan = bands.reduce((sum, b) => sum + b.subtotal, 0);
  return {
    method: 'per_item',
    amountYuan,
    bands,
    explanation: `按件计收：本月第 ${firstIndex}${items > 1 ? `—${firstIndex + items - 1}` : ''} 件，${describe(bands, '件')}，合计 ${amountYuan} 元`,
  };
}

/**
 * Per page (按量计收): up to 30 pages free; pages 31–100 at 10 元, 101–200 at 20 元, 201 and above at
 * 40 元 per page, each rate applying to the pages in its band.
 */
export function perPageFee(pages: number): FeeResult {
  assertPositive(pages, 'pages');
  const scale: Array<[number, number | null, number]> = [
    [1, 30, 0],
    [31, 100, 10],
    [101, 200, 20],
    [201, null, 40],
  ];
  const bands: FeeBand[] = [];
  for (const [from, to, price] of scale) {
    if (pages < from) break;
    const last = to === null ? pages : Math.min(to, pages);
    const units = last - from + 1;
    bands.push({ from, to: last, yuanPerUnit: price, units, subtotal: units * price });
  }
  const amountYuan = bands.reduce((sum, b) => sum + b.subtotal, 0);
  return {
    method: 'per_page',
    amountYuan,
    bands,
    explanation: `按量计收：共 ${pages} 页，${describe(bands, '页')}，合计 ${amountYuan} 元`,
  };
}

function describe(bands: FeeBand[], unit: string): string {
  return bands
    .map((b) =>
      b.yuanPerUnit === 0
        ? `第 ${b.from}—${b.to} ${unit}免费`
        : `第 ${b.from}—${b.to} ${unit}每${unit} ${b.yuanPerUnit} 元计 ${b.subtotal} 元`,
    )
    .join('，');
}

function assertPositive(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
}
