import type { AppConfig } from './config/app-config.js';

/** What a person who just typed `npm start` needs: where to go, and how to sign in. */
export function printBanner(config: AppConfig, state: { seededDemo: boolean }): void {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const base = `http://${host}:${config.port}`;
  const lines = [
    '',
    'GIP Desk（依申请公开办理平台）is running',
    `  Web console : ${base}/`,
    `  API docs    : ${base}/api/docs`,
    `  Health      : ${base}/health/ready`,
  ];
  if (state.seededDemo && config.nodeEnv !== 'production') {
    lines.push('  Demo data   : 郯城县 demo county loaded (DEMO_DATA=false to turn off)');
  }
  lines.push('  Stop        : Ctrl-C', '');
  process.stdout.write(`${lines.join('\n')}\n`);
}
