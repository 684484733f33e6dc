import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';

/** A year in a route (`/annual-reports/:year`): four digits, or a 400 naming the parameter in Chinese. */
@Injectable()
export class ParseYearPipe implements PipeTransform<unknown, number> {
  transform(value: unknown, metadata: ArgumentMetadata): number {
    // The global ValidationPipe (transform) may already have made a `number` parameter a number.
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text === 'string' && /^\d{4}$/.test(text)) return Number(text);
    throw DomainError.validation([
      { field: metadata.data ?? 'year', code: 'isYear', message: '须为四位数的年份' },
    ]);
  }
}
