/**
 * Personal ID numbers never appear in full in lists or logs. A 居民身份证 number keeps its first 6
 * (region) and last 4 characters; other identifiers keep the last 4.
 */
export function maskIdNumber(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value === '') return '';
  const v = value.trim();
  if (v.length <= 4) return '*'.repeat(v.length);
  if (/^\d{17}[\dXx]$/.test(v) || /^\d{15}$/.test(v))
    return `${v.slice(0, 6)}${'*'.repeat(v.length - 10)}${v.slice(-4)}`;
  return `${'*'.repeat(v.length - 4)}${v.slice(-4)}`;
}

// 15- or 18-character 居民身份证 numbers inside free text (URLs, log messages), not inside longer digit runs.
const ID_IN_TEXT = /(?<![\dA-Za-z])(?:\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g;

export function maskIdNumbersInText(text: string): string {
  return text.replace(ID_IN_TEXT, (match) => maskIdNumber(match) ?? match);
}
