import { COUNT_EXACT_LIMIT, pageTotal, TEXT_COUNT_EXACT_LIMIT, totalFromPage } from './case-list.rules.js';

describe('the total of a case list', () => {
  it.each([
    // offset, pageSize, rowsOnPage → total known from the page alone?
    [0, 20, 7, { total: 7, exact: true }],
    [40, 20, 3, { total: 43, exact: true }],
    [0, 20, 0, { total: 0, exact: true }],
    [0, 20, 20, null], // a full page: there may be more
    [60, 20, 0, null], // past the end: the page says nothing
  ])('offset %i, page size %i, %i rows on the page → %j', (offset, pageSize, rows, expected) => {
    expect(totalFromPage(offset, pageSize, rows)).toEqual(expected);
  });

  it.each([
    ['a short page needs no count', { offset: 0, pageSize: 20, rowsOnPage: 5 }, { total: 5, exact: true }],
    [
      'a count under the limit is exact',
      { offset: 0, pageSize: 20, rowsOnPage: 20, counted: 3226 },
      { total: 3226, exact: true },
    ],
    [
      'exactly the limit is still exact',
      { offset: 0, pageSize: 20, rowsOnPage: 20, counted: COUNT_EXACT_LIMIT },
      { total: COUNT_EXACT_LIMIT, exact: true },
    ],
    [
      'over the limit: the planner’s estimate',
      { offset: 0, pageSize: 20, rowsOnPage: 20, counted: COUNT_EXACT_LIMIT + 1, estimated: 148_012.4 },
      { total: 148_012, exact: false },
    ],
    [
      'an estimate below what is known to exist is raised to it',
      { offset: 39_980, pageSize: 20, rowsOnPage: 20, counted: COUNT_EXACT_LIMIT + 1, estimated: 900 },
      { total: 40_000, exact: false },
    ],
    [
      'a text search counts exactly only up to its own limit',
      {
        offset: 0,
        pageSize: 20,
        rowsOnPage: 20,
        limit: TEXT_COUNT_EXACT_LIMIT,
        counted: TEXT_COUNT_EXACT_LIMIT + 1,
        estimated: 40_533,
      },
      { total: 40_533, exact: false },
    ],
    [
      'a text search under its limit is exact',
      { offset: 0, pageSize: 20, rowsOnPage: 20, limit: TEXT_COUNT_EXACT_LIMIT, counted: 476 },
      { total: 476, exact: true },
    ],
    [
      'no estimate at all: more than the limit',
      { offset: 0, pageSize: 20, rowsOnPage: 20, counted: COUNT_EXACT_LIMIT + 1 },
      { total: COUNT_EXACT_LIMIT + 1, exact: false },
    ],
  ])('%s', (_, input, expected) => {
    expect(pageTotal(input)).toEqual(expected);
  });
});
