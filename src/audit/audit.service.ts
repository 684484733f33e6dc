import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { Clock } from '../common/clock/clock.js';
import type { AuditActor } from './audit-actor.js';
import {
  chainHash,
  checkChain,
  GENESIS_HASH,
  type AuditPayload,
  type ChainCheck,
} from './audit-chain.rules.js';
import { AuditEvent } from './audit-event.entity.js';
import type { AuditEventType } from './audit-event-type.js';
import { AuditEventDto, AuditEventPageDto, AuditVerificationDto } from './dto/audit-event.dto.js';
import type { ListAuditEventsQuery } from './dto/list-audit-events.query.js';

export interface AuditEntry {
  readonly type: AuditEventType;
  readonly actor: AuditActor;
  readonly subject?: { readonly type: string; readonly id: string };
  readonly agencyId?: string | null;
  readonly details?: Readonly<Record<string, unknown>>;
}

// Any fixed number, distinct from the migration lock: appends take turns so the chain stays linear.
const CHAIN_LOCK_KEY = 74_192_027;
const VERIFY_BATCH = 1000;

/**
 * The append-only, hash-chained event store shared by all modules. `append` joins the caller's
 * transaction, so an event is stored exactly when the change it describes is.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async append(manager: EntityManager, entry: AuditEntry): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      // The chain lock is transaction-scoped: without a transaction it would not cover the insert.
      await manager.transaction((inner) => this.append(inner, entry));
      return;
    }
    // Held until the caller commits: the next append then sees this row as the head.
    await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
    const head = await manager.find(AuditEvent, { select: { hash: true }, order: { id: 'DESC' }, take: 1 });
    const prevHash = head[0]?.hash ?? GENESIS_HASH;
    const payload: AuditPayload = {
      occurredAt: this.clock.now().toISOString(),
      type: entry.type,
      actorUserId: entry.actor.userId,
      actorUsername: truncate(entry.actor.username, 100),
      ip: truncate(entry.actor.ip, 64),
      userAgent: truncate(entry.actor.userAgent, 300),
      subjectType: entry.subject?.type ?? null,
      subjectId: entry.subject?.id ?? null,
      agencyId: entry.agencyId ?? null,
      details: entry.details ?? {},
    };
    await manager.save(
      manager.create(AuditEvent, {
        ...payload,
        occurredAt: new Date(payload.occurredAt),
        details: { ...payload.details },
        prevHash,
        hash: chainHash(prevHash, payload),
      }),
    );
  }

  async list(query: ListAuditEventsQuery): Promise<AuditEventPageDto> {
    const where: FindOptionsWhere<AuditEvent> = {};
    if (query.type) where.type = query.type;
    if (query.actorUserId) where.actorUserId = query.actorUserId;
    if (query.subjectId) where.subjectId = query.subjectId;
    if (query.beforeId) where.id = LessThan(query.beforeId);
    const limit = query.limit ?? 100;
    const rows = await this.dataSource.getRepository(AuditEvent).find({
      where,
      order: { id: 'DESC' },
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map(toDto),
      nextBeforeId: rows.length > limit ? page[page.length - 1].id : null,
    };
  }

  /** Recomputes the whole chain in storage order, in batches. */
  async verify(): Promise<AuditVerificationDto> {
    const repo = this.dataSource.getRepository(AuditEvent);
    let result: ChainCheck = { intact: true, headHash: GENESIS_HASH, checked: 0 };
    let afterId: string | undefined;
    for (;;) {
      const batch = await repo
        .createQueryBuilder('e')
        .where(afterId === undefined ? '1 = 1' : 'e.id > :afterId', { afterId })
        .orderBy('e.id', 'ASC')
        .take(VERIFY_BATCH)
        .getMany();
      if (batch.length === 0) break;
      result = checkChain(
        batch.map((e) => ({ id: e.id, prevHash: e.prevHash, hash: e.hash, payload: payloadOf(e) })),
        result.headHash,
        result.checked,
      );
      if (!result.intact) break;
      afterId = batch[batch.length - 1].id;
    }
    return {
      intact: result.intact,
      events: result.checked,
      headHash: result.headHash,
      brokenAtEventId: result.intact ? null : result.brokenAt,
      reason: result.intact ? null : result.reason,
    };
  }
}

function payloadOf(e: AuditEvent): AuditPayload {
  return {
    occurredAt: e.occurredAt.toISOString(),
    type: e.type,
    actorUserId: e.actorUserId,
    actorUsername: e.actorUsername,
    ip: e.ip,
    userAgent: e.userAgent,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    agencyId: e.agencyId,
    details: e.details,
  };
}

function toDto(e: AuditEvent): AuditEventDto {
  return { id: e.id, ...payloadOf(e), hash: e.hash };
}

function truncate(value: string | null, length: number): string | null {
  return value === null ? null : value.slice(0, length);
}
