import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ACCESS_TOKEN_COOKIE } from './auth/access-policy.decorators.js';
import { requestIdFor } from './common/logging/logging.module.js';
import type { AppConfig } from './config/app-config.js';
import { APP_CONFIG } from './config/config.module.js';
import { ProblemDetailsFilter } from './common/http/problem-details.filter.js';
import { requireJsonBodies } from './common/http/json-content-type.middleware.js';
import { createValidationPipe } from './common/validation/validation.pipe.js';
import { serveConsoleAssets } from './console/console-assets.js';
import { ConsoleErrorPages } from './console/console-error-pages.js';
import { CONSOLE_PREFIX_EXCLUDES } from './console/console-paths.js';
import { ConsoleViews } from './console/console-views.js';

export const API_PREFIX = 'api/v1';

/**
 * Everything about how the app answers HTTP, in one place: main.ts and the e2e tests both call it,
 * so the tests exercise exactly what production serves.
 */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.disable('x-powered-by');
  // The client address (sign-in throttling, audit) is X-Forwarded-For only behind trusted proxies.
  app.set('trust proxy', config.trustProxy);
  app.use((request: Request, response: Response, next: NextFunction) => {
    requestIdFor(request, response);
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Swagger UI sets inline styles.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          // County intranets often serve plain http: upgrading sub-requests to https would break pages.
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  app.useBodyParser('json', { limit: '2mb' });
  // Unsigned: the auth cookies carry signed JWTs or opaque tokens checked against the database.
  app.use(cookieParser());
  app.use(`/${API_PREFIX}`, requireJsonBodies);
  // The web console's forms (its routes stay outside the API prefix; the API still takes JSON only).
  app.useBodyParser('urlencoded', { extended: false, limit: '2mb' });
  serveConsoleAssets(app);
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/ready', ...CONSOLE_PREFIX_EXCLUDES] });
  app.useGlobalPipes(createValidationPipe());
  // Console pages get their errors as HTML pages; the API keeps answering problem+json.
  const filter = new ProblemDetailsFilter(new ConsoleErrorPages(app.get(ConsoleViews)));
  app.useGlobalFilters(filter);
  // Errors raised by plain Express middleware (body parser, the JSON check above) skip Nest's filters:
  // answer them with the same problem documents.
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    filter.catch(error, {
      switchToHttp: () => ({ getRequest: () => request, getResponse: () => response, getNext: () => next }),
    } as never);
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('GIP Desk API（依申请公开办理平台）')
      .setDescription(
        'Case management for government-information disclosure applications under the 2019 《政府信息公开条例》. ' +
          'Errors are RFC 9457 problem documents (application/problem+json) with a stable `code`.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .addCookieAuth(ACCESS_TOKEN_COOKIE)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
