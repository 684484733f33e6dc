/**
 * Entry point for the TypeORM CLI (`npm run migration:generate|run|revert|show`). Uses DATABASE_URL,
 * or the embedded server: the running app's if there is one, else it starts it for the command.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { configFromEnvironment } from '../config/environment.js';
import { dataSourceOptions } from './data-source-options.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

const config = configFromEnvironment();
let url = config.databaseUrl;
if (!url) {
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    dataDirExplicit: config.dataDirExplicit,
    port: config.embeddedPgPort,
    database: 'gipdesk',
    attachIfRunning: true,
    logger: { info: (m) => process.stderr.write(`${m}\n`), warn: (m) => process.stderr.write(`${m}\n`) },
  });
  url = embedded.url;
}

export default new DataSource(dataSourceOptions(url));
