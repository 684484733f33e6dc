import type { FieldError } from '../common/errors/domain-error.js';
import type { Channel } from './channel.js';
import { EVIDENCE_FIELDS } from './receipt.rules.js';

/**
 * Fields of another channel's evidence are refused rather than ignored: a clerk who typed a
 * sign-for date for an in-person application has chosen the wrong channel.
 */
export function foreignEvidenceFields(evidence: Record<string, unknown>, field = 'evidence'): FieldError[] {
  const channel = evidence.channel as Channel;
  const allowed = new Set(['channel', ...(EVIDENCE_FIELDS[channel] ?? [])]);
  return Object.entries(evidence)
    .filter(([key, value]) => value !== undefined && !allowed.has(key))
    .map(([key]) => ({ field: `${field}.${key}`, message: '所选收件渠道不需要此项，请核对收件渠道' }));
}

// Words that suggest a 信访/投诉/举报 rather than a request for information (Art. 39 para 1).
const PETITION_WORDS = [
  '投诉',
  '举报',
  '信访',
  '控告',
  '检举',
  '上访',
  '要求查处',
  '要求处理',
  '要求赔偿',
  '要求追究',
  '违法违纪',
];

/** A hint for the clerk, never a decision: Art. 39 cases still get a reply that names the proper channel. */
export function petitionHint(informationSought: string): string | undefined {
  const found = PETITION_WORDS.filter((w) => informationSought.includes(w));
  return found.length
    ? `申请内容含“${found.join('、')}”，可能属于以政府信息公开申请形式进行的信访、投诉、举报（第三十九条第一款），请核实。`
    : undefined;
}

/** 109号: from the 11th application in a calendar month, a fee may be charged; Art. 35 may apply. */
export const MONTHLY_APPLICATIONS_NOTICE = 10;
