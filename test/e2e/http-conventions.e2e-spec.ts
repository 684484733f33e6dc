import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Max, Min, ValidateNested } from 'class-validator';
import { Public } from '../../src/auth/access-policy.decorators.js';
import { DomainError } from '../../src/common/errors/domain-error.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

class AddressDto {
  @IsString()
  @IsNotEmpty()
  city: string;
}

class ProbeDto {
  @IsString()
  @IsNotEmpty()
  name: string;

  @IsInt()
  @Min(1)
  @Max(20)
  days: number;

  @ValidateNested()
  @Type(() => AddressDto)
  address: AddressDto;
}

/** A controller that exists only in this test, to exercise the global pipe and filter. */
// Public: test-only, so that these checks of the pipe and filter need no sign-in.
@Public()
@Controller('probe')
class ProbeController {
  @Post()
  create(@Body() dto: ProbeDto): { received: ProbeDto } {
    return { received: dto };
  }

  @Get('conflict')
  conflict(): never {
    throw new DomainError('CONFLICT', '该申请已办结，不能再补正。', { extensions: { allowed: ['archive'] } });
  }

  @Get('bug')
  bug(): never {
    throw new Error('secret internal detail');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('HTTP conventions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ imports: [ProbeModule] });
  });
  afterAll(() => t.close());

  const expectProblem = (res: {
    status: number;
    headers: Record<string, string>;
    body: Record<string, unknown>;
  }) => {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual(
      expect.objectContaining({
        type: expect.stringMatching(/^urn:gip-desk:problem:/),
        title: expect.any(String),
        status: res.status,
        code: expect.any(String),
        detail: expect.any(String),
        requestId: res.headers['x-request-id'],
      }),
    );
  };

  it('answers liveness and readiness outside the API prefix', async () => {
    await t.http.get('/health').expect(200, { status: 'ok' });
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.details).toMatchObject({ database: { status: 'up' }, migrations: { status: 'up' } });
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const json = await t.http.get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/health', '/health/ready', '/api/v1/probe']),
    );
    await t.http.get('/api/docs').expect(200).expect('content-type', /html/);
  });

  it('accepts a valid body under /api/v1 and strips nothing it declared', async () => {
    const res = await t.http
      .post('/api/v1/probe')
      .send({ name: '张三', days: 20, address: { city: '郯城' } })
      .expect(201);
    expect(res.body.received).toEqual({ name: '张三', days: 20, address: { city: '郯城' } });
  });

  it('answers validation failures with per-field Chinese messages', async () => {
    const res = await t.http
      .post('/api/v1/probe')
      .send({ name: '', days: 21, address: {}, extra: 1 })
      .expect(400);
    expectProblem(res);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = (res.body.errors as Array<{ field: string; message: string }>).map((e) => [
      e.field,
      e.message,
    ]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['name', '不能为空'],
        ['days', '不能大于 20'],
        ['address.city', '不能为空'],
        ['extra', '不允许的字段'],
      ]),
    );
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.http
      .post('/api/v1/probe')
      .set('content-type', 'application/json')
      .send('{"name": "张三",')
      .expect(400);
    expectProblem(res);
    expect(res.body.code).toBe('MALFORMED_JSON');
  });

  it('refuses a non-JSON body with 415', async () => {
    const res = await t.http
      .post('/api/v1/probe')
      .set('content-type', 'text/plain')
      .send('name=x')
      .expect(415);
    expectProblem(res);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND', async () => {
    const res = await t.http.get('/api/v1/no-such-thing').expect(404);
    expectProblem(res);
    expect(res.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('maps domain errors by code, with extension members', async () => {
    const res = await t.http.get('/api/v1/probe/conflict').expect(409);
    expectProblem(res);
    expect(res.body).toMatchObject({
      code: 'CONFLICT',
      detail: '该申请已办结，不能再补正。',
      allowed: ['archive'],
    });
  });

  it('hides internals of unexpected errors behind a 500 with the request id', async () => {
    const res = await t.http.get('/api/v1/probe/bug').set('X-Request-Id', 'trace-123').expect(500);
    expectProblem(res);
    expect(res.body.requestId).toBe('trace-123');
    expect(JSON.stringify(res.body)).not.toContain('secret internal detail');
  });

  it('refuses a malformed request id and makes its own', async () => {
    const res = await t.http.get('/health').set('X-Request-Id', 'bad id with spaces');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await t.http.get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
