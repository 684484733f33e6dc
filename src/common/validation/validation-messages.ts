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
  isEnum: () => '取值无效',
  // The allowed values are internal codes: they go into the error's `allowed` member, not the message.
  isIn: () => '取值无效',
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

function argumentsOf(message: string): string[] {
  return message.match(/-?\d+(\.\d+)?/g) ?? [];
}

/** The values an `IsIn` allows, read back from its default message (none when a message was given). */
function allowedValues(message: string): string[] | undefined {
  const m = /must be one of the following values: (.*)$/.exec(message);
  return m ? m[1].split(/,\s*/).filter(Boolean) : undefined;
}

function translate(constraint: string, message: string): string {
  if (CJK.test(message)) return message;
  return TEMPLATES[constraint]?.(argumentsOf(message)) ?? '格式不正确';
}

/** Constraints that say a value is missing: when one fails, it is the only message of the field. */
const REQUIRED = ['isDefined', 'isNotBlank', 'isNotEmpty', 'arrayNotEmpty'];
/** Constraints on the kind of value: when one fails, the length or range checks say nothing useful. */
const KIND = [
  'isObject',
  'isArray',
  'isString',
  'isInt',
  'isNumber',
  'isNumberString',
  'isBoolean',
  'isIn',
  'isEnum',
  'isUUID',
  'isIsoDate',
  'isISO8601',
  'isDateString',
  'isDate',
];

/** Spaces and invisible characters (zero-width space, BOM, soft hyphen, Hangul filler…). */
const INVISIBLE = /[\s\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** True for a string made only of spaces and invisible characters (a name of "\u200B" is no name). */
export function isBlank(value: string): boolean {
  return value.replace(INVISIBLE, '') === '';
}

/** Whether the value was absent (`undefined`/`null`) or blank; unknown when the error carries no value. */
function missing(error: ValidationError): 'absent' | 'blank' | undefined {
  if (!('value' in error)) return undefined;
  const v: unknown = error.value;
  if (v === undefined || v === null) return 'absent';
  return typeof v === 'string' && isBlank(v) ? 'blank' : undefined;
}

const CHOICE = ['isIn', 'isEnum'];
const ASKS_FOR_VALUE = /不能为空|^须|^请/;

/**
 * The one relevant problem of a field, not every constraint that fails: a missing value is "不能为空"
 * (or the field's own required message), not "长度不能超过…"; a wrong kind of value is "必须是整数",
 * not also "不能小于 1". Otherwise all failures are reported (e.g. two independent format rules).
 */
function relevant(error: ValidationError): [string, string][] {
  const failed = Object.entries(error.constraints ?? {});
  if (failed.length === 0) return failed;
  const whitelist = failed.find(([c]) => c === 'whitelistValidation');
  if (whitelist) return [whitelist];
  const required = REQUIRED.flatMap((c) => failed.filter(([k]) => k === c));
  if (required.length) return [required.find(([, m]) => CJK.test(m)) ?? required[0]];
  const absence = missing(error);
  if (absence) {
    // A message of the field's own that asks for the value ("证件号码不能为空", "须写明…") says it best.
    const own = failed.find(([, m]) => ASKS_FOR_VALUE.test(m));
    if (own) return [own];
    const code = absence === 'absent' ? 'isDefined' : 'isNotEmpty';
    return [[code, failed.every(([c]) => CHOICE.includes(c)) ? '请选择一项' : '不能为空']];
  }
  const kind = KIND.flatMap((c) => failed.filter(([k]) => k === c));
  if (kind.length) return [kind[0]];
  return failed;
}

/** Flattens class-validator's error tree into one entry per failed constraint, with dotted field paths. */
export function toFieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, message] of relevant(error)) {
      const allowed = constraint === 'isIn' ? allowedValues(message) : undefined;
      out.push({
        field,
        code: constraint,
        message: translate(constraint, message),
        ...(allowed && { allowed }),
      });
    }
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}
