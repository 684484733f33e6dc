import { type DataSource } from 'typeorm';
import { Agency } from '../../src/agencies/agency.entity.js';
import { AgencyScope, findInScopeOrFail } from '../../src/auth/agency-scope.js';
import type { Role } from '../../src/auth/role.js';
import { User } from '../../src/auth/user.entity.js';
import { DomainError } from '../../src/common/errors/domain-error.js';
import { openTestDataSource, type TestDataSource } from '../support/test-database.js';

/** The scoping helpers other modules use, on a real table that carries agency_id (app_user). */
describe('AgencyScope', () => {
  let db: TestDataSource;
  let dataSource: DataSource;
  const ids: Record<string, string> = {};

  const agency = async (code: string) =>
    (
      await dataSource.getRepository(Agency).save({
        code,
        name: code,
        shortName: code,
        type: 'county_department',
        docNumberPrefix: code,
        reconsiderationBodyName: '郯城县人民政府',
      })
    ).id;
  const user = async (username: string, agencyId: string) =>
    (
      await dataSource.getRepository(User).save({
        username,
        displayName: username,
        agencyId,
        roles: ['clerk'],
        passwordHash: 'x',
        passwordChangedAt: new Date(),
      })
    ).id;

  beforeAll(async () => {
    db = await openTestDataSource();
    dataSource = db.dataSource;
    ids.a = await agency('a');
    ids.b = await agency('b');
    ids.c = await agency('c');
    ids.userA = await user('in.a', ids.a);
    ids.userB = await user('in.b', ids.b);
    ids.userC = await user('in.c', ids.c);
  });
  afterAll(() => db.close());

  const person = (roles: Role[], agencyId: string | null = null) => ({ roles, agencyId: agencyId ?? ids.a });

  it.each<[string, Role[], 'all' | string[]]>([
    ['a clerk reads only their agency', ['clerk'], ['a']],
    ['a handler-approver too', ['handler', 'approver'], ['a']],
    ['a supervisor reads all agencies', ['supervisor'], 'all'],
    ['an admin reads all agencies', ['admin'], 'all'],
  ])('%s', (_label, roles, expected) => {
    const scope = AgencyScope.readableBy(person(roles));
    expect(scope.agencyIds).toEqual(expected === 'all' ? 'all' : expected.map((k) => ids[k]));
  });

  it('acts only for the own agency, whatever the role', () => {
    expect(AgencyScope.ownOf(person(['supervisor'])).agencyIds).toEqual([ids.a]);
    expect(() => AgencyScope.ownOf({ agencyId: null })).toThrow(DomainError);
  });

  it('finds a record of a covered agency', async () => {
    const found = await findInScopeOrFail(dataSource.manager, User, ids.userA, AgencyScope.only(ids.a), {
      what: '用户',
    });
    expect(found.username).toBe('in.a');
  });

  it('answers another agency’s record exactly like a missing one: 404 NOT_FOUND', async () => {
    const outside = findInScopeOrFail(dataSource.manager, User, ids.userB, AgencyScope.only(ids.a), {
      what: '用户',
    });
    await expect(outside).rejects.toMatchObject({ code: 'NOT_FOUND', detail: '用户不存在' });
    const missing = findInScopeOrFail(
      dataSource.manager,
      User,
      '6f1c2a10-0000-4000-8000-000000000000',
      AgencyScope.all(),
      {
        what: '用户',
      },
    );
    await expect(missing).rejects.toMatchObject({ code: 'NOT_FOUND', detail: '用户不存在' });
  });

  it('scopes on another column, e.g. an agency by its own id', async () => {
    const scope = AgencyScope.only(ids.a);
    await expect(
      findInScopeOrFail(dataSource.manager, Agency, ids.a, scope, { what: '机关', column: 'id' }),
    ).resolves.toMatchObject({ code: 'a' });
    await expect(
      findInScopeOrFail(dataSource.manager, Agency, ids.b, scope, { what: '机关', column: 'id' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('filters find-options queries', async () => {
    const repo = dataSource.getRepository(User);
    const names = async (scope: AgencyScope) =>
      (await repo.find({ where: scope.where<User>({ active: true }), order: { username: 'ASC' } })).map(
        (u) => u.username,
      );
    expect(await names(AgencyScope.only(ids.a))).toEqual(['in.a']);
    expect(await names(AgencyScope.only(ids.a, ids.c))).toEqual(['in.a', 'in.c']);
    expect(await names(AgencyScope.all())).toEqual(['in.a', 'in.b', 'in.c']);
    expect(() => AgencyScope.only(ids.a).where<User>({ agencyId: ids.b })).toThrow(/already constrains/);
  });

  it('filters query builders', async () => {
    const names = async (scope: AgencyScope) =>
      (
        await scope
          .applyTo(dataSource.getRepository(User).createQueryBuilder('u').orderBy('u.username'), 'u.agencyId')
          .getMany()
      ).map((u) => u.username);
    expect(await names(AgencyScope.only(ids.b, ids.c))).toEqual(['in.b', 'in.c']);
    expect(await names(AgencyScope.all())).toEqual(['in.a', 'in.b', 'in.c']);
  });
});
