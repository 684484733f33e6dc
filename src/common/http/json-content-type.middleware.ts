import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../errors/domain-error.js';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The JSON API takes JSON: a body sent as text/plain or a form would otherwise reach validation as
 * `{}` and produce a confusing list of missing fields.
 */
export function requireJsonBodies(request: Request, _response: Response, next: NextFunction): void {
  const hasBody =
    Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (!WITH_BODY.has(request.method) || !hasBody || request.is(['application/json', 'application/*+json'])) {
    return next();
  }
  next(
    new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      `接口只接受 application/json 请求体，收到的是 ${request.headers['content-type'] ?? '（未声明）'}。`,
    ),
  );
}
