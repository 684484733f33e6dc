import { type DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/audit/audit-actor.js';
import { AuditEvent } from '../../src/audit/audit-event.entity.js';
import { AuditService, type AuditEntry } from '../../src/audit/audit.service.js';
import { FixedClock } from '../../src/common/clock/clock.js';
import { openTestDataSource, type TestDataSource } from '../support/test-database.js';

describe('the audit store', () => {
  let db: TestDataSource;
  let dataSource: DataSource;
  let audit: AuditService;
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));

  const entry = (n: number): AuditEntry => ({
    type: 'user.updated',
    actor: { ...SYSTEM_ACTOR, ip: '10.1.2.3' },
    subject: { type: 'user', id: `u${n}` },
    details: { changes: { roles: { from: ['clerk'], to: ['handler'] } }, n },
  });

  beforeAll(async () => {
    db = await openTestDataSource();
    dataSource = db.dataSource;
    audit = new AuditService(dataSource, clock);
  });
  afterAll(() => db.close());

  it('stores an event with its transaction, and not when the transaction rolls back', async () => {
    await dataSource.transaction((m) => audit.append(m, entry(1)));
    await expect(
      dataSource.transaction(async (m) => {
        await audit.append(m, entry(2));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const stored = await dataSource.getRepository(AuditEvent).find();
    expect(stored.map((e) => e.subjectId)).toEqual(['u1']);
    expect(stored[0]).toMatchObject({ occurredAt: clock.now(), ip: '10.1.2.3', prevHash: '0'.repeat(64) });
  });

  it('appends from a manager outside a transaction too', async () => {
    await audit.append(dataSource.manager, entry(3));
    expect(await audit.verify()).toMatchObject({ intact: true, events: 2 });
  });

  it('keeps one linear chain under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => dataSource.transaction((m) => audit.append(m, entry(10 + i)))),
    );
    const result = await audit.verify();
    expect(result).toMatchObject({ intact: true, events: 14, brokenAtEventId: null });
  });

  it.each([
    ['UPDATE', `UPDATE audit_event SET actor_username = 'someone else'`],
    ['DELETE', `DELETE FROM audit_event`],
    ['TRUNCATE', `TRUNCATE audit_event`],
  ])('refuses %s in the database', async (_op, sql) => {
    await expect(dataSource.query(sql)).rejects.toThrow(/append-only/);
  });

  it('detects an edit made by someone who bypassed the trigger', async () => {
    const [victim] = await dataSource
      .getRepository(AuditEvent)
      .find({ order: { id: 'ASC' }, skip: 4, take: 1 });
    await dataSource.transaction(async (m) => {
      await m.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
      await m.query(`UPDATE audit_event SET details = '{"n": 999}' WHERE id = $1`, [victim.id]);
      await m.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
    });
    expect(await audit.verify()).toMatchObject({
      intact: false,
      events: 4,
      brokenAtEventId: victim.id,
      reason: 'hash_mismatch',
    });
  });

  it('lists newest first with paging', async () => {
    const first = await audit.list({ limit: 5 });
    expect(first.items).toHaveLength(5);
    const second = await audit.list({ limit: 5, beforeId: first.nextBeforeId ?? undefined });
    expect(Number(second.items[0].id)).toBeLessThan(Number(first.items[4].id));
  });
});
