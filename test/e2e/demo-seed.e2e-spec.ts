import { DataSource } from 'typeorm';
import { Agency } from '../../src/agencies/agency.entity.js';
import { User } from '../../src/auth/user.entity.js';
import { DatabaseLifecycle } from '../../src/database/database-lifecycle.service.js';
import { DEMO_USERS } from '../../seeds/demo-users.data.js';
import { DEMO_APP, signIn } from '../support/auth.js';
import { createTestApp } from '../support/test-app.js';

describe('demo accounts', () => {
  it('exist with the demo county, can sign in without a forced change, and are seeded once', async () => {
    const t = await createTestApp(DEMO_APP);
    try {
      const users = await t.app
        .get(DataSource)
        .getRepository(User)
        .find({ relations: { agency: true } });
      expect(users.map((u) => u.username).sort()).toEqual(DEMO_USERS.map((u) => u.username).sort());
      expect(users.find((u) => u.username === 'gov-office.supervisor')?.agency?.isSupervisor).toBe(true);
      const session = await signIn(t, 'gov-office.supervisor');
      const me = await session.auth(t.http.get('/api/v1/auth/me')).expect(200);
      expect(me.body).toMatchObject({ roles: ['supervisor'], mustChangePassword: false });

      const again = await t.app.get(DatabaseLifecycle).bootstrap();
      expect(again.demoLogins?.users).toHaveLength(DEMO_USERS.length);
      expect(await t.app.get(DataSource).getRepository(User).count()).toBe(DEMO_USERS.length);
    } finally {
      await t.close();
    }
  });

  it('are never created in production, even with DEMO_DATA on', async () => {
    const t = await createTestApp({
      seed: true,
      env: { DEMO_DATA: 'true', NODE_ENV: 'production', AUTH_JWT_SECRET: 's'.repeat(40) },
    });
    try {
      const result = await t.app.get(DatabaseLifecycle).bootstrap();
      expect(result).toEqual({ seededDemo: true, holidayCalendars: expect.any(Object) });
      expect(await t.app.get(DataSource).getRepository(Agency).count()).toBeGreaterThan(0);
      expect(await t.app.get(DataSource).getRepository(User).count()).toBe(0);
    } finally {
      await t.close();
    }
  });
});
