import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from './entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install (managed servers may forbid it).
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // Never: the schema changes only through reviewed migrations in migrations/.
    synchronize: false,
    migrationsRun: false,
    applicationName: 'gip-desk',
    extra: { max: 20 },
  };
}
