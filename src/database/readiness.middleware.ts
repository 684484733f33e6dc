import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../common/errors/domain-error.js';
import { DatabaseLifecycle } from './database-lifecycle.service.js';

const ALWAYS_AVAILABLE = ['/health', '/api/docs'];

/** While the database is connecting or migrating, everything but health and API docs answers 503. */
@Injectable()
export class ReadinessMiddleware implements NestMiddleware {
  constructor(private readonly lifecycle: DatabaseLifecycle) {}

  use(request: Request, _response: Response, next: NextFunction): void {
    if (this.lifecycle.isReady() || ALWAYS_AVAILABLE.some((p) => request.path.startsWith(p))) return next();
    throw new DomainError('SERVICE_NOT_READY', '服务正在启动（连接或迁移数据库），请稍后再试。');
  }
}
