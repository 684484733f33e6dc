import type { FieldError } from '../errors/domain-error.js';

/**
 * Checks that no DTO can forget, applied to every string of a request body, query string or route
 * parameter before the DTO is validated (API pipe and console forms alike):
 * - C0 control characters other than tab, line feed and carriage return, NUL above all: PostgreSQL
 *   refuses NUL in text, and the others have no place in a name, an address or a request;
 * - lone UTF-16 surrogates (`"\ud800"` is valid JSON but not text): jsonb refuses them.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGE = '不能包含控制字符或无效字符';
export const DUPLICATE_PARAMETER_MESSAGE = '参数重复';

export function hasUnsafeCharacters(value: string): boolean {
  return CONTROL.test(value) || LONE_SURROGATE.test(value);
}

/**
 * Every string (values and keys) in a parsed body or query containing an unsafe character, as field
 * errors with dotted paths. A string inside an array of strings is reported on the array itself (that
 * is the field a form shows); objects in arrays keep their index (`items.0.name`), as class-validator does.
 */
export function unsafeTextErrors(value: unknown, path = ''): FieldError[] {
  const errors: FieldError[] = [];
  const report = (field: string) => {
    if (!errors.some((e) => e.field === field)) {
      errors.push({ field: field || 'body', code: 'safeText', message: UNSAFE_TEXT_MESSAGE });
    }
  };
  const walk = (v: unknown, at: string, depth: number): void => {
    if (depth > 32) return;
    if (typeof v === 'string') {
      if (hasUnsafeCharacters(v)) report(at);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) =>
        walk(item, typeof item === 'object' && item !== null ? join(at, String(i)) : at, depth + 1),
      );
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, item] of Object.entries(v)) {
        if (hasUnsafeCharacters(key)) report(at);
        else walk(item, join(at, key), depth + 1);
      }
    }
  };
  walk(value, path, 0);
  return errors;
}

/**
 * Query parameters sent more than once (`?page=2&page=3` parses to an array) where the DTO declares a
 * single value: one clear message instead of every constraint failing on an array.
 */
export function duplicateParameterErrors(
  query: unknown,
  isArrayProperty: (name: string) => boolean,
): FieldError[] {
  if (typeof query !== 'object' || query === null) return [];
  return Object.entries(query)
    .filter(([name, v]) => Array.isArray(v) && !isArrayProperty(name))
    .map(([name]) => ({ field: name, code: 'duplicateParameter', message: DUPLICATE_PARAMETER_MESSAGE }));
}

function join(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}
