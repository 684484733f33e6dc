import type { ValidationError } from 'class-validator';
import type { FieldError } from '../errors/domain-error.js';

/**
 * Chinese wording for class-validator's built-in constraints. A decorator that already carries a
 * Chinese message (our own validators, or `{ message: '…' }`) keeps it. class-validator does not
 * expose a constraint's arguments on the error, so the numbers and lists are read back from its
 * (stable, English) default message.
 */
const TEMPLATES: Record<string, (args: string[]) => string> = {
  whitelistValidation: () => '不允许的字段',
  isDefined: () => '必须填写',
  isNotEmpty: () => '不能为空',
  isEmpty: () => '必须为空',
  isString: () => '必须是文本',
  isInt: () => '必须是整数',
  isNumber: () => '必须是数字',
  isBoolean: () => '必须是 true 或 false',
  isArray: () => '必须是数组',
  isObject: () => '必须是对象',
  isEnum: () => '不是允许的取值',
  isIn: (a) => `必须是以下取值之一：${a[0] ?? ''}`,
  isNotIn: () => '不是允许的取值',
  min: (a) => `不能小于 ${String(a[0])}`,
  max: (a) => `不能大于 ${String(a[0])}`,
  minLength: (a) => `长度不能少于 ${String(a[0])} 个字符`,
  maxLength: (a) => `长度不能超过 ${String(a[0])} 个字符`,
  length: (a) => `长度必须在 ${String(a[0])} 到 ${String(a[1] ?? '∞')} 个字符之间`,
  arrayMinSize: (a) => `至少需要 ${String(a[0])} 项`,
  arrayMaxSize: (a) => `不能超过 ${String(a[0])} 项`,
  arrayNotEmpty: () => '至少需要一项',
  arrayUnique: () => '不能有重复项',
  isUUID: () => '不是合法的 ID（UUID）',
  isEmail: () => '不是合法的电子邮箱地址',
  isUrl: () => '不是合法的网址',
  isISO8601: () => '不是合法的日期时间（ISO 8601）',
  isDateString: () => '不是合法的日期时间',
  isDate: () => '不是合法的日期',
  matches: () => '格式不正确',
  isPositive: () => '必须是正数',
  isNumberString: () => '必须是数字',
  nestedValidation: () => '格式不正确',
};

const CJK = /[\u3400-\u9fff]/;

function argumentsOf(constraint: string, message: string): string[] {
  if (constraint === 'isIn') return [message.split(': ').slice(1).join(': ').split(/,\s*/).join('、')];
  return message.match(/-?\d+(\.\d+)?/g) ?? [];
}

function translate(constraint: string, message: string): string {
  if (CJK.test(message)) return message;
  return TEMPLATES[constraint]?.(argumentsOf(constraint, message)) ?? '格式不正确';
}

/** Flattens class-validator's error tree into one entry per failed constraint, with dotted field paths. */
export function toFieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      out.push({ field, code: constraint, message: translate(constraint, message) });
    }
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}
