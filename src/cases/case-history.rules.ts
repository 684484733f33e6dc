import type { IsoDate } from '../common/clock/dates.js';
import type { ClockEvent } from './clock.rules.js';

/** The stored event as the rules see it (no TypeORM). */
export interface HistoryEvent {
  readonly seq: number;
  readonly action: string;
  readonly data: Readonly<Record<string, unknown>>;
}

const date = (data: Readonly<Record<string, unknown>>, key: string): IsoDate => {
  const value = data[key];
  if (typeof value !== 'string') throw new Error(`event data lacks ${key}`);
  return value;
};
const optionalDate = (data: Readonly<Record<string, unknown>>, key: string): IsoDate | undefined =>
  typeof data[key] === 'string' ? (data[key] as IsoDate) : undefined;

/**
 * The clock-relevant facts of a case's history, in order: the clock is computed from these alone
 * (clock.rules.ts), so replaying the events always gives the same due date.
 */
export function clockEventsOf(history: readonly HistoryEvent[]): ClockEvent[] {
  const out: ClockEvent[] = [];
  for (const e of [...history].sort((a, b) => a.seq - b.seq)) {
    const d = e.data;
    switch (e.action) {
      case 'register':
        out.push({ type: 'received', on: date(d, 'receivedOn'), rule: String(d.receiptRule ?? '') });
        break;
      case 'request_correction':
        out.push({
          type: 'correction_requested',
          on: date(d, 'noticeSentOn'),
          periodEndsOn: date(d, 'periodEndsOn'),
        });
        break;
      case 'receive_correction':
        out.push({
          type: 'correction_received',
          on: date(d, 'receivedOn'),
          rule: String(d.receiptRule ?? ''),
        });
        break;
      case 'start_consultation':
        out.push({
          type: 'consultation_started',
          consultationId: String(d.consultationId),
          kind: d.kind === 'agency' ? 'agency' : 'third_party',
          party: String(d.partyName),
          on: date(d, 'dispatchedOn'),
        });
        if (optionalDate(d, 'partyReceivedOn')) {
          out.push({
            type: 'consultation_party_received',
            consultationId: String(d.consultationId),
            on: date(d, 'partyReceivedOn'),
          });
        }
        break;
      case 'record_consultation_receipt':
        out.push({
          type: 'consultation_party_received',
          consultationId: String(d.consultationId),
          on: date(d, 'partyReceivedOn'),
        });
        break;
      case 'record_consultation_reply':
        out.push({
          type: 'consultation_replied',
          consultationId: String(d.consultationId),
          on: date(d, 'repliedOn'),
        });
        break;
      case 'send_fee_notice':
        out.push({
          type: 'fee_notice_sent',
          on: date(d, 'sentOn'),
          applicantReceivedOn: optionalDate(d, 'applicantReceivedOn'),
        });
        break;
      case 'record_fee_payment':
        // A payment made in time but recorded after the sweep's lapse reinstates the case: the lapse
        // never happened in law, so its stop goes.
        if (d.reinstates === true) {
          const lapse = out.findLastIndex((x) => x.type === 'stopped' && x.reason === 'deemed_withdrawn');
          if (lapse >= 0) out.splice(lapse, 1);
        }
        out.push({ type: 'fee_paid', on: date(d, 'paidOn') });
        break;
      case 'decide_extension':
        if (d.approve === true) {
          out.push({
            type: 'extension_approved',
            on: date(d, 'decidedOn'),
            days: Number(d.days),
            approver: String(d.approverName ?? ''),
          });
        }
        break;
      case 'notify_extension':
        out.push({ type: 'extension_notified', on: date(d, 'notifiedOn') });
        break;
      case 'set_art35_period':
        out.push({ type: 'art35_period_set', on: date(d, 'notifiedOn'), dueOn: date(d, 'dueOn') });
        break;
      case 'issue_reply':
        out.push({ type: 'stopped', on: date(d, 'repliedOn'), reason: 'replied' });
        break;
      case 'withdraw':
        out.push({ type: 'stopped', on: date(d, 'withdrawnOn'), reason: 'withdrawn' });
        break;
      case 'lapse_correction':
      case 'lapse_fee':
        out.push({ type: 'stopped', on: date(d, 'deemedWithdrawnOn'), reason: 'deemed_withdrawn' });
        break;
      default:
        break; // assignment, drafts, review, service, archive: no effect on the clock
    }
  }
  return out;
}
