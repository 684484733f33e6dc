import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { DataSource } from 'typeorm';
import { AgenciesService } from '../../src/agencies/agencies.service.js';
import { SYSTEM_ACTOR } from '../../src/audit/audit-actor.js';
import { ACCESS_POLICY } from '../../src/auth/access-policy.decorators.js';
import { ROLES, type Role } from '../../src/auth/role.js';
import { User } from '../../src/auth/user.entity.js';
import { UsersService } from '../../src/auth/users.service.js';
import { RemedyRecordsService } from '../../src/supervision/remedy-records.service.js';
import { agencyId, DEMO_APP, signIn, type Session } from '../support/auth.js';
import { Given } from '../support/cases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { ACCESS_MATRIX, SIGN_IN, type Actor, type MatrixFixtures, type MatrixRow } from './access-matrix.js';

interface ExpressRoute {
  path: string;
  methods: Record<string, boolean>;
}

/**
 * Every endpoint the app registers (Nest controllers and the Swagger routes), as `METHOD /path`.
 * Layers mounted for every HTTP method are middleware (Nest's forRoutes(ALL)), not endpoints.
 */
function registeredRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as {
    router: { stack: Array<{ route?: ExpressRoute }> };
  };
  const routes = new Set<string>();
  for (const { route } of express.router.stack) {
    if (!route) continue;
    const methods = Object.keys(route.methods).filter((m) => route.methods[m]);
    if (methods.length > 5) continue;
    const path = route.path.length > 1 ? route.path.replace(/\/$/, '') : route.path;
    for (const method of methods) routes.add(`${method.toUpperCase()} ${path}`);
  }
  return [...routes].sort();
}

const ACTORS: readonly Actor[] = ['anonymous', ...ROLES];
// Who plays each role, and which agency is theirs / someone else's.
const PLAYERS: Record<Role, { username: string; own: string; other: string }> = {
  clerk: { username: 'zrzyj.clerk', own: 'tc-zrzyj', other: 'tc-jtj' },
  handler: { username: 'zrzyj.handler', own: 'tc-zrzyj', other: 'tc-jtj' },
  approver: { username: 'zrzyj.approver', own: 'tc-zrzyj', other: 'tc-jtj' },
  supervisor: { username: 'gov-office.supervisor', own: 'tc-gov-office', other: 'tc-zrzyj' },
  admin: { username: 'admin', own: 'tc-gov-office', other: 'tc-zrzyj' },
};
const ANONYMOUS_AGENCIES = { own: 'tc-zrzyj', other: 'tc-jtj' };

describe('access matrix', () => {
  let t: TestApp;
  const sessions = new Map<Role, Session>();
  const agencies = new Map<string, string>();
  let fixtures: MatrixFixtures;

  beforeAll(async () => {
    t = await createTestApp(DEMO_APP);
    for (const role of ROLES) sessions.set(role, await signIn(t, PLAYERS[role].username));
    for (const code of ['tc-gov', 'tc-gov-office', 'tc-zrzyj', 'tc-jtj'])
      agencies.set(code, await agencyId(t, code));
    let counter = 0;
    const unique = (prefix: string) => `${prefix}${++counter}x${Math.random().toString(36).slice(2, 8)}`;
    const countyGovernmentId = agencies.get('tc-gov') as string;
    fixtures = {
      countyGovernmentId,
      unique,
      newAgency: () =>
        t.app.get(AgenciesService).create(
          {
            code: unique('f'),
            name: unique('夹具局'),
            shortName: '夹具局',
            type: 'county_department',
            parentId: countyGovernmentId,
            docNumberPrefix: '夹信复',
          },
          SYSTEM_ACTOR,
        ),
      newUser: async (id) =>
        (
          await t.app
            .get(UsersService)
            .createUser(
              { username: unique('u'), displayName: '夹具', agencyId: id, roles: ['clerk'] },
              SYSTEM_ACTOR,
            )
        ).user,
      clerkOf: async (id) =>
        t.app
          .get(DataSource)
          .getRepository(User)
          .createQueryBuilder('u')
          .where(`u.agencyId = :id AND u.username LIKE '%.clerk'`, { id })
          .getOneOrFail(),
      freshRefreshToken: async () => (await signIn(t, 'jtj.handler')).refreshToken,
      given: new Given(t),
      remedyIn: async (id) => {
        const c = await fixtures.given.caseIn(id, 'served');
        const r = await t.app.get(RemedyRecordsService).record(await fixtures.given.user(id, 'clerk'), c.id, {
          kind: 'reconsideration',
          filedOn: '2026-11-27',
          body: '郯城县人民政府',
          result: 'pending',
        });
        return { caseId: c.id, remedyId: r.id, version: r.version };
      },
    };
  });
  afterAll(() => t.close());

  it('has a row for every registered route, and no row for a route that does not exist', () => {
    const registered = registeredRoutes(t);
    const declared = ACCESS_MATRIX.map((row) => row.route);
    expect(registered.filter((r) => !declared.includes(r))).toEqual([]); // add a row to test/e2e/access-matrix.ts
    expect(declared.filter((r) => !registered.includes(r))).toEqual([]); // remove the stale row
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('finds a declared policy (@Public or @Roles) on every controller method', () => {
    const discovery = new DiscoveryService(t.app.get(ModulesContainer));
    const scanner = new MetadataScanner();
    const reflector = new Reflector();
    const undeclared: string[] = [];
    for (const wrapper of discovery.getControllers()) {
      const { metatype, instance } = wrapper as { metatype: new () => object; instance: object };
      if (!instance) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, () => unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue; // not a route
        if (!reflector.getAllAndOverride(ACCESS_POLICY, [handler, metatype]))
          undeclared.push(`${metatype.name}.${name}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it.each(ACCESS_MATRIX.map((row) => [row.route, row] as const))('%s', async (_route, row: MatrixRow) => {
    const [method, routePath] = row.route.split(' ');
    const mismatches: string[] = [];
    for (const actor of ACTORS) {
      for (const target of ['own', 'other'] as const) {
        const codes = actor === 'anonymous' ? ANONYMOUS_AGENCIES : PLAYERS[actor];
        const ctx = { actor, target, agencyId: agencies.get(codes[target]) as string, fixtures };
        if (!row.request && routePath.includes(':'))
          throw new Error(`${row.route}: needs request() for its parameters`);
        const spec = row.request ? await row.request(ctx) : { path: routePath };
        let token: string | undefined;
        if (actor !== 'anonymous') {
          token = spec.freshSession
            ? (await signIn(t, PLAYERS[actor].username)).accessToken
            : sessions.get(actor)?.accessToken;
        }
        let request = t.http[method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](spec.path);
        if (token) request = request.set('Authorization', `Bearer ${token}`);
        const res = spec.body ? await request.send(spec.body) : await request;
        const cell = row.expect[actor];
        if (cell === SIGN_IN) {
          const location = String(res.headers.location ?? '');
          if (res.status !== 303 || !location.startsWith('/sign-in?next=')) {
            mismatches.push(`${actor}/${target}: expected 303 to /sign-in, got ${res.status} ${location}`);
          }
          continue;
        }
        const expected = typeof cell === 'number' ? cell : cell[target];
        if (res.status !== expected) {
          mismatches.push(
            `${actor}/${target}: expected ${expected}, got ${res.status} ${res.body?.code ?? ''}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
