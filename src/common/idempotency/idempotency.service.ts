import crypto from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../errors/domain-error.js';
import { IdempotencyRecord } from './idempotency-record.entity.js';

export interface IdempotentCall {
  scope: string;
  actor: string;
  key: string;
  request: unknown;
}

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/**
 * Runs a command at most once per (scope, actor, key), inside the caller's transaction: the key row
 * is inserted first, so a concurrent duplicate waits on its unique index and then replays the
 * stored answer. If the command fails, the transaction rolls back and the key is free again.
 */
@Injectable()
export class IdempotencyService {
  async run<T>(
    manager: EntityManager,
    call: IdempotentCall,
    command: () => Promise<T>,
  ): Promise<{ replayed: boolean; body: T }> {
    if (!IDEMPOTENCY_KEY.test(call.key)) {
      throw DomainError.validation([
        { field: 'Idempotency-Key', message: 'Idempotency-Key 须为 8—128 位字母、数字或 _ . : -' },
      ]);
    }
    const requestHash = crypto.createHash('sha256').update(stableJson(call.request)).digest('hex');
    const inserted = (await manager.query(
      `INSERT INTO idempotency_record (scope, actor, key, request_hash)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key`,
      [call.scope, call.actor, call.key, requestHash],
    )) as unknown[];
    if (inserted.length === 0) {
      const existing = await manager.findOneByOrFail(IdempotencyRecord, {
        scope: call.scope,
        actor: call.actor,
        key: call.key,
      });
      if (existing.requestHash !== requestHash) {
        throw new DomainError(
          'IDEMPOTENCY_KEY_REUSED',
          '同一个 Idempotency-Key 已用于内容不同的请求，请换一个新的键。',
        );
      }
      return { replayed: true, body: existing.responseBody as T };
    }
    const body = await command();
    await manager.update(
      IdempotencyRecord,
      { scope: call.scope, actor: call.actor, key: call.key },
      { responseStatus: 201, responseBody: body as object },
    );
    return { replayed: false, body };
  }
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
