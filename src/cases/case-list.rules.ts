/**
 * How many cases a list matches, without counting a million rows for every page: the count is exact
 * up to COUNT_EXACT_LIMIT (TEXT_COUNT_EXACT_LIMIT for a text search) and an estimate beyond (the
 * planner's row estimate, never below what is known to exist). A page that is not full tells the
 * total by itself.
 */
export const COUNT_EXACT_LIMIT = 10_000;

/**
 * For a text search every match must be read from the table to be confirmed (the trigram index only
 * narrows the candidates), so its exact count stops sooner.
 */
export const TEXT_COUNT_EXACT_LIMIT = 1_000;

export interface PageTotalInput {
  offset: number;
  pageSize: number;
  /** Rows on the page just read. */
  rowsOnPage: number;
  /** Up to how many matching rows are counted exactly (COUNT_EXACT_LIMIT unless said otherwise). */
  limit?: number;
  /** Matching rows counted with LIMIT limit + 1 (absent when not counted). */
  counted?: number;
  /** The planner's estimate of the matching rows (asked only when the count hit the limit). */
  estimated?: number;
}

export interface PageTotal {
  total: number;
  exact: boolean;
}

/** Whether the page alone decides the total (so no count is needed). */
export function totalFromPage(offset: number, pageSize: number, rowsOnPage: number): PageTotal | null {
  if (rowsOnPage > 0 && rowsOnPage < pageSize) return { total: offset + rowsOnPage, exact: true };
  if (rowsOnPage === 0 && offset === 0) return { total: 0, exact: true };
  return null;
}

export function pageTotal(input: PageTotalInput): PageTotal {
  const fromPage = totalFromPage(input.offset, input.pageSize, input.rowsOnPage);
  if (fromPage) return fromPage;
  const limit = input.limit ?? COUNT_EXACT_LIMIT;
  const counted = input.counted ?? 0;
  if (counted <= limit) return { total: counted, exact: true };
  // More than the limit: the estimate, but at least what is known to exist.
  const atLeast = Math.max(limit + 1, input.offset + input.rowsOnPage);
  return { total: Math.max(atLeast, Math.round(input.estimated ?? 0)), exact: false };
}
