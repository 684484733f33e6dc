/**
 * Checks a 行政复议 / 行政诉讼 record about a concluded case before it is stored (条例 Art. 51;
 * 复议法, 行诉法; legal-rules §4). Hard errors stop the record; notices point at facts that a court
 * or reconsideration body may hold against the applicant but that the agency must still record
 * as they happened (the table counts every filing, admissible or not).
 */
import type { Outcome } from '../cases/outcome.js';
import { WITHHOLDING_GROUNDS } from '../cases/outcome.rules.js';
import type { IsoDate } from '../common/clock/clock.js';
import type { FieldError } from '../common/errors/domain-error.js';
import { REMEDY_KIND_LABELS, type RemedyKind, type RemedyResult } from './remedy.js';

export interface RemedyRecordFacts {
  readonly kind: RemedyKind;
  readonly filedOn: IsoDate;
  readonly result: RemedyResult;
  readonly decidedOn: IsoDate | null;
}

export interface RemedyCaseFacts {
  /** The day the case was concluded; null while open. */
  readonly closedOn: IsoDate | null;
  /** The reply's due date (for an open case: a remedy against 逾期未答复 comes after it). */
  readonly dueOn: IsoDate | null;
  readonly outcome: Outcome | null;
  /** 送达 of the reply, when recorded. */
  readonly servedOn: IsoDate | null;
  /** The case's other records (not the one being edited). */
  readonly others: readonly RemedyRecordFacts[];
}

export interface RemedyCheck {
  readonly errors: FieldError[];
  readonly notices: string[];
}

/** 不予公开 on any ground (Art. 36(3), (7)) and 部分公开: 复议法 Art. 23(四) puts reconsideration first. */
const REVIEW_FIRST: ReadonlySet<Outcome> = new Set<Outcome>([...WITHHOLDING_GROUNDS, 'partially_disclosed']);

function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function checkRemedyRecord(
  record: RemedyRecordFacts,
  c: RemedyCaseFacts,
  today: IsoDate,
): RemedyCheck {
  const errors: FieldError[] = [];
  const notices: string[] = [];
  if (record.filedOn > today) errors.push({ field: 'filedOn', message: '不能晚于今天' });
  if (c.closedOn === null) {
    // 条例 Art. 51, 复议法 Art. 11(十一): an agency that has not replied within the period can be
    // challenged for that failure (不履行法定职责) before any reply exists.
    if (c.dueOn === null || record.filedOn <= c.dueOn) {
      errors.push({
        field: 'filedOn',
        message: c.dueOn
          ? `本案尚未答复：针对逾期未答复的复议或诉讼，日期须在答复期限（${c.dueOn}）届满之后`
          : '本案尚未答复且答复期限未定：复议和诉讼针对已作出的答复或逾期未答复登记',
      });
    } else {
      notices.push(
        `已按针对逾期未答复（答复期限 ${c.dueOn} 届满）的${REMEDY_KIND_LABELS[record.kind]}登记。`,
      );
    }
  }
  if (c.closedOn !== null && record.filedOn < c.closedOn) {
    errors.push({
      field: 'filedOn',
      message: `申请复议或起诉的对象是本案的答复（${c.closedOn} 作出），日期不能早于该日`,
    });
  }
  if (record.result === 'pending' && record.decidedOn !== null) {
    errors.push({ field: 'decidedOn', message: '尚未审结的，不应填写审结日期' });
  }
  if (record.result !== 'pending' && record.decidedOn === null) {
    errors.push({ field: 'decidedOn', message: '已有结果的，须填写作出复议决定或裁判的日期' });
  }
  if (record.decidedOn !== null) {
    if (record.decidedOn > today) errors.push({ field: 'decidedOn', message: '不能晚于今天' });
    if (record.decidedOn < record.filedOn)
      errors.push({ field: 'decidedOn', message: '审结日期不能早于申请（起诉）日期' });
  }

  const reconsiderations = c.others.filter(
    (o) => o.kind === 'reconsideration' && o.filedOn <= record.filedOn,
  );
  if (record.kind === 'litigation_after_reconsideration') {
    if (reconsiderations.length === 0) {
      errors.push({
        field: 'kind',
        message: `“${REMEDY_KIND_LABELS.litigation_after_reconsideration}”须先登记本案在起诉日之前提出的行政复议`,
      });
    } else {
      // 行诉法 Art. 45: 15 days from receipt of the decision, or from the end of the review period.
      const decided = reconsiderations
        .map((o) => o.decidedOn)
        .filter((d): d is IsoDate => d !== null)
        .sort()
        .at(-1);
      if (decided !== undefined && daysBetween(decided, record.filedOn) > 15) {
        notices.push(
          `起诉日期距复议决定（${decided}）已超过 15 日：经复议的案件，应自收到复议决定书之日起十五日内起诉（行政诉讼法第四十五条），请核实收到复议决定书的日期。`,
        );
      }
    }
  }
  if (record.kind === 'litigation_direct' && c.outcome !== null && REVIEW_FIRST.has(c.outcome)) {
    notices.push(
      '本案答复属于不予公开（或部分不予公开）：依行政复议法第二十三条第一款第（四）项应先申请行政复议，直接起诉的，人民法院可能不予受理；仍按实际情况登记。',
    );
  }
  if (
    record.kind === 'reconsideration' &&
    c.servedOn !== null &&
    daysBetween(c.servedOn, record.filedOn) > 60
  ) {
    notices.push(
      `复议申请距答复送达（${c.servedOn}）已超过 60 日（行政复议法第二十条第一款）；答复未告知复议权利、机关或期限的，期限最长可至一年（同条第三款）。`,
    );
  }
  return { errors, notices };
}
