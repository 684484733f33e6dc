import type { ErrorCatalogPart } from '../common/errors/error-spec.js';

export const CALENDAR_ERRORS = {
  CALENDAR_DATE_INVALID: { status: 400, title: '日期不合法' },
  CALENDAR_DATE_OUT_OF_RANGE: { status: 400, title: '日期超出工作日历可计算的范围' },
  CALENDAR_YEAR_UNAVAILABLE: { status: 422, title: '该年份没有放假安排，无法计算工作日' },
  CALENDAR_IMPORT_INVALID: { status: 400, title: '放假安排数据校验未通过' },
} as const satisfies ErrorCatalogPart;
