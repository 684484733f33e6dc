/**
 * Check digits of Chinese identity numbers, so that a mistyped number is caught at the counter
 * rather than in a returned letter.
 */

const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_CHECK = '10X98765432';

export type IdCheck = { valid: true } | { valid: false; reason: string };

/**
 * 居民身份证号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence and an
 * ISO 7064 MOD 11-2 check character. `today` bounds the birth date (rules never read the clock).
 */
export function checkResidentIdNumber(value: string, today?: string): IdCheck {
  const v = value.trim().toUpperCase();
  if (/^\d{15}$/.test(v)) return { valid: false, reason: '第一代 15 位身份证已停止使用，请提供 18 位号码' };
  if (!/^\d{17}[\dX]$/.test(v))
    return { valid: false, reason: '应为 18 位，前 17 位为数字，最后一位为数字或 X' };
  if (!/^[1-9]\d{5}$/.test(v.slice(0, 6)) || !'1234568'.includes(v[0])) {
    return { valid: false, reason: '前 6 位行政区划代码不正确' };
  }
  const birth = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  if (!isRealDate(birth) || birth < '1900-01-01' || (today !== undefined && birth > today)) {
    return { valid: false, reason: `出生日期 ${birth} 不是有效日期` };
  }
  const sum = RESIDENT_WEIGHTS.reduce((acc, w, i) => acc + w * Number(v[i]), 0);
  if (RESIDENT_CHECK[sum % 11] !== v[17]) return { valid: false, reason: '校验位不正确，请核对号码' };
  return { valid: true };
}

// GB 32100-2015: the 31 characters allowed (no I, O, S, V, Z) and the position weights.
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015): 18 characters with a MOD 31 check character. */
export function checkUnifiedSocialCreditCode(value: string): IdCheck {
  const v = value.trim().toUpperCase();
  if (v.length !== 18) return { valid: false, reason: '应为 18 位' };
  for (const ch of v) {
    if (!CREDIT_CHARS.includes(ch))
      return { valid: false, reason: `含有不允许的字符“${ch}”（代码不使用 I、O、S、V、Z）` };
  }
  if (!/^\d{6}$/.test(v.slice(2, 8)))
    return { valid: false, reason: '第 3—8 位登记管理机关行政区划码应为数字' };
  const sum = CREDIT_WEIGHTS.reduce((acc, w, i) => acc + w * CREDIT_CHARS.indexOf(v[i]), 0);
  const expected = CREDIT_CHARS[(31 - (sum % 31)) % 31];
  if (expected !== v[17]) return { valid: false, reason: '校验位不正确，请核对代码' };
  return { valid: true };
}

/** Mobile (1[3-9]…) or landline with area code, e.g. 0539-6200001; extensions allowed. */
export function isChinesePhoneNumber(value: string): boolean {
  const v = value.replace(/[\s()（）]/g, '');
  return (
    /^(\+?86-?)?1[3-9]\d{9}$/.test(v) ||
    /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(v) ||
    /^[48]00-?\d{3}-?\d{4}$/.test(v)
  );
}

export function isRealDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
