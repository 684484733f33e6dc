import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DatabaseLifecycle } from '../database/database-lifecycle.service.js';

@Injectable()
export class MigrationsHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly lifecycle: DatabaseLifecycle,
  ) {}

  async isApplied(key: string) {
    const check = this.indicator.check(key);
    const status = await this.lifecycle.status();
    if (status.state === 'ready' && !status.pendingMigrations) return check.up({ state: status.state });
    return check.down({ state: status.state, pendingMigrations: status.pendingMigrations });
  }
}
