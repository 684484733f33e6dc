import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';

/** A year in a route (`/annual-reports/:year`): four digits, or a 400 naming the parameter in Chinese. */
@Injectable()
export class ParseYearPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    if (typeof value === 'string' && /^\d{4}$/.test(value)) return Number(value);
    throw DomainError.validation([
      { field: metadata.data ?? 'year', code: 'isYear', message: '须为四位数的年份' },
    ]);
  }
}
