import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isIsoDate } from '../iso-date.js';

/** A real calendar date written `YYYY-MM-DD` (2026-02-30 and 2026-2-3 are refused). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: { validate: (value: unknown) => isIsoDate(value) },
    },
    { message: '不是合法的日期（应为 YYYY-MM-DD 格式的真实日期）', ...options },
  );
}
