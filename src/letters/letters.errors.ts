import type { ErrorCatalogPart } from '../common/errors/error-spec.js';

export const LETTERS_ERRORS = {
  LETTER_DATA_INVALID: { status: 400, title: '信函数据不完整或有误' },
  LETTER_PRE_ISSUE_FAILED: { status: 409, title: '信函未通过签发前检查' },
  LETTER_REMEDY_PROFILE_INVALID: { status: 409, title: '本机关的救济途径信息不完整' },
  LETTER_NUMBER_SERIES_INVALID: { status: 400, title: '发文字号序列有误' },
  LETTER_PRINT_FAILED: { status: 500, title: '信函打印失败' },
} as const satisfies ErrorCatalogPart;
