import { DEMO_PASSWORD, DEMO_USERS } from '../seeds/demo-users.data.js';
import { loadConfig } from './config/app-config.js';
import { bannerLines } from './startup-banner.js';

const demoLogins = { password: DEMO_PASSWORD, users: DEMO_USERS };

describe('the start-up banner', () => {
  it('prints the demo accounts and their password when they were seeded', () => {
    const text = bannerLines(loadConfig({}), { seededDemo: true, demoLogins }).join('\n');
    expect(text).toContain(DEMO_PASSWORD);
    expect(text).toContain('admin（管理员）');
    expect(text).toContain('gov-office.supervisor（督查）');
    expect(text).toContain('zrzyj.clerk（登记员）');
  });

  it('sends people to the web console to sign in, not to the raw sign-in API', () => {
    const config = loadConfig({ PORT: '3115' });
    const text = bannerLines(config, { seededDemo: true, demoLogins }).join('\n');
    expect(text).toContain('Demo sign-in: open http://localhost:3115/ and sign in');
    expect(text).not.toContain('/api/v1/auth/sign-in');
  });

  it('prints no password without demo accounts', () => {
    const text = bannerLines(loadConfig({}), { seededDemo: true }).join('\n');
    expect(text).not.toContain(DEMO_PASSWORD);
  });

  it('never prints a password in production', () => {
    const config = loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(40) });
    const text = bannerLines(config, { seededDemo: true, demoLogins }).join('\n');
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(text).not.toContain('Demo');
  });
});
