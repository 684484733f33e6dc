import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadRemedyTable } from '../../src/letters/remedy-table.provider.js';
import { DEFAULT_REMEDY_TABLE } from '../../src/letters/remedy.rules.js';

describe('loadRemedyTable (REMEDY_TABLE_FILE)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remedy-table-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };

  it('ships the defaults when no file is configured', () => {
    expect(loadRemedyTable(undefined)).toBe(DEFAULT_REMEDY_TABLE);
  });

  it('applies a valid override', () => {
    expect(loadRemedyTable(file('ok.json', '{"not_held": "review_first"}')).not_held).toBe('review_first');
  });

  it.each([
    ['not JSON', '{not_held: review_first', 'cannot read it as JSON'],
    ['below the statutory floor', '{"withheld_process_info": "either"}', '第二十三条'],
  ])('stops the app on a file that is %s, naming the variable', (_title, content, message) => {
    const p = file('bad.json', content);
    expect(() => loadRemedyTable(p)).toThrow(`REMEDY_TABLE_FILE=${p}`);
    expect(() => loadRemedyTable(p)).toThrow(message);
  });
});
