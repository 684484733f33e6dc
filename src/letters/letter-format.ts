import type { Channel } from '../cases/channel.js';
import type { IsoDate } from '../common/clock/clock.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * GB/T 9704-2012 7.3.5.4: 成文日期 in Arabic numerals, full year, no leading zero in month or day:
 * 2026-03-08 → 2026年3月8日.
 */
export function formatChineseDate(date: IsoDate): string {
  if (!isIsoDate(date)) throw new TypeError(`不是合法日期（应为 YYYY-MM-DD）：${JSON.stringify(date)}`);
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * GB/T 9704-2012 7.2.5: 发文字号 = prefix + year in 六角括号 + sequence number without leading zeros
 * (1 is not written 01) and without 第, followed by 号: 郯自然资信复〔2026〕12号.
 */
export function formatDocumentNumber(prefix: string, year: number, sequence: number): string {
  if (prefix.trim() === '') throw new TypeError('发文字号缺少机关代字');
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new TypeError(`年份不合法：${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new TypeError(`发文顺序号不合法：${sequence}`);
  return `${prefix.trim()}〔${year}〕${sequence}号`;
}

/** A well-formed 发文字号 (the shape formatDocumentNumber produces). */
export const DOCUMENT_NUMBER_PATTERN = /^\S+〔\d{4}〕[1-9]\d*号$/;

/** How the letter's opening recital says the application arrived (条例 Art. 31). */
export const CHANNEL_PHRASES: Record<Channel, string> = {
  in_person: '当面提交',
  oral: '口头提出（由本机关代为填写）',
  post_signed: '以邮寄方式提交',
  post_unsigned: '以平常信函方式提交',
  online: '通过互联网渠道提交',
  fax: '通过传真提交',
};

/** Fee amounts are whole or fractional yuan; printed with two decimals: 1700 → 1700.00元. */
export function formatYuan(amount: number): string {
  if (!Number.isFinite(amount) || amount < 0) throw new TypeError(`金额不合法：${amount}`);
  return `${amount.toFixed(2)}元`;
}
