import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ACCESS_TOKEN_COOKIE } from '../auth/access-policy.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AuthService } from '../auth/auth.service.js';
import type { AuthenticatedRequest } from '../auth/current-user.decorator.js';
import { ROLE_LABELS, type Role } from '../auth/role.js';
import { Clock } from '../common/clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ConsoleCsrf } from './console-csrf.js';
import { setFlash, takeFlash, type Flash } from './console-flash.js';
import { ConsoleViews } from './console-views.js';

export interface NavItem {
  readonly href: string;
  readonly label: string;
  readonly current: boolean;
}

/** The menu: what each role works on, in the order of their day. */
const NAV: ReadonlyArray<{ href: string; label: string; roles: readonly Role[] }> = [
  { href: '/register', label: '登记申请', roles: ['clerk'] },
  { href: '/my-cases', label: '我的案件', roles: ['handler'] },
  { href: '/review', label: '待审批', roles: ['approver'] },
  { href: '/case-list', label: '案件查询', roles: ['clerk', 'handler', 'approver', 'supervisor', 'admin'] },
  { href: '/supervision', label: '督查与年报', roles: ['supervisor', 'approver'] },
  { href: '/admin/agencies', label: '机关', roles: ['admin'] },
  { href: '/admin/users', label: '用户', roles: ['admin'] },
  { href: '/admin/calendar', label: '节假日', roles: ['admin'] },
];

/** Where "/" leads each user: their first menu item. */
export function homePathOf(user: Pick<AuthUser, 'roles'>): string {
  const own = NAV.find((n) => n.href !== '/case-list' && n.roles.some((r) => user.roles.includes(r)));
  return own?.href ?? '/case-list';
}

export interface PageOptions {
  readonly title: string;
  readonly status?: number;
  /** The menu item to mark as current (default: the request path's first segment). */
  readonly section?: string;
  readonly layout?: 'main' | 'bare';
}

/**
 * Renders a console page with what every page needs: the signed-in user and menu, the CSRF token for
 * its forms, a message carried over a redirect, and when the access token expires (console.js
 * refreshes it before then). Pages carry personal data: never cached.
 */
@Injectable()
export class ConsolePages {
  constructor(
    private readonly views: ConsoleViews,
    private readonly csrf: ConsoleCsrf,
    private readonly auth: AuthService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(request: Request, response: Response, view: string, model: object, options: PageOptions) {
    const html = await this.html(request, response, view, model, options);
    response
      .status(options.status ?? 200)
      .type('html')
      .setHeader('Cache-Control', 'no-store');
    response.send(html);
  }

  async html(request: Request, response: Response, view: string, model: object, options: PageOptions) {
    const user = (request as AuthenticatedRequest).user;
    const [me, unread] = user ? await Promise.all([this.auth.me(user), this.unread(user)]) : [null, 0];
    const section = options.section ?? `/${request.path.split('/')[1] ?? ''}`;
    const nav: NavItem[] = user
      ? NAV.filter((n) => n.roles.some((r) => user.roles.includes(r))).map((n) => ({
          href: n.href,
          label: n.label,
          current: n.href === section || n.href.startsWith(`${section}/`),
        }))
      : [];
    return this.views.render(
      view,
      {
        ...model,
        page: {
          title: options.title,
          section,
          csrfToken: await this.csrf.tokenFor(request, response),
          flash: takeFlash(request, response),
          accessTtl: accessTtlOf(request, this.clock.now()),
          accessLifetime: this.config.authAccessTokenMinutes * 60,
          nav,
          user: me && {
            displayName: me.displayName,
            agencyName: me.agencyName,
            roleLabels: me.roles.map((r) => ROLE_LABELS[r]).join('、'),
            mustChangePassword: me.mustChangePassword,
            unread,
          },
        },
      },
      options.layout ?? 'main',
    );
  }

  /** The bell's count; a user who must change their password sees only the password page. */
  private async unread(user: AuthUser): Promise<number> {
    return user.mustChangePassword ? 0 : this.notifications.unreadCount(user);
  }

  /** An htmx fragment (no layout). */
  async fragment(response: Response, view: string, model: object): Promise<void> {
    const html = await this.views.render(view, model, false);
    response.status(200).type('html').setHeader('Cache-Control', 'no-store');
    response.send(html);
  }

  /** Post/redirect/get: 303 to the page, with a message for it. */
  redirect(response: Response, to: string, flash?: Flash): void {
    if (flash && flash.messages.length > 0) setFlash(response, flash, this.config.authCookieSecure);
    response.redirect(303, to);
  }
}

/**
 * Seconds the access token (the cookie the AuthGuard verified) has left, by the server's clock: the
 * browser counts down from it with its own clock, so a PC whose clock is wrong still refreshes in time.
 */
function accessTtlOf(request: Request, now: Date): number | null {
  const token = (request as { cookies?: Record<string, unknown> }).cookies?.[ACCESS_TOKEN_COOKIE];
  if (typeof token !== 'string') return null;
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof payload.exp === 'number'
      ? Math.max(0, Math.floor(payload.exp - now.getTime() / 1000))
      : null;
  } catch {
    return null;
  }
}
