import { Init1795785718361 } from './1795785718361-Init.js';
import { DocumentNumberCounter1795787108336 } from './1795787108336-DocumentNumberCounter.js';

/**
 * Every migration, in order. Listed explicitly (not globbed) so that the app, the CLI and the tests
 * load the very same classes; test/integration/schema.int-spec.ts fails if a file here is missing.
 */
export const MIGRATIONS = [Init1795785718361, DocumentNumberCounter1795787108336];
