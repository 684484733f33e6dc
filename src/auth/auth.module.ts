import { Module, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { AgencyUsageRegistry } from '../agencies/agency-usage.registry.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { JwtKeyStore } from './jwt-key.store.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionService } from './session.service.js';
import { SignInThrottleService } from './sign-in-throttle.service.js';
import { TokenService } from './token.service.js';
import { User } from './user.entity.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

/** Users, passwords, sign-in sessions and the global guard that authorises every route. */
@Module({
  imports: [AuditModule, AgenciesModule],
  controllers: [AuthController, UsersController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    AuthService,
    UsersService,
    PasswordHasher,
    SessionService,
    SignInThrottleService,
    TokenService,
    JwtKeyStore,
  ],
  // The web console signs in and out through AuthService and derives its CSRF key from the JWT key.
  exports: [UsersService, PasswordHasher, AuthService, JwtKeyStore],
})
export class AuthModule implements OnModuleInit {
  constructor(private readonly agencyUsage: AgencyUsageRegistry) {}

  onModuleInit(): void {
    this.agencyUsage.register({ label: '用户', isUsed: (m, agencyId) => m.existsBy(User, { agencyId }) });
  }
}
