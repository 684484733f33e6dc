import type { SeedResult } from '../seeds/run-seeds.js';
import { ROLE_LABELS } from './auth/role.js';
import type { AppConfig } from './config/app-config.js';

/** What a person who just typed `npm start` needs: where to go, and how to sign in. */
export function printBanner(config: AppConfig, state: SeedResult): void {
  process.stdout.write(`${bannerLines(config, state).join('\n')}\n`);
}

export function bannerLines(config: AppConfig, state: SeedResult): string[] {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const base = `http://${host}:${config.port}`;
  const lines = [
    '',
    'GIP Desk（依申请公开办理平台）is running',
    `  Web console : ${base}/`,
    `  API docs    : ${base}/api/docs`,
    `  Health      : ${base}/health/ready`,
  ];
  const production = config.nodeEnv === 'production';
  if (state.seededDemo && !production) {
    lines.push('  Demo data   : 郯城县 demo county loaded (DEMO_DATA=false to turn off)');
  }
  // Published demo passwords: only for a demo that was seeded, and never in production.
  if (state.demoLogins && !production) {
    const { users, password } = state.demoLogins;
    lines.push(`  Demo sign-in: open ${base}/ and sign in as any user below, password ${password}`);
    const byAgency = new Map<string, string[]>();
    for (const u of users) {
      byAgency.set(u.agencyCode, [
        ...(byAgency.get(u.agencyCode) ?? []),
        `${u.username}（${u.roles.map((r) => ROLE_LABELS[r]).join('、')}）`,
      ]);
    }
    for (const names of byAgency.values()) lines.push(`      ${names.join('  ')}`);
  }
  lines.push('  Stop        : Ctrl-C', '');
  return lines;
}
