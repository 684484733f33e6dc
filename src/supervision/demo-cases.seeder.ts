import { Inject, Injectable, Logger, type Type } from '@nestjs/common';
import { PARAMTYPES_METADATA, SELF_DECLARED_DEPS_METADATA } from '@nestjs/common/constants.js';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DEMO_CASES, type DemoCase } from '../../seeds/demo-cases.data.js';
import { demoUsername } from '../../seeds/demo-users.data.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { Role } from '../auth/role.js';
import type { ApplicantDto } from '../cases/dto/applicant.dto.js';
import type { RegisterCaseDto } from '../cases/dto/register-case.dto.js';
import { CaseClockService } from '../cases/case-clock.service.js';
import { CaseSweepService } from '../cases/case-sweep.service.js';
import { CasesService } from '../cases/cases.service.js';
import { Clock, FixedClock, type IsoDate } from '../common/clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DemoSeedExtension } from '../database/demo-seed-extension.js';
import { runCaseScript, type CaseScript } from './case-script.js';
import { RemedyRecordsService } from './remedy-records.service.js';

/** What a demo registration has besides its script (whose applicant overrides this one). */
const REGISTRATION = {
  informationSought: '政府信息公开申请',
  requestedForm: 'paper',
  deliveryMethod: 'post',
  applicant: {
    type: 'natural_person',
    name: '申请人',
    idType: 'resident_id',
    idNumber: '371322198003150211',
    phone: '13805391001',
    address: '山东省临沂市郯城县（演示地址）',
    postcode: '276100',
  } satisfies ApplicantDto,
} as Omit<RegisterCaseDto, 'evidence' | 'handlerId'>;

/** The script as far as it had happened by `today` (a demo started before a date shows it pending). */
export function trimToToday(script: CaseScript, today: IsoDate): CaseScript | null {
  if (script.receivedOn > today) return null;
  const past = (d: IsoDate | undefined) => d !== undefined && d <= today;
  const correction = script.correction;
  return {
    ...script,
    correction:
      correction && past(correction.noticeOn)
        ? {
            ...correction,
            correctedOn: past(correction.correctedOn) ? correction.correctedOn : undefined,
            lapse: correction.correctedOn === undefined ? correction.periodEndsOn < today : false,
          }
        : undefined,
    consultation:
      script.consultation && past(script.consultation.on)
        ? {
            on: script.consultation.on,
            partyReceivedOn: past(script.consultation.partyReceivedOn)
              ? script.consultation.partyReceivedOn
              : undefined,
            repliedOn: past(script.consultation.repliedOn) ? script.consultation.repliedOn : undefined,
          }
        : undefined,
    extension: script.extension && past(script.extension.on) ? script.extension : undefined,
    reply: script.reply && past(script.reply.on) ? script.reply : undefined,
    servedOn: past(script.servedOn) ? script.servedOn : undefined,
    withdrawnOn: past(script.withdrawnOn) ? script.withdrawnOn : undefined,
    inReviewOn: past(script.inReviewOn) ? script.inReviewOn : undefined,
  };
}

/**
 * Seeds the demo county's cases (seeds/demo-cases.data.ts) through a CasesService of its own whose
 * clock it moves to each step's day, so that every event, due date and status is what the real
 * workflow would have produced on those days. Once: nothing happens if any demo agency has a case.
 */
@Injectable()
export class DemoCasesSeeder extends DemoSeedExtension {
  private readonly logger = new Logger(DemoCasesSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly remedies: RemedyRecordsService,
    private readonly sweep: CaseSweepService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async seed(): Promise<void> {
    const agencies = (await this.dataSource.query(
      `SELECT a.id, a.code, EXISTS (SELECT 1 FROM disclosure_case c WHERE c.agency_id = a.id) AS used
         FROM agency a WHERE a.code = ANY($1)`,
      [[...new Set(DEMO_CASES.map((c) => c.agencyCode))]],
    )) as Array<{ id: string; code: string; used: boolean }>;
    if (agencies.length === 0 || agencies.some((a) => a.used)) return;
    const agencyOf = new Map(agencies.map((a) => [a.code, a.id]));
    const today = this.clock.today();
    // A CasesService on a clock of its own: the global one keeps telling the rest of the app the truth.
    const seedClock = new FixedClock(this.clock.now(), this.config.businessTimeZone);
    const clocks = this.instantiate(CaseClockService, new Map<unknown, unknown>([[Clock, seedClock]]));
    const cases = this.instantiate(CasesService, new Map<unknown, unknown>([[CaseClockService, clocks]]));
    let seeded = 0;
    for (const demo of DEMO_CASES) {
      const script = trimToToday(demo.script, today);
      const agencyId = agencyOf.get(demo.agencyCode);
      if (script === null || agencyId === undefined) continue;
      const actors = {
        clerk: await this.user(demo.agencyCode, 'clerk'),
        handler: await this.user(demo.agencyCode, 'handler'),
        approver: await this.user(demo.agencyCode, 'approver'),
      };
      const c = await runCaseScript(cases, seedClock, actors, script, REGISTRATION);
      seeded += 1;
      await this.remedy(demo, c.id, actors.clerk, today);
    }
    // Paused cases' due dates move every day: bring them to today, as the hourly sweep would.
    await this.sweep.recompute(`clock_state = 'paused'`, today);
    this.logger.log(`Demo cases seeded: ${seeded}`);
  }

  private async remedy(demo: DemoCase, caseId: string, clerk: AuthUser, today: IsoDate): Promise<void> {
    const r = demo.remedy;
    if (!r || r.filedOn > today) return;
    const decided = r.decidedOn !== null && r.decidedOn <= today;
    await this.remedies.record(clerk, caseId, {
      kind: r.kind,
      filedOn: r.filedOn,
      body: r.body,
      caseReference: r.caseReference,
      result: decided ? r.result : 'pending',
      decidedOn: decided ? r.decidedOn : null,
    });
  }

  /**
   * A new instance of a provider with some of its dependencies swapped, the others resolved from the
   * application as Nest would (so that a change to the constructor needs no change here).
   */
  private instantiate<T>(type: Type<T>, swap: ReadonlyMap<unknown, unknown>): T {
    const types = (Reflect.getMetadata(PARAMTYPES_METADATA, type) ?? []) as unknown[];
    const declared = (Reflect.getMetadata(SELF_DECLARED_DEPS_METADATA, type) ?? []) as Array<{
      index: number;
      param: unknown;
    }>;
    const args = types.map((paramType, index) => {
      const token = declared.find((d) => d.index === index)?.param ?? paramType;
      return swap.has(token) ? swap.get(token) : this.moduleRef.get(token as Type, { strict: false });
    });
    return new type(...args);
  }

  private async user(agencyCode: string, role: Role): Promise<AuthUser> {
    const [u] = (await this.dataSource.query(
      `SELECT id, username, display_name, agency_id, roles FROM app_user WHERE username = $1`,
      [demoUsername(agencyCode, role)],
    )) as Array<{ id: string; username: string; display_name: string; agency_id: string; roles: Role[] }>;
    return {
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      agencyId: u.agency_id,
      roles: u.roles,
      sessionId: 'demo-seed',
      authenticatedBy: 'bearer',
      mustChangePassword: false,
      client: { ip: null, userAgent: 'demo-seed' },
    };
  }
}
