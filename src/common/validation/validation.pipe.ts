import 'reflect-metadata';
import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidatorOptions } from 'class-validator';
import { DomainError, type FieldError } from '../errors/domain-error.js';
import { duplicateParameterErrors, unsafeTextErrors } from './input-checks.js';
import { toFieldErrors } from './validation-messages.js';

/**
 * How every DTO is validated, by the API pipe, the console forms and the CLIs alike: unknown fields
 * refused; the value kept on the error (never in the response) so that the message can tell a missing
 * value from a wrong one.
 */
export const VALIDATOR_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  validationError: { target: false, value: true },
} as const satisfies ValidatorOptions;

type Metatype = ArgumentMetadata['metatype'];

/** Whether a DTO property holds several values (declared as an array). Unknown names are not flagged. */
function declaresSingle(metatype: Metatype, name: string): boolean {
  if (typeof metatype !== 'function' || !metatype.prototype) return false;
  const type: unknown = Reflect.getMetadata('design:type', metatype.prototype as object, name);
  return type !== undefined && type !== Array;
}

/**
 * The checks made on raw input before any DTO sees it, whatever the DTO declares: control and invalid
 * characters in any string (body, query, route parameter), and query parameters sent twice.
 */
export function inputErrors(
  value: unknown,
  metadata: Pick<ArgumentMetadata, 'type' | 'data' | 'metatype'>,
): FieldError[] {
  if (metadata.type === 'custom') return [];
  // An untyped body is a console form: its controller maps it to a DTO and checks it with
  // validateInput, which reports the field beside the form instead of an error page.
  if (metadata.type === 'body' && (metadata.metatype === Object || metadata.metatype === undefined))
    return [];
  const errors = unsafeTextErrors(value, metadata.data ?? '');
  if (metadata.type === 'query') {
    if (metadata.data) {
      if (Array.isArray(value) && metadata.metatype !== Array) {
        errors.push({ field: metadata.data, code: 'duplicateParameter', message: '参数重复' });
      }
    } else {
      errors.push(...duplicateParameterErrors(value, (name) => !declaresSingle(metadata.metatype, name)));
    }
  }
  return errors;
}

/** The input checks' errors first; the DTO's errors for the other fields after them (all at once). */
export function mergeFieldErrors(first: readonly FieldError[], then: readonly FieldError[]): FieldError[] {
  const seen = new Set(first.map((e) => e.field));
  return [...first, ...then.filter((e) => !seen.has(e.field))];
}

/** The one global pipe: input checks, unknown fields refused, input transformed to DTO instances. */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const early = inputErrors(value, metadata);
    if (early.length === 0) return super.transform(value, metadata);
    let later: readonly FieldError[] = [];
    try {
      await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof DomainError && error.errors) later = error.errors;
    }
    throw DomainError.validation(mergeFieldErrors(early, later));
  }
}

export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => DomainError.validation(toFieldErrors(errors)),
  });
}

/**
 * Validates plain input (a console form, CLI arguments) with a DTO class exactly as the global pipe
 * validates a request body: the same input checks, options and Chinese messages.
 */
export async function validateInput<T extends object>(
  type: new () => T,
  plain: object,
): Promise<{ dto: T; errors: FieldError[] }> {
  const early = inputErrors(plain, { type: 'body', metatype: type });
  const dto = plainToInstance(type, plain);
  const errors = toFieldErrors(await validate(dto, VALIDATOR_OPTIONS));
  return { dto, errors: mergeFieldErrors(early, errors) };
}
