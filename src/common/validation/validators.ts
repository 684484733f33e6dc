import { Type } from 'class-transformer';
import {
  IsDefined,
  IsObject,
  IsOptional,
  ValidateNested,
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import {
  checkResidentIdNumber,
  checkUnifiedSocialCreditCode,
  isChinesePhoneNumber,
  isRealDate,
} from './identity-numbers.js';
import { isBlank } from './validation-messages.js';

/**
 * Required text: a string with something visible in it. Unlike class-validator's `IsNotEmpty`, a value
 * of spaces or only invisible characters (zero-width space, BOM…) is refused as empty; services store
 * the trimmed text, so "   " would otherwise become "". Use it instead of `IsNotEmpty` (lint enforces it).
 */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotBlank',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '不能为空', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' ? !isBlank(value) : value !== undefined && value !== null,
      },
    });
}

/**
 * The end of a date range (`…To`) not before its start (`…From`, named by `startProperty`) when both
 * are given: a reversed range is a mistake to say, not an empty list to show.
 */
export function NotBeforeDate(startProperty: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notBeforeDate',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [startProperty],
      options: { message: '结束日期不能早于开始日期', ...options },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const start = (args.object as Record<string, unknown>)[startProperty];
          return typeof value !== 'string' || typeof start !== 'string' || value >= start;
        },
      },
    });
}

type DtoClass = abstract new (...args: never[]) => object;

function compose(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, propertyName) => decorators.forEach((d) => d(target, propertyName));
}

/**
 * A required nested object (`evidence`, `detail`…): missing gives the field's own message, an array,
 * string or number "必须是对象", never a TypeError in the service. Use it instead of a bare
 * `ValidateNested()`, which lets `undefined` and `[]` through (a spec checks every DTO).
 */
export function RequiredObject(type: () => DtoClass, requiredMessage: string): PropertyDecorator {
  return compose(
    IsDefined({ message: requiredMessage }),
    IsObject({ message: '必须是对象' }),
    ValidateNested(),
    Type(type as () => new () => object),
  );
}

/** An optional nested object: absent or null is fine, anything but an object (e.g. `[]`) is refused. */
export function OptionalObject(type: () => DtoClass): PropertyDecorator {
  return compose(
    IsOptional(),
    IsObject({ message: '必须是对象' }),
    ValidateNested(),
    Type(type as () => new () => object),
  );
}

/** `YYYY-MM-DD` and a real calendar date (2026-02-30 is refused). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '不是有效日期（格式 YYYY-MM-DD）', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isRealDate(value) },
    });
}

export function IsChinesePhone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isChinesePhone',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '不是有效的电话号码（手机号或带区号的固定电话）', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isChinesePhoneNumber(value) },
    });
}

export type IdDocumentType = 'resident_id' | 'credit_code' | 'passport' | 'other';

/**
 * Checks an identity number according to the document type in a sibling property: the check digit
 * of a 居民身份证 (GB 11643) or a 统一社会信用代码 (GB 32100); passports and other documents only for
 * shape. The message says what is wrong.
 */
export function IsIdNumberFor(typeProperty: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIdNumber',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [typeProperty],
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          return (
            validateIdNumber(value, (args.object as Record<string, unknown>)[typeProperty]) === undefined
          );
        },
        defaultMessage(args: ValidationArguments) {
          return (
            validateIdNumber(args.value, (args.object as Record<string, unknown>)[typeProperty]) ??
            '证件号码不正确'
          );
        },
      },
    });
}

/** What is wrong with an identity number of a document type, or undefined (the web console checks as the clerk types). */
export function validateIdNumber(value: unknown, type: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return '证件号码不能为空';
  switch (type) {
    case 'resident_id': {
      const check = checkResidentIdNumber(value);
      return check.valid ? undefined : `身份证号码${check.reason}`;
    }
    case 'credit_code': {
      const check = checkUnifiedSocialCreditCode(value);
      return check.valid ? undefined : `统一社会信用代码${check.reason}`;
    }
    case 'passport':
      return /^[A-Za-z0-9]{5,20}$/.test(value.trim()) ? undefined : '护照号码应为 5—20 位字母或数字';
    default:
      return value.trim().length <= 50 ? undefined : '证件号码过长';
  }
}
