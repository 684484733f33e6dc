import type { IsoDate } from '../common/clock/dates.js';
import type { Outcome } from './outcome.js';

/** Art. 29(三): the form of the information and the way of receiving it. */
export const REQUESTED_FORMS = ['paper', 'electronic', 'inspection', 'other'] as const;
export type RequestedForm = (typeof REQUESTED_FORMS)[number];
export const REQUESTED_FORM_LABELS: Record<RequestedForm, string> = {
  paper: '纸质文本',
  electronic: '电子数据',
  inspection: '查阅、抄录',
  other: '其他',
};

export const DELIVERY_METHODS = ['post', 'pickup', 'email', 'online', 'fax'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  post: '邮寄',
  pickup: '自行领取',
  email: '电子邮件',
  online: '网上获取',
  fax: '传真',
};

/**
 * The facts an outcome rests on. Which of them are required depends on the outcome (outcome.rules.ts):
 * a court asks for the legal basis and reasons of every refusal (信息公开司法解释 Art. 5, 12), the
 * search performed for "不存在", the competent agency for "非本机关负责", the earlier reply for a repeat.
 */
export interface OutcomeDetail {
  /** The legal basis as printed (article, paragraph, item), e.g. 第十六条第二款、第三十六条第（三）项. */
  basis: string;
  /** Facts and reasons (the handler's words). */
  reasons: string;
  /** 部分公开 (Art. 37): what is withheld, and on which grounds. */
  withheldParts?: string;
  withheldGrounds?: Outcome[];
  /** 本机关不掌握 (Art. 36(4)): where and how the agency searched. */
  searchDescription?: string;
  /** 非本机关负责 (Art. 36(5)): the competent agency and how to reach it. */
  competentAgency?: { name: string; contact: string };
  /** 重复申请 (Art. 36(6)): the earlier reply. */
  earlierReply?: { date: IsoDate; reference: string };
  /** 信访举报投诉类 (Art. 39 para 1): where to take it instead. */
  properChannel?: string;
  /** 已主动公开 / 予以公开 (Art. 36(1)(2)): how, where and when to obtain the information. */
  accessInstructions?: string;
  /** 按特别规定办理 (Art. 36(7)): the law and the office that handles it. */
  specialProcedure?: string;
  /** Art. 40: the form provided when it differs from the requested one, and why. */
  providedForm?: string;
  formReason?: string;
}

/** Art. 33 para 2: the extension, from request to notification. */
export interface CaseExtension {
  status: 'requested' | 'approved' | 'rejected' | 'notified';
  days: number;
  reason: string;
  requestedOn: IsoDate;
  requestedBy: string;
  decidedOn?: IsoDate;
  decidedBy?: string;
  decisionComment?: string;
  notifiedOn?: IsoDate;
  notifiedMeans?: string;
}

/** Things the clerk should look at: raised at registration, never blocking. */
export interface CaseWarning {
  code:
    'possible_repeat' | 'possible_petition' | 'late_confirmation' | 'many_applications' | 'registered_late';
  message: string;
  relatedCaseIds?: string[];
}
