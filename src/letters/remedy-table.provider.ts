import fs from 'node:fs';
import { DEFAULT_REMEDY_TABLE, parseRemedyTable, type RemedyTable } from './remedy.rules.js';

/** Injection token of the installation's RemedyTable. */
export const REMEDY_TABLE = Symbol('REMEDY_TABLE');

/**
 * The remedy table in force: the shipped defaults, or REMEDY_TABLE_FILE (a JSON object of outcome →
 * mode) validated at boot, so that a bad file stops the app instead of printing a wrong clause.
 */
export function loadRemedyTable(file: string | undefined): RemedyTable {
  if (file === undefined) return DEFAULT_REMEDY_TABLE;
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`REMEDY_TABLE_FILE=${file}: cannot read it as JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
  try {
    return parseRemedyTable(json);
  } catch (error) {
    throw new Error(`REMEDY_TABLE_FILE=${file}: ${(error as Error).message}`, { cause: error });
  }
}
