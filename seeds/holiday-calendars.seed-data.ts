import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CalendarYearData } from '../src/calendar/calendar-data.js';
import { parseCalendarYear } from '../src/calendar/calendar-import.rules.js';
import { HOLIDAY_NOTICES } from './holiday-notices.data.js';

/** `seeds/data/holidays`, found from this file whether it runs from the sources or from `dist/`. */
function holidaysDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'seeds', 'data', 'holidays');
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error('seeds/data/holidays not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/**
 * The official schedules 2019–2026: each holiday-cn file read through the same parser as an admin's
 * import, then given the notices' titles, numbers and dates and the day notes (holiday-notices.data.ts).
 * A file that does not parse is a bug in the repository: this throws.
 */
export function seedCalendarYears(): CalendarYearData[] {
  const dir = holidaysDir();
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort()
    .map((file) => {
      const year = Number(file.slice(0, 4));
      const parsed = parseCalendarYear(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), year);
      if (!parsed.ok) {
        throw new Error(
          `seeds/data/holidays/${file}: ${parsed.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
        );
      }
      const extra = HOLIDAY_NOTICES[year];
      if (!extra || extra.notices.length !== parsed.data.sources.length) {
        throw new Error(`seeds/holiday-notices.data.ts: ${year} needs one entry per paper of ${file}`);
      }
      return {
        ...parsed.data,
        sources: parsed.data.sources.map((source, i) => ({ ...source, ...extra.notices[i] })),
        days: parsed.data.days.map((day) => ({ ...day, note: extra.dayNotes?.[day.date] ?? day.note })),
      };
    });
}
