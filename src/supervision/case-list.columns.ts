/**
 * The columns of the audit case list (案件清单) and how each personal field is masked (PIPL
 * minimisation: a supervisor auditing timeliness needs the case, not the person).
 */
import { APPLICANT_TYPE_LABELS, type ApplicantType } from '../cases/applicant-type.js';
import { CASE_STATUS_LABELS, type CaseStatus } from '../cases/case-status.js';
import { CHANNEL_LABELS, type Channel } from '../cases/channel.js';
import { OUTCOMES, type Outcome } from '../cases/outcome.js';
import type { IsoDate } from '../common/clock/clock.js';
import type { ExportColumn } from './case-list.export.js';

export interface CaseListRow {
  readonly caseNumber: string;
  readonly agencyName: string;
  readonly receivedOn: IsoDate;
  readonly channel: Channel;
  readonly applicantType: ApplicantType;
  readonly applicantName: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly address: string;
  readonly informationSought: string;
  readonly status: CaseStatus;
  readonly handlerName: string | null;
  readonly dueOn: IsoDate | null;
  readonly closedOn: IsoDate | null;
  readonly outcome: Outcome | null;
  readonly closedLate: boolean;
}

/** 张三 → 张*, 郯城县某建材有限公司 → 郯**********. */
export function maskName(value: string): string {
  const chars = [...value];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}

/** 13800138000 → 138****8000. */
export function maskPhone(value: string): string {
  const v = value.trim();
  return v.length <= 7 ? '*'.repeat(v.length) : `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`;
}

/** Keeps the first six characters (province, city): 山东省临沂市****. */
export function maskAddress(value: string): string {
  const chars = [...value];
  return chars.length <= 6 ? '*'.repeat(chars.length) : `${chars.slice(0, 6).join('')}****`;
}

export const CASE_LIST_COLUMNS: readonly ExportColumn<CaseListRow>[] = [
  { header: '案件编号', value: (r) => r.caseNumber, width: 12 },
  { header: '受理机关', value: (r) => r.agencyName, width: 22 },
  { header: '收到申请日期', value: (r) => r.receivedOn, width: 12 },
  { header: '提交方式', value: (r) => CHANNEL_LABELS[r.channel], width: 12 },
  { header: '申请人类型', value: (r) => APPLICANT_TYPE_LABELS[r.applicantType], width: 12 },
  { header: '申请人', value: (r) => r.applicantName, personalData: true, mask: maskName, width: 18 },
  { header: '证件号码', value: (r) => r.idNumber, personalData: true, width: 22 },
  { header: '联系电话', value: (r) => r.phone, personalData: true, mask: maskPhone, width: 14 },
  { header: '通信地址', value: (r) => r.address, personalData: true, mask: maskAddress, width: 28 },
  { header: '申请内容', value: (r) => r.informationSought, width: 40 },
  { header: '办理状态', value: (r) => CASE_STATUS_LABELS[r.status], width: 12 },
  { header: '承办人', value: (r) => r.handlerName, width: 10 },
  { header: '答复期限', value: (r) => r.dueOn, width: 12 },
  { header: '办结日期', value: (r) => r.closedOn, width: 12 },
  { header: '办理结果', value: (r) => (r.outcome ? OUTCOMES[r.outcome].label : null), width: 28 },
  {
    header: '是否逾期答复',
    value: (r) => (r.closedOn === null ? null : r.closedLate ? '是' : '否'),
    width: 8,
  },
];
