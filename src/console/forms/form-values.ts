import type { FieldError } from '../../common/errors/domain-error.js';
import { validateInput } from '../../common/validation/validation.pipe.js';

/** A urlencoded form body as Express parses it (flat names such as `applicant.idNumber`). */
export type FormBody = Readonly<Record<string, unknown>>;

/** A typed text field: trimmed, absent when empty (so optional DTO fields stay absent). */
export function text(body: FormBody, name: string): string | undefined {
  const value = body[name];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A whole number; anything else is passed on as typed so that validation names the field. */
export function int(body: FormBody, name: string): number | string | undefined {
  const value = text(body, name);
  if (value === undefined) return undefined;
  return /^-?\d{1,9}$/.test(value) ? Number(value) : value;
}

/** Radio buttons or a checkbox with value "true"/"false" (an unticked checkbox sends nothing). */
export function bool(body: FormBody, name: string): boolean | string | undefined {
  const value = text(body, name);
  if (value === undefined) return undefined;
  return value === 'true' ? true : value === 'false' ? false : value;
}

/** A textarea with one item per line. */
export function lines(body: FormBody, name: string): string[] {
  const value = body[name];
  if (typeof value !== 'string') return [];
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Several values of one name (checkboxes). */
export function many(body: FormBody, name: string): string[] {
  const value = body[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string' && v !== '');
}

/** Drops absent members, so that `{ a: undefined }` does not count as a sent field. */
export function defined<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * A `datetime-local` value (2026-11-27T09:30, wall time in `timeZone`) as an ISO instant with offset
 * (2026-11-27T09:30:00+08:00); anything else is returned as typed.
 */
export function localDateTimeToIso(value: string | undefined, timeZone: string): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return value;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0));
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const offsetMinutes = Math.round((zonedWallTime(new Date(wall), timeZone) - wall) / 60_000);
  // The offset at the instant itself (differs from the guess only around a DST change).
  const offset = Math.round(
    (zonedWallTime(new Date(wall - offsetMinutes * 60_000), timeZone) - (wall - offsetMinutes * 60_000)) /
      60_000,
  );
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function zonedWallTime(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, Number(p.value)]),
  );
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

export type Validated<T> = { ok: true; dto: T } | { ok: false; errors: FieldError[] };

/**
 * Validates a form's values with the API's own DTO class, exactly as the global ValidationPipe does
 * (control characters and unknown fields refused, one Chinese message per field), so the console
 * accepts what the API accepts.
 */
export async function validateForm<T extends object>(
  type: new () => T,
  plain: object,
): Promise<Validated<T>> {
  const { dto, errors } = await validateInput(type, plain);
  return errors.length ? { ok: false, errors } : { ok: true, dto };
}

/** Field errors as the templates look them up: `{ 'applicant.idNumber': '…' }` (first message per field). */
export function errorMap(errors: readonly FieldError[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const e of errors) map[e.field] ??= e.message;
  return map;
}

/** "联系电话：不能为空" for the summary; a message that already names its field stays as it is. */
export function summaryLine(
  field: string,
  message: string,
  labels: Readonly<Record<string, string>>,
): string {
  const label = labels[field] ?? labels[field.split('.').slice(0, -1).join('.')];
  return label && !message.includes(label) ? `${label}：${message}` : message;
}
