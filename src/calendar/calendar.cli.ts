/** Entry point of `npm run calendar -- <command>` (see calendar-cli.ts). */
import 'reflect-metadata';
import { runCalendarCli } from './calendar-cli.js';

process.exitCode = await runCalendarCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
