import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ArrayContains, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import type { AuditActor } from '../audit/audit-actor.js';
import { AuditService } from '../audit/audit.service.js';
import { fieldChanges } from '../audit/field-changes.js';
import { Clock } from '../common/clock/clock.js';
import { DomainError, type FieldError } from '../common/errors/domain-error.js';
import { AgencyScope, findInScopeOrFail } from './agency-scope.js';
import { actorOf, type AuthUser } from './auth-user.js';
import type { CreateUserDto } from './dto/create-user.dto.js';
import type { ListUsersQuery } from './dto/list-users.query.js';
import type { ResetPasswordDto } from './dto/reset-password.dto.js';
import type { UpdateUserDto } from './dto/update-user.dto.js';
import type { UserDto, UserWithPasswordDto } from './dto/user.dto.js';
import { generateTemporaryPassword, PasswordHasher } from './password-hasher.js';
import { passwordProblems } from './password-policy.rules.js';
import type { Role } from './role.js';
import { SessionService } from './session.service.js';
import { SignInThrottleService } from './sign-in-throttle.service.js';
import { toUserDto } from './user.mappers.js';
import { User } from './user.entity.js';
import { normaliseUsername, roleAssignmentProblems, USERNAME_PATTERN } from './user.rules.js';

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly agencyId: string | null;
  readonly roles: readonly Role[];
  /** Omitted: generated and returned once. */
  readonly temporaryPassword?: string;
}

/** Admin management of users. Read through AgencyScope like any agency-owned data. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottleService,
    private readonly audit: AuditService,
  ) {}

  async list(admin: AuthUser, query: ListUsersQuery): Promise<UserDto[]> {
    const where: FindOptionsWhere<User> = {};
    if (query.role) where.roles = ArrayContains([query.role]);
    if (query.active !== undefined) where.active = query.active;
    const scope = AgencyScope.readableBy(admin);
    if (query.agencyId) {
      if (!scope.covers(query.agencyId)) return [];
      where.agencyId = query.agencyId;
    }
    const users = await this.dataSource.getRepository(User).find({
      where: query.agencyId ? where : scope.where(where),
      relations: { agency: true },
      order: { username: 'ASC' },
    });
    return users.map(toUserDto);
  }

  async get(admin: AuthUser, id: string): Promise<UserDto> {
    const user = await findInScopeOrFail(this.dataSource.manager, User, id, AgencyScope.readableBy(admin), {
      what: '用户',
      relations: { agency: true },
    });
    return toUserDto(user);
  }

  create(admin: AuthUser, dto: CreateUserDto): Promise<UserWithPasswordDto> {
    return this.createUser({ ...dto, agencyId: dto.agencyId ?? null }, actorOf(admin, admin.client));
  }

  /** Also used by `npm run user:create` (with the CLI as actor). */
  async createUser(input: NewUser, actor: AuditActor): Promise<UserWithPasswordDto> {
    const username = normaliseUsername(input.username);
    const roles = [...new Set(input.roles)];
    const problems: FieldError[] = [];
    if (!USERNAME_PATTERN.test(username)) {
      problems.push({ field: 'username', message: '只能包含字母、数字、点、下划线、连字符，2–40 个字符' });
    }
    const generated = input.temporaryPassword === undefined ? generateTemporaryPassword() : undefined;
    const password = input.temporaryPassword ?? (generated as string);
    for (const message of passwordProblems(password, { username })) {
      problems.push({ field: 'temporaryPassword', message });
    }
    const passwordHash = problems.length === 0 ? await this.hasher.hash(password) : '';
    return this.dataSource.transaction(async (m) => {
      const agency = await this.agencyFacts(m, input.agencyId, problems);
      problems.push(...roleAssignmentProblems(roles, agency, { agencyChanged: true }));
      if (problems.length > 0) throw DomainError.validation(problems);
      if (await m.existsBy(User, { username })) {
        throw new DomainError('USERNAME_TAKEN', `用户名 ${username} 已被使用。`);
      }
      const user = await m.save(
        m.create(User, {
          username,
          displayName: input.displayName.trim(),
          agencyId: input.agencyId,
          roles,
          active: true,
          passwordHash,
          mustChangePassword: true,
          passwordChangedAt: this.clock.now(),
        }),
      );
      await this.audit.append(m, {
        type: 'user.created',
        actor,
        subject: { type: 'user', id: user.id },
        agencyId: user.agencyId,
        details: { username, roles, agencyId: user.agencyId },
      });
      user.agency = agency ? await m.findOneByOrFail(Agency, { id: agency.id }) : null;
      return { user: toUserDto(user), ...(generated ? { temporaryPassword: generated } : {}) };
    });
  }

  async update(admin: AuthUser, id: string, dto: UpdateUserDto): Promise<UserDto> {
    return this.dataSource.transaction(async (m) => {
      const user = await findInScopeOrFail(m, User, id, AgencyScope.readableBy(admin), {
        what: '用户',
        lock: 'pessimistic_write',
      });
      if (user.version !== dto.version) {
        throw new DomainError('STALE_VERSION', '该用户已被他人修改，请刷新后重试。');
      }
      const next = {
        displayName: dto.displayName?.trim() ?? user.displayName,
        agencyId: dto.agencyId === undefined ? user.agencyId : dto.agencyId,
        roles: dto.roles ? [...new Set(dto.roles)] : user.roles,
        active: dto.active ?? user.active,
      };
      const agencyChanged = next.agencyId !== user.agencyId;
      const problems: FieldError[] = [];
      const agency = await this.agencyFacts(m, next.agencyId, problems);
      problems.push(...roleAssignmentProblems(next.roles, agency, { agencyChanged }));
      if (problems.length > 0) throw DomainError.validation(problems);
      const wasAdmin = user.active && user.roles.includes('admin');
      if (wasAdmin && !(next.active && next.roles.includes('admin')))
        await this.assertAnotherAdmin(m, user.id);

      const changes = fieldChanges(user, { ...user, ...next }, [
        'displayName',
        'agencyId',
        'roles',
        'active',
      ]);
      Object.assign(user, next);
      const saved = await m.save(user);
      let revokedSessions = 0;
      if (changes.active && !next.active)
        revokedSessions = await this.sessions.revokeAllOfUser(m, id, 'user_deactivated');
      if (Object.keys(changes).length > 0) {
        await this.audit.append(m, {
          type: 'user.updated',
          actor: actorOf(admin, admin.client),
          subject: { type: 'user', id },
          agencyId: next.agencyId,
          details: { changes, revokedSessions },
        });
      }
      saved.agency = next.agencyId ? await m.findOneByOrFail(Agency, { id: next.agencyId }) : null;
      return toUserDto(saved);
    });
  }

  /** Sets a one-time password, ends the user's sign-ins and lifts an account lock. */
  async resetPassword(admin: AuthUser, id: string, dto: ResetPasswordDto): Promise<UserWithPasswordDto> {
    const target = await findInScopeOrFail(this.dataSource.manager, User, id, AgencyScope.readableBy(admin), {
      what: '用户',
    });
    const generated = dto.temporaryPassword === undefined ? generateTemporaryPassword() : undefined;
    const password = dto.temporaryPassword ?? (generated as string);
    const problems = passwordProblems(password, { username: target.username });
    if (problems.length > 0) {
      throw DomainError.validation(problems.map((message) => ({ field: 'temporaryPassword', message })));
    }
    const passwordHash = await this.hasher.hash(password);
    return this.dataSource.transaction(async (m) => {
      await m.update(
        User,
        { id },
        { passwordHash, mustChangePassword: true, passwordChangedAt: this.clock.now() },
      );
      const revokedSessions = await this.sessions.revokeAllOfUser(m, id, 'password_reset');
      await this.throttle.clearAccount(m, target.username);
      await this.audit.append(m, {
        type: 'user.password.reset',
        actor: actorOf(admin, admin.client),
        subject: { type: 'user', id },
        agencyId: target.agencyId,
        details: { revokedSessions },
      });
      const user = await m.findOneOrFail(User, { where: { id }, relations: { agency: true } });
      return { user: toUserDto(user), ...(generated ? { temporaryPassword: generated } : {}) };
    });
  }

  private async agencyFacts(m: EntityManager, agencyId: string | null, problems: FieldError[]) {
    if (agencyId === null) return null;
    const agency = await m.findOneBy(Agency, { id: agencyId });
    if (!agency) problems.push({ field: 'agencyId', message: '机关不存在' });
    return agency;
  }

  /** Someone must still be able to administer the installation. */
  private async assertAnotherAdmin(m: EntityManager, exceptUserId: string): Promise<void> {
    // Locked: two admins demoting each other at once must not both succeed.
    const admins = await m
      .createQueryBuilder(User, 'u')
      .select('u.id')
      .setLock('pessimistic_write')
      .where(`u.active AND 'admin' = ANY(u.roles) AND u.id <> :id`, { id: exceptUserId })
      .getMany();
    if (admins.length === 0) {
      throw new DomainError('LAST_ADMIN', '这是最后一个可用的管理员，不能停用或取消其管理员角色。');
    }
  }
}
