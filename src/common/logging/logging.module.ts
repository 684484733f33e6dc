import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { maskIdNumbersInUrl } from '../privacy/mask.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Reuses a well-formed X-Request-Id from a proxy, else makes one; echoed on every response. Called
 * first thing for every request (configureApp), so errors raised by the body parser carry it too.
 */
export function requestIdFor(request: IncomingMessage & { id?: unknown }, response: ServerResponse): string {
  if (typeof request.id === 'string') return request.id;
  const header = request.headers['x-request-id'];
  const given = Array.isArray(header) ? header[0] : header;
  const id = given && REQUEST_ID.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', id);
  request.id = id;
  return id;
}

const LOGGED = Symbol('request logged');

/**
 * True from the second time the logging middleware meets a request. NestJS mounts it on the API's
 * catch-all and again on each path taken out of the global prefix (the web console), and both can
 * match one request: without this, console requests were logged twice.
 */
function loggedAlready(req: IncomingMessage & { [LOGGED]?: true }): boolean {
  if (req[LOGGED]) return true;
  req[LOGGED] = true;
  return false;
}

/**
 * Structured JSON logs (pino), pretty in development. Every line logged during a request carries its
 * request id. Credentials are redacted and ID numbers in URLs are masked.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: requestIdFor,
          customAttributeKeys: { reqId: 'requestId' },
          redact: {
            paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            censor: '[redacted]',
          },
          serializers: {
            req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
              id: req.id,
              method: req.method,
              url: maskIdNumbersInUrl(req.url),
              remoteAddress: req.remoteAddress,
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          autoLogging: {
            ignore: (req: IncomingMessage) => loggedAlready(req) || (req.url ?? '').startsWith('/health'),
          },
          transport:
            config.logFormat === 'pretty'
              ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } }
              : undefined,
        },
      }),
    }),
  ],
})
export class LoggingModule {}
