import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AgencyScope } from '../auth/agency-scope.js';
import type { Role } from '../auth/role.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { CaseTimelineService } from '../cases/case-timeline.service.js';
import { Clock, type IsoDate } from '../common/clock/clock.js';
import { JobsService } from '../jobs/jobs.service.js';
import { SupervisionLookups } from '../supervision/supervision-lookups.js';
import { SupervisionQueries } from '../supervision/supervision-queries.js';
import { listAtRiskCases, type TimelinessCase } from '../supervision/timeliness.rules.js';
import { Mailer } from './mailer.js';
import { Notification, type NotificationKind } from './notification.entity.js';
import {
  agencyDigest,
  reminderDue,
  reminderMessage,
  type DigestCase,
  type Message,
} from './reminder.rules.js';

interface Staff {
  readonly id: string;
  readonly name: string;
  readonly agencyId: string;
  readonly roles: readonly Role[];
  readonly email: string | null;
}

interface CaseFacts {
  readonly caseNumber: string;
  readonly agencyName: string;
  readonly informationSought: string;
}

export interface ReminderRun {
  /** Reminder events created by this run (each once, whichever instance ran it). */
  readonly events: number;
  readonly notifications: number;
}

/** The first reminder is 5 working days ahead (reminder.rules.ts). */
const HORIZON_WD = 5;
/** A message claimed for sending this long ago by an instance that then stopped is given up. */
const STALE_CLAIM_MINUTES = 15;
const MAX_ATTEMPTS = 3;

/**
 * Due-date reminders to the handler (the agency's clerks while unassigned) and the approvers, a
 * daily digest per agency to its approvers and clerks, and the e-mail copies. Runs through the job
 * queue (pg-boss); what makes each reminder, digest and e-mail happen once across instances is the
 * database: unique (case, kind, due date) for a reminder, unique (recipient, event) for a
 * notification, and a conditional claim of each e-mail before it is sent.
 */
@Injectable()
export class RemindersService implements OnModuleInit {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: SupervisionQueries,
    private readonly lookups: SupervisionLookups,
    private readonly calendars: CalendarService,
    private readonly timeline: CaseTimelineService,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'due-date-reminders',
      cron: '10 * * * *',
      runAtStart: true,
      handler: () => this.sendReminders().then(() => undefined),
    });
    this.jobs.register({
      name: 'agency-digest',
      cron: '30 8 * * *',
      runAtStart: true,
      handler: () => this.sendDigests().then(() => undefined),
    });
    this.jobs.register({
      name: 'notification-mail',
      cron: '* * * * *',
      runAtStart: false,
      handler: () => this.dispatchEmail().then(() => undefined),
    });
  }

  async sendReminders(today: IsoDate = this.clock.today()): Promise<ReminderRun> {
    const candidates = await this.queries.timelinessCases(AgencyScope.all(), today, {
      atRiskWithin: HORIZON_WD,
    });
    const due = candidates.flatMap((c) => {
      const kind = reminderDue(
        {
          open: c.closedOn === null,
          paused: c.paused,
          dueOn: c.dueOn,
          remainingWorkingDays: c.remainingWorkingDays,
        },
        today,
      );
      return kind === null ? [] : [{ c, kind }];
    });
    let events = 0;
    let notifications = 0;
    if (due.length > 0) {
      const facts = await this.caseFacts(due.map((d) => d.c.caseId));
      const staff = await this.staffOf(due.map((d) => d.c.agencyId));
      for (const { c, kind } of due) {
        const sent = await this.dataSource.transaction(async (manager) => {
          const inserted = (await manager.query(
            `INSERT INTO reminder (case_id, agency_id, kind, due_on, remaining_working_days, sent_on)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (case_id, kind, due_on) DO NOTHING RETURNING id`,
            [c.caseId, c.agencyId, kind, c.dueOn, c.remainingWorkingDays, today],
          )) as Array<{ id: string }>;
          if (inserted.length === 0) return null; // another run (or instance) sent it
          const f = facts.get(c.caseId)!;
          const message = reminderMessage(kind, {
            ...f,
            dueOn: c.dueOn!,
            remainingWorkingDays: c.remainingWorkingDays!,
          });
          const recipients = this.recipientsOf(c, staff.get(c.agencyId) ?? []);
          const created = await this.notify(manager, recipients, {
            kind: 'reminder',
            eventKey: `reminder:${c.caseId}:${kind}:${c.dueOn}`,
            agencyId: c.agencyId,
            caseId: c.caseId,
            message,
            data: {
              reminderKind: kind,
              dueOn: c.dueOn,
              remainingWorkingDays: c.remainingWorkingDays,
              caseNumber: f.caseNumber,
            },
          });
          await this.timeline.note(manager, c.caseId, {
            note: 'reminder_sent',
            data: {
              kind,
              dueOn: c.dueOn,
              remainingWorkingDays: c.remainingWorkingDays,
              recipients: recipients.map((r) => r.name),
            },
            reason: message.title,
            actor: null,
          });
          return created;
        });
        if (sent !== null) {
          events += 1;
          notifications += sent;
        }
      }
    }
    if (events > 0) this.logger.log(`Reminders ${today}: ${events} events, ${notifications} notifications`);
    await this.dispatchEmail();
    return { events, notifications };
  }

  /** One digest per agency with cases overdue or due within 5 working days, on working days. */
  async sendDigests(today: IsoDate = this.clock.today()): Promise<ReminderRun> {
    const national = await this.calendars.forAgency(null);
    if (!national.isWorkingDay(today)) return { events: 0, notifications: 0 };
    const candidates = await this.queries.timelinessCases(AgencyScope.all(), today, {
      atRiskWithin: HORIZON_WD,
    });
    const listed = listAtRiskCases(candidates, { today, within: HORIZON_WD });
    const byAgency = new Map<string, typeof listed>();
    for (const c of listed) byAgency.set(c.agencyId, [...(byAgency.get(c.agencyId) ?? []), c]);
    if (byAgency.size === 0) return { events: 0, notifications: 0 };
    const counts = (await this.dataSource.query(
      `SELECT agency_id, count(*)::int AS open, (count(*) FILTER (WHERE clock_state = 'paused'))::int AS paused
         FROM supervision_case_fact WHERE closed_on IS NULL AND agency_id = ANY($1::uuid[]) GROUP BY agency_id`,
      [[...byAgency.keys()]],
    )) as Array<{ agency_id: string; open: number; paused: number }>;
    const countOf = new Map(counts.map((r) => [r.agency_id, r]));
    const facts = await this.caseFacts(listed.map((c) => c.caseId));
    const staff = await this.staffOf([...byAgency.keys()]);
    const names = await this.lookups.userNames(listed.map((c) => c.handlerId));
    let events = 0;
    let notifications = 0;
    for (const [agencyId, cases] of byAgency) {
      const line = (c: (typeof listed)[number]): DigestCase => ({
        caseNumber: facts.get(c.caseId)!.caseNumber,
        dueOn: c.dueOn,
        remainingWorkingDays: c.remainingWorkingDays,
        handlerName: c.handlerId === null ? null : (names.get(c.handlerId) ?? null),
      });
      const message = agencyDigest(
        {
          agencyName: facts.get(cases[0].caseId)!.agencyName,
          overdue: cases.filter((c) => c.overdue).map(line),
          dueSoon: cases.filter((c) => !c.overdue).map(line),
          paused: countOf.get(agencyId)?.paused ?? 0,
          open: countOf.get(agencyId)?.open ?? 0,
        },
        today,
      );
      if (message === null) continue;
      const recipients = (staff.get(agencyId) ?? []).filter(
        (u) => u.roles.includes('approver') || u.roles.includes('clerk'),
      );
      const created = await this.dataSource.transaction((manager) =>
        this.notify(manager, recipients, {
          kind: 'digest',
          eventKey: `digest:${agencyId}:${today}`,
          agencyId,
          caseId: null,
          message,
          data: { day: today, caseIds: cases.map((c) => c.caseId) },
        }),
      );
      if (created > 0) events += 1;
      notifications += created;
    }
    await this.dispatchEmail();
    return { events, notifications };
  }

  /**
   * Sends the pending e-mail copies. Each is claimed (pending → sending) by one instance before it
   * is sent, so two instances never send the same one; a claim left by an instance that stopped is
   * given up after 15 minutes rather than risk a second copy.
   */
  async dispatchEmail(): Promise<number> {
    if (!this.mailer.enabled) return 0;
    await this.dataSource.query(
      `UPDATE notification SET email_status = 'failed', email_error = '发送过程中断，为免重复不再重发'
        WHERE email_status = 'sending' AND email_claimed_at < now() - make_interval(mins => $1)`,
      [STALE_CLAIM_MINUTES],
    );
    let sent = 0;
    for (;;) {
      const rows = (await this.dataSource.query(
        `WITH claimed AS (
           UPDATE notification SET email_status = 'sending', email_claimed_at = now(), email_attempts = email_attempts + 1
            WHERE id IN (SELECT id FROM notification WHERE email_status = 'pending'
                          ORDER BY created_at, id LIMIT 20 FOR UPDATE SKIP LOCKED)
            RETURNING id, email_to, title, body, email_attempts)
         SELECT * FROM claimed ORDER BY id`,
      )) as Array<{ id: string; email_to: string; title: string; body: string; email_attempts: number }>;
      if (rows.length === 0) return sent;
      for (const row of rows) {
        try {
          await this.mailer.send({
            to: row.email_to,
            subject: `【政府信息公开】${row.title}`,
            text: row.body,
          });
          await this.dataSource.query(
            `UPDATE notification SET email_status = 'sent', email_sent_at = now(), email_error = NULL WHERE id = $1`,
            [row.id],
          );
          sent += 1;
        } catch (error) {
          const message = (error as Error).message.slice(0, 300);
          this.logger.warn(
            `E-mail for notification ${row.id} failed (attempt ${row.email_attempts}): ${message}`,
          );
          await this.dataSource.query(
            `UPDATE notification SET email_status = $2, email_error = $3 WHERE id = $1`,
            [row.id, row.email_attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', message],
          );
          if (row.email_attempts < MAX_ATTEMPTS) return sent; // the server may be down: retry next run
        }
      }
    }
  }

  /** The handler (the clerks while nobody is assigned) and the approvers, each once. */
  private recipientsOf(c: TimelinessCase, staff: readonly Staff[]): Staff[] {
    const handler = c.handlerId === null ? undefined : staff.find((u) => u.id === c.handlerId);
    const first = handler ? [handler] : staff.filter((u) => u.roles.includes('clerk'));
    const approvers = staff.filter((u) => u.roles.includes('approver'));
    return [...new Map([...first, ...approvers].map((u) => [u.id, u])).values()];
  }

  /** Inserts one notification per recipient (once per recipient and event); returns how many were new. */
  private async notify(
    manager: EntityManager,
    recipients: readonly Staff[],
    n: {
      kind: NotificationKind;
      eventKey: string;
      agencyId: string;
      caseId: string | null;
      message: Message;
      data: Record<string, unknown>;
    },
  ): Promise<number> {
    if (recipients.length === 0) return 0;
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(
        recipients.map((r) => ({
          recipientId: r.id,
          kind: n.kind,
          eventKey: n.eventKey,
          agencyId: n.agencyId,
          caseId: n.caseId,
          title: n.message.title,
          body: n.message.body,
          data: n.data as never,
          emailStatus: this.mailer.enabled && r.email ? ('pending' as const) : ('none' as const),
          emailTo: this.mailer.enabled ? r.email : null,
        })),
      )
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length;
  }

  private async caseFacts(caseIds: readonly string[]): Promise<Map<string, CaseFacts>> {
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.case_number, g.name AS agency_name, c.information_sought
         FROM disclosure_case c JOIN agency g ON g.id = c.agency_id WHERE c.id = ANY($1::uuid[])`,
      [[...new Set(caseIds)]],
    )) as Array<{ id: string; case_number: string; agency_name: string; information_sought: string }>;
    return new Map(
      rows.map((r) => [
        r.id,
        { caseNumber: r.case_number, agencyName: r.agency_name, informationSought: r.information_sought },
      ]),
    );
  }

  /** Active users of the agencies with their e-mail setting (only when they turned e-mail on). */
  private async staffOf(agencyIds: readonly string[]): Promise<Map<string, Staff[]>> {
    const rows = (await this.dataSource.query(
      `SELECT u.id, u.display_name, u.agency_id, u.roles,
              CASE WHEN s.email_enabled THEN s.email END AS email
         FROM app_user u LEFT JOIN notification_setting s ON s.user_id = u.id
        WHERE u.active AND u.agency_id = ANY($1::uuid[])
        ORDER BY u.username`,
      [[...new Set(agencyIds)]],
    )) as Array<{ id: string; display_name: string; agency_id: string; roles: Role[]; email: string | null }>;
    const byAgency = new Map<string, Staff[]>();
    for (const r of rows) {
      const staff: Staff = {
        id: r.id,
        name: r.display_name,
        agencyId: r.agency_id,
        roles: r.roles,
        email: r.email,
      };
      byAgency.set(r.agency_id, [...(byAgency.get(r.agency_id) ?? []), staff]);
    }
    return byAgency;
  }
}
