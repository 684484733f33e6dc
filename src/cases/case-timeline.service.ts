import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { CaseEvent } from './case-event.entity.js';
import { DisclosureCase } from './disclosure-case.entity.js';

/**
 * Notes on a case's timeline that do not change its status: a letter issued, a remedy recorded, a
 * reminder sent, a due date recomputed. Other modules add them here (never by writing case_event
 * themselves), inside their own transaction.
 */
export const CASE_NOTES = [
  'recompute',
  'letter_issued',
  'remedy_recorded',
  'reminder_sent',
  'report_changed',
] as const;
export type CaseNote = (typeof CASE_NOTES)[number];

export const CASE_NOTE_LABELS: Record<CaseNote, string> = {
  recompute: '重新计算期限',
  letter_issued: '出具文书',
  remedy_recorded: '登记复议或诉讼',
  reminder_sent: '期限提醒',
  report_changed: '已锁定年度报告所涉案件变更',
};

export interface CaseNoteInput {
  note: CaseNote;
  data: Record<string, unknown>;
  reason?: string;
  /** The user, or null for the system. */
  actor: { id: string; name: string; role: string } | null;
}

@Injectable()
export class CaseTimelineService {
  /** Appends a note; the case row is locked so that the sequence stays gapless under concurrency. */
  async note(manager: EntityManager, caseId: string, input: CaseNoteInput): Promise<CaseEvent> {
    const c = await manager.findOne(DisclosureCase, {
      where: { id: caseId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!c) throw new DomainError('CASE_NOT_FOUND', '申请不存在');
    const [{ seq }] = (await manager.query(
      `SELECT coalesce(max(seq), 0)::int AS seq FROM case_event WHERE case_id = $1`,
      [caseId],
    )) as Array<{ seq: number }>;
    return manager.save(
      manager.create(CaseEvent, {
        caseId,
        seq: seq + 1,
        action: input.note,
        fromStatus: c.status,
        toStatus: c.status,
        actorId: input.actor?.id ?? null,
        actorName: input.actor?.name ?? '系统',
        actorRole: input.actor?.role ?? 'system',
        data: input.data,
        changes: {},
        reason: input.reason ?? '',
      }),
    );
  }
}
