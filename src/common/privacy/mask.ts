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

// 居民身份证 numbers inside free text (URLs, log messages), wherever they are: 18 characters (17 digits
// and the check character, perhaps split by single spaces or hyphens as people type them, e.g.
// 110105-19491231-002X) or 15 digits, next to letters or not, but not inside longer digit runs.
const ID_IN_TEXT = /(?<!\d)(?:(?:\d[\s-]?){17}[\dXx]|\d{15})(?!\d)/g;

export function maskIdNumbersInText(text: string): string {
  return text.replace(ID_IN_TEXT, (match) => maskIdNumber(match.replace(/[\s-]/g, '')) ?? match);
}

/**
 * A request URL for the log with ID numbers masked, also those only visible once decoded
 * (`110105%2019491231002X`, `%31%31…`): when decoding reveals one, the decoded URL is logged, masked.
 */
export function maskIdNumbersInUrl(url: string): string {
  const masked = maskIdNumbersInText(url);
  const decoded = url.replace(/\+/g, ' ').replace(/(?:%[0-9A-Fa-f]{2})+/g, (escaped) => {
    try {
      return decodeURIComponent(escaped);
    } catch {
      return escaped;
    }
  });
  const maskedDecoded = maskIdNumbersInText(decoded);
  return maskedDecoded === decoded ? masked : maskedDecoded;
}
