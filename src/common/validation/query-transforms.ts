/**
 * class-transformer `@Transform` functions for query strings (everything arrives as text). A value
 * that does not convert is passed on as typed, so that validation names the field.
 */

/** A whole number, negative too, so that -1 is told "不能小于 1" rather than "必须是整数". */
export const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d{1,9}$/.test(value) ? Number(value) : value;

export const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
