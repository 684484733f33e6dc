import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Clock } from '../common/clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AllowPendingPasswordChange, Public, SignedIn } from './access-policy.decorators.js';
import { clearSessionCookies, deliverSession, refreshTokenOf } from './auth-cookies.js';
import type { AuthUser, ClientInfo } from './auth-user.js';
import { AuthService } from './auth.service.js';
import { Client, CurrentUser } from './current-user.decorator.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { MeDto } from './dto/me.dto.js';
import { RefreshDto } from './dto/refresh.dto.js';
import { SessionTokensDto } from './dto/session-tokens.dto.js';
import { SignInDto } from './dto/sign-in.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  // Public: this is how one becomes authenticated. Throttled per account and per address.
  @Public()
  @Post('sign-in')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with username and password' })
  @ApiOkResponse({ type: SessionTokensDto })
  @ApiUnauthorizedResponse({
    description: 'INVALID_CREDENTIALS (unknown user, wrong password or deactivated)',
  })
  @ApiTooManyRequestsResponse({ description: 'SIGN_IN_THROTTLED, with retryAfterSeconds' })
  async signIn(
    @Body() dto: SignInDto,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionTokensDto> {
    const result = await this.auth.signIn(dto, client);
    return deliverSession(response, result, dto.transport ?? 'bearer', this.config, this.clock.now());
  }

  // Public: the refresh token authenticates itself (the access token has usually expired by then).
  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token (body or gip_refresh cookie) for new tokens; single use',
  })
  @ApiOkResponse({ type: SessionTokensDto })
  @ApiUnauthorizedResponse({ description: 'REFRESH_TOKEN_INVALID (unknown, used, revoked or expired)' })
  async refresh(
    @Body() dto: RefreshDto,
    @Req() request: Request,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionTokensDto> {
    const { token, transport } = refreshTokenOf(request, dto.refreshToken, dto.transport);
    const result = await this.auth.refresh(token, client);
    return deliverSession(response, result, transport, this.config, this.clock.now());
  }

  @SignedIn()
  @AllowPendingPasswordChange()
  @Post('sign-out')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this sign-in: its access and refresh tokens stop working at once' })
  @ApiNoContentResponse()
  async signOut(
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.signOut(user);
    clearSessionCookies(response, this.config);
  }

  @SignedIn()
  @AllowPendingPasswordChange()
  @Get('me')
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return this.auth.me(user);
  }

  @SignedIn()
  @AllowPendingPasswordChange()
  @Post('password')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change one’s own password; ends every other sign-in of the user and returns a new session',
  })
  @ApiOkResponse({ type: SessionTokensDto })
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangePasswordDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionTokensDto> {
    const result = await this.auth.changePassword(user, dto);
    const transport = dto.transport ?? (user.authenticatedBy === 'cookie' ? 'cookie' : 'bearer');
    return deliverSession(response, result, transport, this.config, this.clock.now());
  }
}
