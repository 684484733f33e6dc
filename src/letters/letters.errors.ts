import type { ErrorCatalogPart } from '../common/errors/error-spec.js';

export const LETTERS_ERRORS = {
  LETTER_DATA_INVALID: { status: 400, title: '信函数据不完整或有误' },
  LETTER_PRE_ISSUE_FAILED: { status: 409, title: '信函未通过签发前检查' },
  LETTER_REMEDY_PROFILE_INVALID: { status: 409, title: '本机关的救济途径信息不完整' },
  LETTER_NUMBER_SERIES_INVALID: { status: 400, title: '发文字号序列有误' },
  LETTER_PRINT_FAILED: { status: 500, title: '信函打印失败' },
  LETTER_TYPE_UNKNOWN: { status: 400, title: '没有这种文书' },
  LETTER_NOT_APPLICABLE: { status: 409, title: '本案目前不能出具该文书' },
  LETTER_ALREADY_ISSUED: { status: 409, title: '该文书已经出具' },
  LETTER_ALREADY_SUPERSEDED: { status: 409, title: '该文书已被更正' },
  LETTER_REPLY_WITH_CASE_STEP: { status: 409, title: '答复书随“作出答复”一并出具' },
  LETTER_ROLE_NOT_ALLOWED: { status: 403, title: '您不能出具该文书' },
} as const satisfies ErrorCatalogPart;
