import type { ErrorCatalogPart } from '../common/errors/error-spec.js';

export const SUPERVISION_ERRORS = {
  SUPERVISION_REPORT_ALREADY_LOCKED: { status: 409, title: '该年度报告已锁定' },
  SUPERVISION_REPORT_YEAR_NOT_OVER: { status: 409, title: '年度尚未结束，不能锁定年度报告' },
  SUPERVISION_REMEDY_CASE_OPEN: { status: 409, title: '案件尚未办结，不能登记复议或诉讼' },
  SUPERVISION_PERSONAL_DATA_FORBIDDEN: { status: 403, title: '无权导出未遮蔽的个人信息' },
  SUPERVISION_EXPORT_TOO_LARGE: { status: 400, title: '导出的案件过多，请缩小范围' },
} as const satisfies ErrorCatalogPart;
