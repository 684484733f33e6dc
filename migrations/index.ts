import { Init1795785718361 } from './1795785718361-Init.js';
import { AccessControl1795786797403 } from './1795786797403-AccessControl.js';
import { CalendarYears1795787148000 } from './1795787148000-CalendarYears.js';
import { CaseListIndexes1795791735555 } from './1795791735555-CaseListIndexes.js';
import { Cases1795788875381 } from './1795788875381-Cases.js';
import { CaseTextSearch1795791735556 } from './1795791735556-CaseTextSearch.js';
import { SupervisionDashboardIndexes1795794000000 } from './1795794000000-SupervisionDashboardIndexes.js';
import { DocumentNumberCounter1795787108336 } from './1795787108336-DocumentNumberCounter.js';
import { IssuedLetters1795790252777 } from './1795790252777-IssuedLetters.js';
import { SupervisionAndReminders1795790547942 } from './1795790547942-SupervisionAndReminders.js';

/**
 * Every migration, in order. Listed explicitly (not globbed) so that the app, the CLI and the tests
 * load the very same classes; test/integration/schema.int-spec.ts fails if a file here is missing.
 */
export const MIGRATIONS = [
  Init1795785718361,
  AccessControl1795786797403,
  DocumentNumberCounter1795787108336,
  CalendarYears1795787148000,
  Cases1795788875381,
  IssuedLetters1795790252777,
  SupervisionAndReminders1795790547942,
  CaseListIndexes1795791735555,
  CaseTextSearch1795791735556,
  SupervisionDashboardIndexes1795794000000,
];
