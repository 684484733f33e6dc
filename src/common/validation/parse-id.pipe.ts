import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainError } from '../errors/domain-error.js';

/** Route parameters that are record ids: anything but a UUID is a 400 naming the parameter. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && isUUID(value, 'all')) return value.toLowerCase();
    throw DomainError.validation([
      { field: metadata.data ?? 'id', code: 'isUuid', message: '不是有效的编号' },
    ]);
  }
}
