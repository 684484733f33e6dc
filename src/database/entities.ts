import { Agency } from '../agencies/agency.entity.js';
import { DocumentNumberCounter } from '../letters/document-number-counter.entity.js';

/**
 * Every entity of the schema. The app, the TypeORM CLI and the migration drift check all use this
 * one list, so an entity cannot be known to one and missing from another.
 */
export const ENTITIES = [Agency, DocumentNumberCounter];
