import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowPendingPasswordChange, Public, SignedIn } from '../auth/access-policy.decorators.js';
import { clearSessionCookies, deliverSession } from '../auth/auth-cookies.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AuthService } from '../auth/auth.service.js';
import { clientInfoOf, CurrentUser } from '../auth/current-user.decorator.js';
import { ChangePasswordDto } from '../auth/dto/change-password.dto.js';
import { SignInDto } from '../auth/dto/sign-in.dto.js';
import { Clock } from '../common/clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ConsoleCsrfGuard } from './console-csrf.js';
import { attempt } from './console-outcome.js';
import { homePathOf, ConsolePages } from './console-pages.js';
import { safeNextPath } from './console-paths.js';
import { errorMap, text, validateForm, type FormBody } from './forms/form-values.js';

/** Signing in and out, the forced password change, and "/" (each role's first page). */
@ApiExcludeController()
@UseGuards(ConsoleCsrfGuard)
@Controller()
export class ConsoleSessionController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @SignedIn()
  @Get()
  home(@CurrentUser() user: AuthUser, @Res() res: Response): void {
    res.redirect(303, homePathOf(user));
  }

  // Public: the page where one signs in.
  @Public()
  @Get('sign-in')
  signInPage(
    @Req() req: Request,
    @Res() res: Response,
    @Query('next') next?: string,
    @Query('expired') expired?: string,
  ): Promise<void> {
    return this.signInForm(req, res, { next: safeNextPath(next), expired: expired === '1' });
  }

  // Public: signing in (throttled by AuthService per account and address; CSRF-checked like every form).
  @Public()
  @Post('sign-in')
  async signIn(@Req() req: Request, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    const next = safeNextPath(body.next);
    const values = { username: text(body, 'username') ?? '' };
    const form = await validateForm(SignInDto, { username: values.username, password: body.password ?? '' });
    if (!form.ok) return this.signInForm(req, res, { next, values, message: '请输入用户名和密码。' }, 400);
    const result = await attempt(() => this.auth.signIn(form.dto, clientInfoOf(req)));
    if (!result.ok)
      return this.signInForm(req, res, { next, values, message: result.message }, result.status);
    deliverSession(res, result.value, 'cookie', this.config, this.clock.now());
    res.redirect(
      303,
      result.value.user.mustChangePassword
        ? '/password'
        : next === '/'
          ? homePathOf(result.value.user)
          : next,
    );
  }

  @SignedIn()
  @AllowPendingPasswordChange()
  @Post('sign-out')
  async signOut(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    await this.auth.signOut(user);
    clearSessionCookies(res, this.config);
    this.pages.redirect(res, '/sign-in', { kind: 'info', messages: ['您已退出登录。'] });
  }

  @SignedIn()
  @AllowPendingPasswordChange()
  @Get('password')
  passwordPage(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.passwordForm(req, res, user, {});
  }

  @SignedIn()
  @AllowPendingPasswordChange()
  @Post('password')
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: FormBody,
  ): Promise<void> {
    const plain = { currentPassword: body.currentPassword ?? '', newPassword: body.newPassword ?? '' };
    if (plain.newPassword !== (body.newPasswordAgain ?? '')) {
      return this.passwordForm(
        req,
        res,
        user,
        { errors: { newPasswordAgain: '两次输入的新密码不一致' } },
        400,
      );
    }
    const form = await validateForm(ChangePasswordDto, plain);
    if (!form.ok) return this.passwordForm(req, res, user, { errors: errorMap(form.errors) }, 400);
    const result = await attempt(() => this.auth.changePassword(user, form.dto));
    if (!result.ok) {
      return this.passwordForm(
        req,
        res,
        user,
        { message: result.message, errors: errorMap(result.errors) },
        result.status,
      );
    }
    deliverSession(res, result.value, 'cookie', this.config, this.clock.now());
    this.pages.redirect(res, homePathOf(user), {
      kind: 'success',
      messages: ['密码已修改。其他设备上的登录已全部退出。'],
    });
  }

  private signInForm(
    req: Request,
    res: Response,
    model: { next: string; expired?: boolean; values?: object; message?: string },
    status = 200,
  ): Promise<void> {
    return this.pages.send(
      req,
      res,
      'sign-in',
      { values: {}, ...model },
      { title: '登录', layout: 'bare', status },
    );
  }

  private passwordForm(
    req: Request,
    res: Response,
    user: AuthUser,
    model: { message?: string; errors?: Record<string, string> },
    status = 200,
  ): Promise<void> {
    return this.pages.send(
      req,
      res,
      'password',
      { errors: {}, ...model, forced: user.mustChangePassword },
      { title: '修改密码', status, layout: user.mustChangePassword ? 'bare' : 'main' },
    );
  }
}
