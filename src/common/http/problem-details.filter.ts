import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../errors/domain-error.js';
import { ERROR_CATALOG, type ErrorCode } from '../errors/error-catalog.js';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem-details.js';

const STATUS_TO_CODE: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_NOT_READY',
};

interface Classified {
  code: ErrorCode;
  detail: string;
  errors?: ProblemDetails['errors'];
  extensions?: Record<string, unknown>;
}

/**
 * The one exception filter. Domain errors map by their code; framework errors (unknown route, body
 * parser, guards) by their status; anything else is a bug: logged with its stack, answered 500
 * without internals.
 */
/**
 * Answers errors of requests that want HTML (the web console's pages) instead of problem+json; the
 * classification (code, status, title, detail) is the same for both.
 */
export interface HtmlErrorResponder {
  handles(request: Request): boolean;
  respond(
    request: Request,
    response: Response,
    error: Pick<ProblemDetails, 'code' | 'status' | 'title' | 'detail' | 'requestId' | 'errors'>,
  ): void;
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetailsFilter');

  constructor(private readonly html?: HtmlErrorResponder) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string | number }>();
    const response = http.getResponse<Response>();
    const classified = this.classify(exception, request);
    const spec = ERROR_CATALOG[classified.code];
    if (spec.status >= 500 && classified.code !== 'SERVICE_NOT_READY') {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    const body: ProblemDetails = {
      ...(classified.extensions ?? {}),
      type: problemType(classified.code),
      title: spec.title,
      status: spec.status,
      code: classified.code,
      detail: classified.detail,
      instance: request.originalUrl?.split('?')[0],
      requestId: request.id === undefined ? undefined : String(request.id),
      ...(classified.errors ? { errors: classified.errors } : {}),
    };
    if (response.headersSent) return;
    if (this.html?.handles(request)) return this.html.respond(request, response, body);
    // RFC 9110 §10.2.3: tell a throttled client when to come back.
    if (typeof body.retryAfterSeconds === 'number')
      response.setHeader('Retry-After', String(body.retryAfterSeconds));
    response.status(spec.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private classify(exception: unknown, request: Request): Classified {
    if (exception instanceof DomainError) {
      return {
        code: exception.code,
        detail: exception.detail,
        errors: exception.errors,
        extensions: exception.extensions as Record<string, unknown> | undefined,
      };
    }
    if (exception instanceof HttpException) return this.fromHttpException(exception, request);
    const bodyParserError = exception as { type?: string; status?: number; expose?: boolean };
    if (bodyParserError?.type === 'entity.parse.failed') {
      return { code: 'MALFORMED_JSON', detail: '请求体不是合法的 JSON，请检查括号、引号和逗号。' };
    }
    if (bodyParserError?.type === 'entity.too.large') {
      return { code: 'PAYLOAD_TOO_LARGE', detail: '请求体超过了允许的大小。' };
    }
    if (bodyParserError?.type && bodyParserError.status && bodyParserError.status < 500) {
      return { code: STATUS_TO_CODE[bodyParserError.status] ?? 'BAD_REQUEST', detail: '请求体无法解析。' };
    }
    const name = (exception as Error | undefined)?.name;
    if (name === 'OptimisticLockVersionMismatchError') {
      return { code: 'STALE_VERSION', detail: '记录已被他人修改，请刷新后重试。' };
    }
    return { code: 'INTERNAL_ERROR', detail: '服务器内部错误，已记录。请将请求编号提供给管理员。' };
  }

  private fromHttpException(exception: HttpException, request: Request): Classified {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : String((response as { message?: unknown }).message ?? exception.message);
    if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)/.test(message)) {
      return { code: 'ROUTE_NOT_FOUND', detail: `没有 ${request.method} ${request.path} 这个接口。` };
    }
    const code = STATUS_TO_CODE[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
    const extensions =
      typeof response === 'object' && response !== null && !('message' in response)
        ? { details: response as Record<string, unknown> }
        : undefined;
    return { code, detail: status >= 500 ? ERROR_CATALOG[code].title : message, extensions };
  }
}
