import type { ArgumentMetadata } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';
import { ParseYearPipe } from './parse-year.pipe.js';

const meta: ArgumentMetadata = { type: 'param', data: 'year' };

function refusal(value: unknown): unknown {
  try {
    new ParseYearPipe().transform(value, meta);
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('ParseYearPipe', () => {
  it.each([
    ['2026', 2026],
    [2026, 2026], // already a number (the global ValidationPipe transforms `number` parameters)
  ])('takes %j as %i', (value, year) => {
    expect(new ParseYearPipe().transform(value, meta)).toBe(year);
  });

  it.each(['abc', '26', '20266', '', Number.NaN, null])(
    'refuses %j with a Chinese field message',
    (value) => {
      const thrown = refusal(value);
      expect(thrown).toBeInstanceOf(DomainError);
      expect((thrown as DomainError).errors).toEqual([
        expect.objectContaining({ field: 'year', message: '须为四位数的年份' }),
      ]);
    },
  );
});
