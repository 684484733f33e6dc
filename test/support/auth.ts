import type { Test } from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../../seeds/demo-users.data.js';
import { Agency } from '../../src/agencies/agency.entity.js';
import { User } from '../../src/auth/user.entity.js';
import type { TestApp } from './test-app.js';

export { DEMO_PASSWORD };

export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly userId: string;
  /** Adds `Authorization: Bearer <accessToken>` to a supertest request. */
  readonly auth: <T extends Test>(request: T) => T;
}

/** Signs in through the API (the demo accounts exist when the app was created with the demo seed). */
export async function signIn(t: TestApp, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await t.http.post('/api/v1/auth/sign-in').send({ username, password });
  if (res.status !== 200) {
    throw new Error(`sign-in of ${username} answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return sessionFrom(res.body as { accessToken: string; refreshToken: string; user: { id: string } });
}

export function sessionFrom(body: {
  accessToken: string;
  refreshToken: string;
  user: { id: string };
}): Session {
  return {
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    userId: body.user.id,
    auth: <T extends Test>(request: T) => request.set('Authorization', `Bearer ${body.accessToken}`) as T,
  };
}

export async function agencyId(t: TestApp, code: string): Promise<string> {
  return (await t.app.get(DataSource).getRepository(Agency).findOneByOrFail({ code })).id;
}

export async function userNamed(t: TestApp, username: string): Promise<User> {
  return t.app.get(DataSource).getRepository(User).findOneByOrFail({ username });
}

/** The app with the demo county and its accounts (clerk/handler/approver per agency, supervisor, admin). */
export const DEMO_APP = { seed: true, env: { DEMO_DATA: 'true' } } as const;

export type AuthedHttp = Record<'get' | 'post' | 'put' | 'patch' | 'delete', (url: string) => Test>;

/** supertest with the session's bearer token on every request: `const api = as(t, admin); api.get(…)`. */
export function as(t: TestApp, session: Session): AuthedHttp {
  return {
    get: (url) => session.auth(t.http.get(url)),
    post: (url) => session.auth(t.http.post(url)),
    put: (url) => session.auth(t.http.put(url)),
    patch: (url) => session.auth(t.http.patch(url)),
    delete: (url) => session.auth(t.http.delete(url)),
  };
}
