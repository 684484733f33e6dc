import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AppSecret } from './app-secret.entity.js';

const SECRET_NAME = 'jwt-signing-key';

/**
 * The HS256 key every instance signs and verifies access tokens with. From AUTH_JWT_SECRET (required
 * in production); otherwise generated on first use and stored in the database, where every instance
 * on that database finds the same key (the first to insert wins).
 */
@Injectable()
export class JwtKeyStore {
  private key?: Promise<Uint8Array>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  get(): Promise<Uint8Array> {
    this.key ??= this.load().catch((error: unknown) => {
      this.key = undefined; // e.g. the database was not ready: try again next time
      throw error;
    });
    return this.key;
  }

  private async load(): Promise<Uint8Array> {
    if (this.config.authJwtSecret) return new TextEncoder().encode(this.config.authJwtSecret);
    const repo = this.dataSource.getRepository(AppSecret);
    await repo
      .createQueryBuilder()
      .insert()
      .values({ name: SECRET_NAME, value: randomBytes(48).toString('base64url') })
      .orIgnore()
      .execute();
    const stored = await repo.findOneByOrFail({ name: SECRET_NAME });
    return new TextEncoder().encode(stored.value);
  }
}
