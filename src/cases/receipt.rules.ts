import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR } from '../calendar/working-day-calendar.js';
import { dateInTimeZone, type IsoDate } from '../common/clock/dates.js';
import type { FieldError } from '../common/errors/domain-error.js';
import type { Channel } from './channel.js';

/** What the clerk records for each channel: the evidence from which the receipt date follows. */
export type ReceiptEvidence =
  | { channel: 'in_person'; submittedOn: IsoDate }
  | { channel: 'oral'; submittedOn: IsoDate }
  | { channel: 'post_signed'; signedForOn: IsoDate; trackingNumber?: string }
  | {
      channel: 'post_unsigned';
      arrivedOn: IsoDate;
      confirmedOn: IsoDate;
      confirmationMeans: string;
      /** Required when the confirmation was not on the day of arrival. */
      lateConfirmationReason?: string;
    }
  | {
      channel: 'online';
      /** The platform's submission time (an instant, ISO 8601 with offset). */
      submittedAt: string;
      /** The platform told the applicant "提交成功" itself. */
      autoConfirmed: boolean;
      /** Date of confirmation by the office when the platform does not confirm by itself. */
      confirmedOn?: IsoDate;
      platform?: string;
    }
  | { channel: 'fax'; faxReceivedOn: IsoDate; confirmedOn: IsoDate; confirmationMeans: string };

export interface Receipt {
  receivedOn: IsoDate;
  /** The provision applied, printed in the clock's explanation. */
  rule: string;
  explanation: string;
  warnings: string[];
}

export type ReceiptResult = { ok: true; receipt: Receipt } | { ok: false; errors: FieldError[] };

const ART_31 = '《政府信息公开条例》第三十一条';

/** The working-day calendar computes 1949–2100 only: an evidence date outside cannot give a deadline. */
const FIRST_CALENDAR_DAY: IsoDate = `${CALENDAR_MIN_YEAR}-01-01`;
const LAST_CALENDAR_DAY: IsoDate = `${CALENDAR_MAX_YEAR}-12-31`;

/**
 * Derives the legal receipt date (收到申请之日) from the channel and its evidence (条例 Art. 31).
 * Nobody types the receipt date: it follows from what happened. Dates after `today` (an online
 * submission: instants after `now`) and dates the calendar cannot count from (before 1949) are
 * refused against the evidence field. `field` prefixes the error paths (e.g. `evidence`).
 */
export function deriveReceipt(
  evidence: ReceiptEvidence,
  context: { today: IsoDate; now: Date; timeZone: string; field?: string },
): ReceiptResult {
  const at = (name: string) => (context.field ? `${context.field}.${name}` : name);
  const errors: FieldError[] = [];
  const notFuture = (name: string, value: IsoDate | undefined) => {
    if (value === undefined) return;
    if (value > context.today) errors.push({ field: at(name), message: '不能晚于今天' });
    else if (value < FIRST_CALENDAR_DAY || value > LAST_CALENDAR_DAY)
      errors.push({
        field: at(name),
        message: `日期超出工作日历可计算的范围（${CALENDAR_MIN_YEAR}年1月1日 至 ${CALENDAR_MAX_YEAR}年12月31日）`,
      });
  };
  const fail = (): ReceiptResult => ({ ok: false, errors });

  switch (evidence.channel) {
    case 'in_person':
    case 'oral': {
      notFuture('submittedOn', evidence.submittedOn);
      if (errors.length) return fail();
      return ok({
        receivedOn: evidence.submittedOn,
        // Art. 29: an oral application is written down by the office; it is received when made.
        rule: `${ART_31}第（一）项`,
        explanation:
          evidence.channel === 'oral'
            ? `申请人口头提出、由工作机构代为填写，以提出之日 ${evidence.submittedOn} 为收到申请之日`
            : `申请人当面提交，以提交之日 ${evidence.submittedOn} 为收到申请之日`,
        warnings: [],
      });
    }
    case 'post_signed': {
      notFuture('signedForOn', evidence.signedForOn);
      if (errors.length) return fail();
      return ok({
        receivedOn: evidence.signedForOn,
        rule: `${ART_31}第（二）项`,
        explanation: `以邮寄方式提交，以本机关签收之日 ${evidence.signedForOn} 为收到申请之日${
          evidence.trackingNumber ? `（邮件号 ${evidence.trackingNumber}）` : ''
        }`,
        warnings: [],
      });
    }
    case 'post_unsigned': {
      notFuture('arrivedOn', evidence.arrivedOn);
      notFuture('confirmedOn', evidence.confirmedOn);
      if (evidence.confirmedOn < evidence.arrivedOn) {
        errors.push({ field: at('confirmedOn'), message: '确认日期不能早于信件到达日期' });
      }
      const late = evidence.confirmedOn > evidence.arrivedOn;
      if (late && !evidence.lateConfirmationReason?.trim()) {
        errors.push({
          field: at('lateConfirmationReason'),
          message: '第三十一条第（二）项要求收到平信当日与申请人确认；未在当日确认的，请说明原因',
        });
      }
      if (errors.length) return fail();
      return ok({
        receivedOn: evidence.confirmedOn,
        rule: `${ART_31}第（二）项`,
        explanation: `以平常信函提交（${evidence.arrivedOn} 到达），${evidence.confirmedOn} 通过${evidence.confirmationMeans}与申请人确认，以确认之日为收到申请之日`,
        warnings: late
          ? [
              `信件 ${evidence.arrivedOn} 到达，确认在 ${evidence.confirmedOn}，晚于到达当日（原因：${evidence.lateConfirmationReason?.trim()}）。如因本机关原因未能当日确认，复议或诉讼中可能按到达日计算期限。`,
            ]
          : [],
      });
    }
    case 'online': {
      const submittedOn = instantToDate(evidence.submittedAt, context.timeZone);
      if (submittedOn === undefined) {
        errors.push({ field: at('submittedAt'), message: '不是有效的提交时间（ISO 8601，含时区）' });
        return fail();
      }
      if (new Date(evidence.submittedAt).getTime() > context.now.getTime()) {
        errors.push({ field: at('submittedAt'), message: '提交时间不能晚于现在' });
      } else notFuture('submittedAt', submittedOn);
      if (evidence.autoConfirmed) {
        // The platform's own confirmation is the receipt; a confirmation date besides it contradicts it.
        if (evidence.confirmedOn !== undefined) {
          errors.push({
            field: at('confirmedOn'),
            message: '平台已自动确认提交成功的，不应再填写确认日期（以系统确认之日为收到申请之日）',
          });
        }
        if (errors.length) return fail();
        // 最高人民法院指导案例26号: the platform's confirmation of a successful submission is receipt;
        // internal routing is no reason to count later.
        return ok({
          receivedOn: submittedOn,
          rule: `${ART_31}第（三）项；最高人民法院指导案例26号`,
          explanation: `通过互联网渠道提交，系统于 ${submittedOn} 确认提交成功，以该日为收到申请之日`,
          warnings: [],
        });
      }
      if (!evidence.confirmedOn) {
        errors.push({ field: at('confirmedOn'), message: '平台未自动确认时，须填写与申请人确认的日期' });
        return fail();
      }
      notFuture('confirmedOn', evidence.confirmedOn);
      if (evidence.confirmedOn < submittedOn) {
        errors.push({ field: at('confirmedOn'), message: '确认日期不能早于提交日期' });
      }
      if (errors.length) return fail();
      return ok({
        receivedOn: evidence.confirmedOn,
        rule: `${ART_31}第（三）项`,
        explanation: `通过互联网渠道于 ${submittedOn} 提交，双方于 ${evidence.confirmedOn} 确认，以确认之日为收到申请之日`,
        warnings:
          evidence.confirmedOn > submittedOn
            ? ['确认晚于提交：本机关内部流转不能作为延后计算期限的理由（指导案例26号），请尽快确认网上申请。']
            : [],
      });
    }
    case 'fax': {
      notFuture('faxReceivedOn', evidence.faxReceivedOn);
      notFuture('confirmedOn', evidence.confirmedOn);
      if (evidence.confirmedOn < evidence.faxReceivedOn) {
        errors.push({ field: at('confirmedOn'), message: '确认日期不能早于传真收到日期' });
      }
      if (errors.length) return fail();
      return ok({
        receivedOn: evidence.confirmedOn,
        rule: `${ART_31}第（三）项`,
        explanation: `通过传真于 ${evidence.faxReceivedOn} 提交，双方于 ${evidence.confirmedOn} 通过${evidence.confirmationMeans}确认，以确认之日为收到申请之日`,
        warnings: [],
      });
    }
  }
}

function ok(receipt: Receipt): ReceiptResult {
  return { ok: true, receipt };
}

function instantToDate(value: string, timeZone: string): IsoDate | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) return undefined;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : dateInTimeZone(instant, timeZone);
}

export const EVIDENCE_FIELDS: Record<Channel, readonly string[]> = {
  in_person: ['submittedOn'],
  oral: ['submittedOn'],
  post_signed: ['signedForOn', 'trackingNumber'],
  post_unsigned: ['arrivedOn', 'confirmedOn', 'confirmationMeans', 'lateConfirmationReason'],
  online: ['submittedAt', 'autoConfirmed', 'confirmedOn', 'platform'],
  fax: ['faxReceivedOn', 'confirmedOn', 'confirmationMeans'],
};
