/**
 * THE ACCESS MATRIX: one row per route of the app, declaring the HTTP status every actor gets.
 * test/e2e/access-matrix.e2e-spec.ts enumerates every route the app registers and fails when one has
 * no row here (or a row names a route that no longer exists), then plays every cell.
 *
 * Adding a module? Add one row per route:
 *   - `route`: `METHOD /path` exactly as registered (`:param` placeholders included);
 *   - `request`: builds the concrete request for a context (which actor, whose agency). Use the
 *     fixtures to create throwaway records for anything the request changes or deletes;
 *   - `expect`: the status per actor, the same for both agencies or `{ own, other }`. Use `only()`
 *     for role-restricted routes, `signedIn()` for any signed-in user, `anyone()` for public ones.
 *
 * "own"/"other": the record the request touches belongs to the actor's own agency or to another one.
 * Agency-scoped records must answer 404 (never 403) for `other` unless the role reads across agencies
 * (supervisor, admin), e.g. a case: `only({ clerk: { own: 200, other: 404 }, …, supervisor: 200 })`.
 */
import fs from 'node:fs';
import { registration, type Given, type GivenState } from '../support/cases.js';
import type { Role } from '../../src/auth/role.js';
import { DEMO_PASSWORD } from '../support/auth.js';

export type Actor = 'anonymous' | Role;
/**
 * `SIGN_IN`: a console page sends a signed-out user to the sign-in page (303 to /sign-in?next=…)
 * instead of answering 401; the test checks the status and where it leads.
 */
export const SIGN_IN = 'sign-in' as const;
export type Cell = number | typeof SIGN_IN | { readonly own: number; readonly other: number };

export interface MatrixFixtures {
  /** The county government's id (a valid parent for new departments). */
  readonly countyGovernmentId: string;
  /** A fresh county department, nothing refers to it. */
  newAgency(): Promise<{ id: string; version: number }>;
  /** A fresh clerk in this agency. */
  newUser(agencyId: string): Promise<{ id: string; version: number }>;
  /** An existing demo clerk of this agency. */
  clerkOf(agencyId: string): Promise<{ id: string }>;
  /** A refresh token of a fresh sign-in (of a bystander, not the actor). */
  freshRefreshToken(): Promise<string>;
  unique(prefix: string): string;
  /** A concluded case of the agency with one remedy record on it. */
  remedyIn(agencyId: string): Promise<{ caseId: string; remedyId: string; version: number }>;
  /** Cases in a given state (test/support/cases.ts). */
  readonly given: Given;
}

export interface MatrixContext {
  readonly actor: Actor;
  readonly target: 'own' | 'other';
  /** The agency the touched record belongs to: the actor's own, or another. */
  readonly agencyId: string;
  readonly fixtures: MatrixFixtures;
}

export interface MatrixRequest {
  readonly path: string;
  readonly body?: object;
  /** Use a fresh sign-in of the actor instead of the shared one (for sign-out, which ends it). */
  readonly freshSession?: boolean;
}

export interface MatrixRow {
  readonly route: string;
  /** The policy in words (README "Access policy" lists the same). */
  readonly policy: string;
  /** Default: the route's path as is (no parameters, no body). */
  readonly request?: (ctx: MatrixContext) => MatrixRequest | Promise<MatrixRequest>;
  readonly expect: Readonly<Record<Actor, Cell>>;
}

const ROLE_LIST: readonly Role[] = ['clerk', 'handler', 'approver', 'supervisor', 'admin'];

/** Public: everyone, signed in or not, gets `status`. */
export function anyone(status: number): Record<Actor, Cell> {
  return { anonymous: status, ...Object.fromEntries(ROLE_LIST.map((r) => [r, status])) } as Record<
    Actor,
    Cell
  >;
}

/** Any signed-in user gets `cell`; anonymous 401. */
export function signedIn(cell: Cell): Record<Actor, Cell> {
  return { ...anyone(401), ...Object.fromEntries(ROLE_LIST.map((r) => [r, cell])) } as Record<Actor, Cell>;
}

/** The listed roles get their cell; other roles 403; anonymous 401. */
export function only(allowed: Partial<Record<Role, Cell>>): Record<Actor, Cell> {
  return {
    anonymous: 401,
    ...Object.fromEntries(ROLE_LIST.map((r) => [r, allowed[r] ?? 403])),
  } as Record<Actor, Cell>;
}

/** A console page: like only()/signedIn(), but a signed-out user is sent to the sign-in page. */
export function page(cells: Record<Actor, Cell>): Record<Actor, Cell> {
  return { ...cells, anonymous: SIGN_IN };
}

const docs = (path: string): MatrixRow => ({
  route: `GET ${path}`,
  policy: 'public (API documentation)',
  expect: anyone(200),
});

export const ACCESS_MATRIX: readonly MatrixRow[] = [
  // ── health and API docs: public, outside the guard's concerns ──
  { route: 'GET /health', policy: 'public (load balancers)', expect: anyone(200) },
  { route: 'GET /health/ready', policy: 'public (load balancers)', expect: anyone(200) },
  docs('/api/docs'),
  docs('/api/docs/index.html'),
  docs('/api/docs/swagger-ui-init.js'),
  docs('/api/docs/docs/swagger-ui-init.js'),
  // Registered by Swagger UI, which ships no LICENSE file here: 404 for everyone, and no guard involved.
  { route: 'GET /api/docs/LICENSE', policy: 'public (API documentation)', expect: anyone(404) },
  docs('/api/docs-json'),
  docs('/api/docs-yaml'),

  // ── auth ──
  {
    route: 'POST /api/v1/auth/sign-in',
    policy: 'public (how one signs in; throttled)',
    request: () => ({
      path: '/api/v1/auth/sign-in',
      body: { username: 'jtj.clerk', password: DEMO_PASSWORD },
    }),
    expect: anyone(200),
  },
  {
    route: 'POST /api/v1/auth/refresh',
    policy: 'public (the refresh token authenticates itself)',
    request: async ({ fixtures }) => ({
      path: '/api/v1/auth/refresh',
      body: { refreshToken: await fixtures.freshRefreshToken() },
    }),
    expect: anyone(200),
  },
  {
    route: 'POST /api/v1/auth/sign-out',
    policy: 'any signed-in user (own session), also before the initial password is changed',
    request: () => ({ path: '/api/v1/auth/sign-out', freshSession: true }),
    expect: signedIn(204),
  },
  {
    route: 'GET /api/v1/auth/me',
    policy: 'any signed-in user (own profile), also before the initial password is changed',
    expect: signedIn(200),
  },
  {
    route: 'POST /api/v1/auth/password',
    policy: 'any signed-in user (own password), also before the initial password is changed',
    // Reuses the current password: refused by the policy (400), which proves access without changing it.
    request: () => ({
      path: '/api/v1/auth/password',
      body: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD },
    }),
    expect: signedIn(400),
  },

  // ── agencies: a public directory for signed-in users; changes by admins ──
  { route: 'GET /api/v1/agencies', policy: 'any signed-in user (all agencies)', expect: signedIn(200) },
  {
    route: 'GET /api/v1/agencies/:id',
    policy: 'any signed-in user (any agency: the directory is public information)',
    request: ({ agencyId }) => ({ path: `/api/v1/agencies/${agencyId}` }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/v1/agencies/remedy-default',
    policy: 'admin',
    request: ({ fixtures }) => ({
      path: `/api/v1/agencies/remedy-default?type=county_department&parentId=${fixtures.countyGovernmentId}`,
    }),
    expect: only({ admin: 200 }),
  },
  {
    route: 'POST /api/v1/agencies',
    policy: 'admin',
    request: ({ fixtures }) => ({
      path: '/api/v1/agencies',
      body: {
        code: fixtures.unique('m'),
        name: fixtures.unique('矩阵测试局'),
        shortName: '测试局',
        type: 'county_department',
        parentId: fixtures.countyGovernmentId,
        docNumberPrefix: '测信复',
      },
    }),
    expect: only({ admin: 201 }),
  },
  {
    route: 'PATCH /api/v1/agencies/:id',
    policy: 'admin',
    request: async ({ fixtures }) => {
      const agency = await fixtures.newAgency();
      return {
        path: `/api/v1/agencies/${agency.id}`,
        body: { version: agency.version, officePhone: '0539-1' },
      };
    },
    expect: only({ admin: 200 }),
  },
  {
    route: 'DELETE /api/v1/agencies/:id',
    policy: 'admin (409 once the agency is in use)',
    request: async ({ fixtures }) => ({ path: `/api/v1/agencies/${(await fixtures.newAgency()).id}` }),
    expect: only({ admin: 204 }),
  },

  // ── users: admins, across agencies ──
  { route: 'GET /api/v1/users', policy: 'admin (all agencies)', expect: only({ admin: 200 }) },
  {
    route: 'GET /api/v1/users/:id',
    policy: 'admin (all agencies)',
    request: async ({ agencyId, fixtures }) => ({
      path: `/api/v1/users/${(await fixtures.clerkOf(agencyId)).id}`,
    }),
    expect: only({ admin: 200 }),
  },
  {
    route: 'POST /api/v1/users',
    policy: 'admin (any agency)',
    request: ({ agencyId, fixtures }) => ({
      path: '/api/v1/users',
      body: { username: fixtures.unique('m'), displayName: '矩阵', agencyId, roles: ['clerk'] },
    }),
    expect: only({ admin: 201 }),
  },
  {
    route: 'PATCH /api/v1/users/:id',
    policy: 'admin (any agency)',
    request: async ({ agencyId, fixtures }) => {
      const user = await fixtures.newUser(agencyId);
      return { path: `/api/v1/users/${user.id}`, body: { version: user.version, displayName: '改名' } };
    },
    expect: only({ admin: 200 }),
  },
  {
    route: 'POST /api/v1/users/:id/password-reset',
    policy: 'admin (any agency)',
    request: async ({ agencyId, fixtures }) => ({
      path: `/api/v1/users/${(await fixtures.newUser(agencyId)).id}/password-reset`,
    }),
    expect: only({ admin: 200 }),
  },

  // ── audit: admins ──
  { route: 'GET /api/v1/audit/events', policy: 'admin', expect: only({ admin: 200 }) },
  { route: 'GET /api/v1/audit/verification', policy: 'admin', expect: only({ admin: 200 }) },

  // ── calendar: the State Council's schedules are public information; changing them is for admins ──
  {
    route: 'GET /api/v1/calendar/years',
    policy: 'any signed-in user',
    expect: signedIn(200),
  },
  {
    route: 'GET /api/v1/calendar/years/:year',
    policy: 'any signed-in user',
    request: () => ({ path: '/api/v1/calendar/years/2026' }),
    expect: signedIn(200),
  },
  {
    route: 'PUT /api/v1/calendar/years/:year',
    policy: 'admin (dry run shown: it changes nothing)',
    request: () => ({
      path: '/api/v1/calendar/years/2026?dryRun=true',
      body: JSON.parse(fs.readFileSync('seeds/data/holidays/2026.json', 'utf8')) as object,
    }),
    expect: only({ admin: 200 }),
  },
  {
    route: 'GET /api/v1/calendar/working-days/add',
    policy: 'any signed-in user',
    request: () => ({ path: '/api/v1/calendar/working-days/add?from=2026-02-12&days=20' }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/v1/calendar/working-days/between',
    policy: 'any signed-in user',
    request: () => ({ path: '/api/v1/calendar/working-days/between?from=2026-02-12&to=2026-03-18' }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/v1/calendar/calendar-days/add',
    policy: 'any signed-in user',
    request: () => ({ path: '/api/v1/calendar/calendar-days/add?from=2026-08-02&days=60' }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/v1/calendar/months/add',
    policy: 'any signed-in user',
    request: () => ({ path: '/api/v1/calendar/months/add?from=2026-03-31&months=6' }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/v1/calendar/days/:date',
    policy: 'any signed-in user',
    request: () => ({ path: '/api/v1/calendar/days/2026-02-14' }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/v1/calendar/agencies/:agencyId/local-days',
    policy: 'any signed-in user (which days an office is closed is not confidential)',
    request: ({ agencyId }) => ({ path: `/api/v1/calendar/agencies/${agencyId}/local-days` }),
    expect: signedIn(200),
  },
  {
    route: 'PUT /api/v1/calendar/agencies/:agencyId/local-days/:date',
    policy: 'admin',
    request: ({ agencyId }) => ({
      path: `/api/v1/calendar/agencies/${agencyId}/local-days/2031-03-03`,
      body: { name: '矩阵测试放假' },
    }),
    expect: only({ admin: 200 }),
  },
  {
    route: 'DELETE /api/v1/calendar/agencies/:agencyId/local-days/:date',
    policy: 'admin (404 shown: no such local day)',
    request: ({ agencyId }) => ({ path: `/api/v1/calendar/agencies/${agencyId}/local-days/2031-12-31` }),
    expect: only({ admin: 404 }),
  },

  // ── cases: own agency only (404 for another's); supervisors and admins read across agencies, never act ──
  {
    route: 'POST /api/v1/cases',
    policy: 'clerk (registers in their own agency)',
    request: () => ({ path: '/api/v1/cases', body: registration() }),
    expect: only({ clerk: 201 }),
  },
  { route: 'GET /api/v1/cases', policy: 'any signed-in user (AgencyScope)', expect: signedIn(200) },
  caseRead('GET /api/v1/cases/:id', ''),
  caseRead('GET /api/v1/cases/:id/events', '/events'),
  caseRead('GET /api/v1/cases/:id/clock', '/clock'),
  caseStep('assign', { clerk: 'registered', approver: 'registered' }, async ({ fixtures, agencyId }) => ({
    handlerId: (await fixtures.given.user(agencyId, 'handler')).id,
  })),
  caseStep('correction-request', { clerk: 'registered', handler: 'investigating' }, () => ({
    noticeSentOn: TODAY,
    items: ['请写明所需信息的年份'],
    periodEndsOn: '2026-12-11',
    means: '当面告知',
  })),
  caseStep(
    'correction',
    { clerk: 'awaiting_correction', handler: ['awaiting_correction', { assigned: true }] },
    () => ({
      evidence: { channel: 'in_person', submittedOn: TODAY },
    }),
  ),
  caseStep('consultations', { handler: 'investigating' }, () => ({
    kind: 'third_party',
    partyName: '某公司',
    matter: '涉及商业秘密',
    dispatchedOn: TODAY,
  })),
  caseStep('consultations/receipt', { clerk: 'consulting', handler: 'consulting' }, (_ctx, c) => ({
    consultationId: c.consultationId,
    partyReceivedOn: TODAY,
  })),
  caseStep('consultations/reply', { clerk: 'consulting', handler: 'consulting' }, (_ctx, c) => ({
    consultationId: c.consultationId,
    repliedOn: TODAY,
    result: 'consent',
    summary: '同意公开',
  })),
  caseStep('fee-notice', { handler: 'investigating' }, () => ({
    sentOn: TODAY,
    method: 'per_page',
    pages: 120,
    justification: '数量明显超过合理范围',
    paymentInstructions: '窗口缴纳',
  })),
  caseStep('fee-notice/receipt', { clerk: 'awaiting_fee', handler: 'awaiting_fee' }, () => ({
    applicantReceivedOn: TODAY,
  })),
  caseStep('fee-payment', { clerk: 'awaiting_fee', handler: 'awaiting_fee' }, () => ({ paidOn: TODAY })),
  caseStep('extension-request', { handler: 'investigating' }, () => ({ days: 20, reason: '需调取档案' })),
  caseStep('extension-decision', { approver: 'extension_requested' }, () => ({
    approve: true,
    decidedOn: TODAY,
  })),
  caseStep('extension-notice', { clerk: 'extension_approved', handler: 'extension_approved' }, () => ({
    notifiedOn: TODAY,
    means: '当面送达延期答复告知书',
  })),
  caseStep('art35-period', { approver: 'investigating' }, () => ({
    dueOn: '2027-03-31',
    notifiedOn: TODAY,
    reason: '申请数量明显超过合理范围',
  })),
  caseStep('drafting', { handler: 'investigating' }),
  caseStep('draft', { handler: 'drafting' }, () => ({
    outcome: 'disclosed',
    detail: { accessInstructions: '随本答复书提供复印件' },
  })),
  caseStep('review-request', { handler: 'drafted' }),
  caseStep('return', { approver: 'in_review' }, () => ({ comment: '请补充检索说明' })),
  caseStep('approval', { approver: 'in_review' }),
  caseStep('reply', { clerk: 'approved', handler: 'approved', approver: 'approved' }, () => ({
    repliedOn: TODAY,
  })),
  caseStep('service', { clerk: 'issued', handler: 'issued' }, () => ({
    servedOn: TODAY,
    means: 'EMS',
    proof: 'EMS 1234567890123',
  })),
  caseStep('withdrawal', { clerk: 'registered', handler: 'investigating' }, () => ({
    withdrawnOn: TODAY,
    means: '申请人书面撤回',
  })),
  caseStep('archive', { clerk: 'served', handler: 'served' }),

  // ── a case's letters: read by the case's agency and by supervisors and admins; issued only by the
  //    agency's clerk, approver or the case's handler (reply letters come with POST …/reply) ──
  caseRead('GET /api/v1/cases/:id/letters', '/letters'),
  caseRead('GET /api/v1/cases/:id/letter-drafts/:type', '/letter-drafts/receipt'),
  caseRead('GET /api/v1/cases/:id/letter-drafts/:type/html', '/letter-drafts/receipt/html'),
  caseRead('GET /api/v1/cases/:id/letter-drafts/:type/pdf', '/letter-drafts/receipt/pdf'),
  letterRead('GET /api/v1/cases/:id/letters/:letterId', ''),
  letterRead('GET /api/v1/cases/:id/letters/:letterId/pdf', '/pdf'),
  {
    route: 'POST /api/v1/cases/:id/letters',
    policy: 'clerk, approver, and the handler of the case, of the case’s agency',
    request: async ({ fixtures, agencyId }) => ({
      path: `/api/v1/cases/${(await fixtures.given.caseIn(agencyId, 'investigating')).id}/letters`,
      body: { type: 'receipt' },
    }),
    expect: only({
      clerk: { own: 201, other: 404 },
      handler: { own: 201, other: 404 },
      approver: { own: 201, other: 404 },
    }),
  },
  {
    route: 'POST /api/v1/cases/:id/letters/:letterId/corrections',
    policy:
      'clerk, approver, and the handler of the case (a reply letter: approver only), of the case’s agency',
    request: async ({ fixtures, agencyId }) => {
      const { caseId, letter } = await fixtures.given.letterIn(agencyId);
      return {
        path: `/api/v1/cases/${caseId}/letters/${letter.id}/corrections`,
        body: { reason: '更正申请人姓名' },
      };
    },
    expect: only({
      clerk: { own: 201, other: 404 },
      handler: { own: 201, other: 404 },
      approver: { own: 201, other: 404 },
    }),
  },

  // ── web console (HTML pages outside /api/v1): the same policies; signed-out users go to sign-in ──
  {
    route: 'GET /',
    policy: 'any signed-in user (redirected to their first page)',
    expect: page(signedIn(303)),
  },
  { route: 'GET /sign-in', policy: 'public (the sign-in page)', expect: anyone(200) },
  {
    route: 'POST /sign-in',
    policy: 'public (signing in); its form needs the CSRF token, which a bare request lacks (403)',
    request: () => ({ path: '/sign-in', body: { username: 'jtj.clerk', password: DEMO_PASSWORD } }),
    // Signed-in actors call with a bearer header, which CSRF does not apply to (no ambient credential).
    expect: { ...anyone(303), anonymous: 403 },
  },
  {
    route: 'POST /sign-out',
    policy: 'any signed-in user (own session)',
    request: () => ({ path: '/sign-out', freshSession: true }),
    expect: page(signedIn(303)),
  },
  { route: 'GET /password', policy: 'any signed-in user (own password)', expect: page(signedIn(200)) },
  {
    route: 'POST /password',
    policy: 'any signed-in user (own password); reusing the current one is refused (400)',
    request: () => ({
      path: '/password',
      body: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD, newPasswordAgain: DEMO_PASSWORD },
    }),
    expect: page(signedIn(400)),
  },
  { route: 'GET /register', policy: 'clerk', expect: page(only({ clerk: 200 })) },
  {
    route: 'POST /register',
    policy: 'clerk (registers in their own agency)',
    request: () => ({ path: '/register', body: registrationForm() }),
    expect: page(only({ clerk: 303 })),
  },
  {
    route: 'GET /register/checks',
    policy: 'clerk',
    request: () => ({
      path: '/register/checks?evidence.channel=in_person&evidence.in_person.submittedOn=2026-11-27',
    }),
    expect: page(only({ clerk: 200 })),
  },
  {
    route: 'GET /register/applicants',
    policy: 'clerk (own agency’s applicants)',
    request: () => ({ path: '/register/applicants?q=张' }),
    expect: page(only({ clerk: 200 })),
  },
  { route: 'GET /my-cases', policy: 'handler (own cases)', expect: page(only({ handler: 200 })) },
  { route: 'GET /case-list', policy: 'any signed-in user (AgencyScope)', expect: page(signedIn(200)) },
  {
    route: 'GET /case/:id',
    policy: 'any signed-in user of the case’s agency; supervisor and admin for all agencies (others 404)',
    request: async ({ fixtures, agencyId }) => ({
      path: `/case/${(await fixtures.given.caseIn(agencyId, 'registered')).id}`,
    }),
    expect: page({ ...signedIn({ own: 200, other: 404 }), supervisor: 200, admin: 200 }),
  },
  {
    route: 'POST /case/:id/:action',
    policy:
      'clerk, handler, approver of the case’s agency; the transition table decides the step (409 otherwise)',
    request: async ({ actor, fixtures, agencyId }) => {
      const step = CONSOLE_STEPS[actor as 'clerk' | 'handler' | 'approver'] ?? CONSOLE_STEPS.clerk;
      const c = await fixtures.given.caseIn(agencyId, step.state);
      return { path: `/case/${c.id}/${step.slug}`, body: { version: String(c.version), ...step.body } };
    },
    expect: page(
      only({
        clerk: { own: 303, other: 404 },
        handler: { own: 303, other: 404 },
        approver: { own: 303, other: 404 },
      }),
    ),
  },
  { route: 'GET /review', policy: 'approver', expect: page(only({ approver: 200 })) },
  {
    route: 'GET /case/:id/letters/:letterId/pdf',
    policy: 'any signed-in user of the case’s agency; supervisor and admin for all agencies (others 404)',
    request: async ({ fixtures, agencyId }) => {
      const { caseId, letter } = await fixtures.given.letterIn(agencyId);
      return { path: `/case/${caseId}/letters/${letter.id}/pdf` };
    },
    expect: page({ ...signedIn({ own: 200, other: 404 }), supervisor: 200, admin: 200 }),
  },
  consoleLetterDraft('GET /case/:id/letter-drafts/:type/html', 'html'),
  consoleLetterDraft('GET /case/:id/letter-drafts/:type/pdf', 'pdf'),
  consoleLetterDraft('GET /case/:id/letter-drafts/:type/check', 'check'),
  {
    route: 'POST /case/:id/letters/issue',
    policy: 'clerk, approver, and the handler of the case, of the case’s agency',
    request: async ({ fixtures, agencyId }) => ({
      path: `/case/${(await fixtures.given.caseIn(agencyId, 'investigating')).id}/letters/issue`,
      body: { type: 'receipt' },
    }),
    expect: page(
      only({
        clerk: { own: 303, other: 404 },
        handler: { own: 303, other: 404 },
        approver: { own: 303, other: 404 },
      }),
    ),
  },
  {
    route: 'POST /case/:id/letters/receipt',
    policy: 'clerk, approver, and the handler of the case, of the case’s agency (issued once, then opened)',
    request: async ({ fixtures, agencyId }) => ({
      path: `/case/${(await fixtures.given.caseIn(agencyId, 'investigating')).id}/letters/receipt`,
    }),
    expect: page(
      only({
        clerk: { own: 303, other: 404 },
        handler: { own: 303, other: 404 },
        approver: { own: 303, other: 404 },
      }),
    ),
  },
  {
    route: 'POST /case/:id/remedies/add',
    policy: 'clerk, handler, approver of the case’s agency (a concluded case)',
    request: async ({ fixtures, agencyId }) => ({
      path: `/case/${(await fixtures.given.caseIn(agencyId, 'served')).id}/remedies/add`,
      body: { kind: 'reconsideration', filedOn: TODAY, body: '郯城县人民政府', result: 'pending' },
    }),
    expect: page(
      only({
        clerk: { own: 303, other: 404 },
        handler: { own: 303, other: 404 },
        approver: { own: 303, other: 404 },
      }),
    ),
  },
  {
    route: 'POST /case/:id/remedies/:remedyId/update',
    policy: 'clerk, handler, approver of the case’s agency',
    request: async ({ fixtures, agencyId }) => {
      const r = await fixtures.remedyIn(agencyId);
      return {
        path: `/case/${r.caseId}/remedies/${r.remedyId}/update`,
        body: {
          version: String(r.version),
          kind: 'reconsideration',
          filedOn: TODAY,
          body: '郯城县人民政府',
          caseReference: '郯政复〔2026〕1号',
          result: 'pending',
        },
      };
    },
    expect: page(
      only({
        clerk: { own: 303, other: 404 },
        handler: { own: 303, other: 404 },
        approver: { own: 303, other: 404 },
      }),
    ),
  },
  {
    route: 'GET /supervision',
    policy: 'supervisor (all agencies), approver (own agency)',
    request: ({ actor, agencyId }) => ({
      path: actor === 'supervisor' ? `/supervision?agencyId=${agencyId}` : '/supervision',
    }),
    expect: page(only({ supervisor: 200, approver: 200 })),
  },
  consoleSupervisionRead('GET /at-risk', '/at-risk?'),
  consoleSupervisionRead('GET /annual-report', '/annual-report?year=2026&'),
  consoleSupervisionRead(
    'GET /annual-report/cell',
    '/annual-report/cell?year=2026&table=3&row=received&column=total&',
  ),
  consoleSupervisionRead('GET /annual-report/download', '/annual-report/download?year=2026&format=csv&'),
  {
    route: 'POST /annual-report/lock',
    policy: 'approver (own agency’s report), supervisor (any agency’s, or the county’s)',
    // A year per actor (and not the API rows' years), so that each lock is the first of its (year, agency).
    request: ({ actor, agencyId }) => ({
      path: '/annual-report/lock',
      body: { year: actor === 'approver' ? '2021' : actor === 'supervisor' ? '2020' : '2019', agencyId },
    }),
    expect: page(only({ approver: { own: 303, other: 404 }, supervisor: 303 })),
  },
  {
    route: 'GET /case-list/export',
    policy: 'any signed-in user for their own agency; supervisor and admin for every agency (others 404)',
    request: ({ agencyId }) => ({
      path: `/case-list/export?format=csv&from=2026-01-01&to=2026-12-31&agencyId=${agencyId}`,
    }),
    expect: page({ ...signedIn({ own: 200, other: 404 }), supervisor: 200, admin: 200 }),
  },
  {
    route: 'GET /inbox',
    policy: 'any signed-in user (own notifications)',
    expect: page(signedIn(200)),
  },
  {
    route: 'POST /inbox/read-all',
    policy: 'any signed-in user (own notifications)',
    expect: page(signedIn(303)),
  },
  {
    route: 'POST /inbox/:id/read',
    policy: 'any signed-in user, own notifications only (404 shown: not one of theirs)',
    request: () => ({ path: '/inbox/00000000-0000-4000-8000-000000000000/read' }),
    expect: page(signedIn(404)),
  },
  {
    route: 'POST /inbox/:id/open',
    policy: 'any signed-in user, own notifications only (404 shown: not one of theirs)',
    request: () => ({ path: '/inbox/00000000-0000-4000-8000-000000000000/open' }),
    expect: page(signedIn(404)),
  },
  { route: 'GET /admin/agencies', policy: 'admin', expect: page(only({ admin: 200 })) },
  { route: 'GET /admin/agencies/new', policy: 'admin', expect: page(only({ admin: 200 })) },
  {
    route: 'GET /admin/agencies/remedy-default',
    policy: 'admin',
    request: ({ fixtures }) => ({
      path: `/admin/agencies/remedy-default?type=county_department&parentId=${fixtures.countyGovernmentId}`,
    }),
    expect: page(only({ admin: 200 })),
  },
  {
    route: 'POST /admin/agencies',
    policy: 'admin',
    request: ({ fixtures }) => ({
      path: '/admin/agencies',
      body: {
        code: fixtures.unique('m'),
        name: fixtures.unique('矩阵新局'),
        shortName: '矩阵新局',
        type: 'county_department',
        parentId: fixtures.countyGovernmentId,
        docNumberPrefix: '矩新信复',
        deriveReconsiderationBody: 'true',
      },
    }),
    expect: page(only({ admin: 303 })),
  },
  {
    route: 'GET /admin/agencies/:id',
    policy: 'admin',
    request: ({ agencyId }) => ({ path: `/admin/agencies/${agencyId}` }),
    expect: page(only({ admin: 200 })),
  },
  {
    route: 'GET /admin/agencies/:id/remedy-preview',
    policy: 'admin',
    request: ({ agencyId }) => ({
      path: `/admin/agencies/${agencyId}/remedy-preview?reconsiderationBodyName=郯城县人民政府&courtName=有管辖权的人民法院`,
    }),
    expect: page(only({ admin: 200 })),
  },
  {
    route: 'POST /admin/agencies/:id',
    policy: 'admin',
    request: async ({ fixtures }) => {
      const agency = await fixtures.newAgency();
      return {
        path: `/admin/agencies/${agency.id}`,
        body: {
          version: String(agency.version),
          name: fixtures.unique('矩阵局'),
          shortName: '矩阵局',
          docNumberPrefix: '矩信复',
          courtName: '有管辖权的人民法院',
          active: 'true',
        },
      };
    },
    expect: page(only({ admin: 303 })),
  },
  { route: 'GET /admin/users', policy: 'admin', expect: page(only({ admin: 200 })) },
  {
    route: 'POST /admin/users',
    policy: 'admin (any agency)',
    request: ({ agencyId, fixtures }) => ({
      path: '/admin/users',
      body: { username: fixtures.unique('c'), displayName: '矩阵', agencyId, roles: 'clerk' },
    }),
    expect: page(only({ admin: 201 })),
  },
  {
    route: 'GET /admin/users/:id',
    policy: 'admin (all agencies)',
    request: async ({ agencyId, fixtures }) => ({
      path: `/admin/users/${(await fixtures.clerkOf(agencyId)).id}`,
    }),
    expect: page(only({ admin: 200 })),
  },
  {
    route: 'POST /admin/users/:id',
    policy: 'admin (any agency)',
    request: async ({ agencyId, fixtures }) => {
      const user = await fixtures.newUser(agencyId);
      return {
        path: `/admin/users/${user.id}`,
        body: {
          version: String(user.version),
          displayName: '改名',
          agencyId,
          roles: 'clerk',
          active: 'true',
        },
      };
    },
    expect: page(only({ admin: 303 })),
  },
  {
    route: 'POST /admin/users/:id/password-reset',
    policy: 'admin (any agency)',
    request: async ({ agencyId, fixtures }) => ({
      path: `/admin/users/${(await fixtures.newUser(agencyId)).id}/password-reset`,
    }),
    expect: page(only({ admin: 200 })),
  },
  { route: 'GET /admin/calendar', policy: 'admin', expect: page(only({ admin: 200 })) },
  {
    route: 'GET /admin/calendar/:year',
    policy: 'admin',
    request: () => ({ path: '/admin/calendar/2026' }),
    expect: page(only({ admin: 200 })),
  },
  {
    route: 'POST /admin/calendar/import',
    policy: 'admin (dry run shown: it changes nothing)',
    request: () => ({
      path: '/admin/calendar/import',
      body: { year: '2026', json: fs.readFileSync('seeds/data/holidays/2026.json', 'utf8'), mode: 'preview' },
    }),
    expect: page(only({ admin: 200 })),
  },

  // ── supervision: every agency for supervisors and admins, one's own for everyone else ──
  supervisionRead('GET /api/v1/supervision/timeliness', '/timeliness?from=2026-01-01&to=2026-12-31&'),
  supervisionRead('GET /api/v1/supervision/open-cases', '/open-cases?'),
  supervisionRead('GET /api/v1/supervision/at-risk', '/at-risk?'),
  supervisionRead('GET /api/v1/supervision/annual-reports/:year', '/annual-reports/2026?'),
  supervisionRead(
    'GET /api/v1/supervision/annual-reports/:year/cells',
    '/annual-reports/2026/cells?table=3&row=received&column=total&',
  ),
  supervisionRead(
    'GET /api/v1/supervision/annual-reports/:year/export',
    '/annual-reports/2026/export?format=csv&',
  ),
  supervisionRead(
    'GET /api/v1/supervision/case-export',
    '/case-export?format=csv&from=2026-01-01&to=2026-12-31&',
  ),
  {
    route: 'POST /api/v1/supervision/annual-reports/:year/lock',
    policy: 'approver (own agency’s report), supervisor (any agency’s, or the county’s)',
    // A year per actor, so that each lock is the first of its (year, agency).
    request: ({ actor, agencyId }) => ({
      path: `/api/v1/supervision/annual-reports/${actor === 'approver' ? 2024 : actor === 'supervisor' ? 2023 : 2022}/lock`,
      body: { agencyId },
    }),
    expect: only({ approver: { own: 200, other: 404 }, supervisor: 200 }),
  },
  caseRead('GET /api/v1/cases/:id/remedies', '/remedies'),
  {
    route: 'POST /api/v1/cases/:id/remedies',
    policy: 'clerk, handler, approver of the case’s agency (a concluded case)',
    request: async ({ fixtures, agencyId }) => ({
      path: `/api/v1/cases/${(await fixtures.given.caseIn(agencyId, 'served')).id}/remedies`,
      body: { kind: 'reconsideration', filedOn: TODAY, body: '郯城县人民政府', result: 'pending' },
    }),
    expect: only({
      clerk: { own: 201, other: 404 },
      handler: { own: 201, other: 404 },
      approver: { own: 201, other: 404 },
    }),
  },
  {
    route: 'PATCH /api/v1/cases/:id/remedies/:remedyId',
    policy: 'clerk, handler, approver of the case’s agency',
    request: async ({ fixtures, agencyId }) => {
      const r = await fixtures.remedyIn(agencyId);
      return {
        path: `/api/v1/cases/${r.caseId}/remedies/${r.remedyId}`,
        body: {
          version: r.version,
          kind: 'reconsideration',
          filedOn: TODAY,
          body: '郯城县人民政府',
          caseReference: '郯政复〔2026〕1号',
          result: 'pending',
        },
      };
    },
    expect: only({
      clerk: { own: 200, other: 404 },
      handler: { own: 200, other: 404 },
      approver: { own: 200, other: 404 },
    }),
  },

  // ── notifications: the signed-in user's own ──
  {
    route: 'GET /api/v1/notifications',
    policy: 'any signed-in user (own notifications)',
    expect: signedIn(200),
  },
  {
    route: 'POST /api/v1/notifications/read-all',
    policy: 'any signed-in user (own notifications)',
    expect: signedIn(200),
  },
  {
    route: 'POST /api/v1/notifications/:id/read',
    policy: 'any signed-in user, own notifications only (404 shown: not one of theirs)',
    request: () => ({ path: '/api/v1/notifications/00000000-0000-4000-8000-000000000000/read' }),
    expect: signedIn(404),
  },
  {
    route: 'GET /api/v1/notifications/settings',
    policy: 'any signed-in user (own setting)',
    expect: signedIn(200),
  },
  {
    route: 'PUT /api/v1/notifications/settings',
    policy: 'any signed-in user (own setting)',
    request: () => ({ path: '/api/v1/notifications/settings', body: { emailEnabled: false } }),
    expect: signedIn(200),
  },
];

/** One step each console actor can take on a case of their agency (from the case page). */
const CONSOLE_STEPS: Record<
  'clerk' | 'handler' | 'approver',
  { state: GivenState; slug: string; body: object }
> = {
  clerk: {
    state: 'registered',
    slug: 'withdraw',
    body: { withdrawnOn: '2026-11-27', means: '申请人书面撤回' },
  },
  handler: { state: 'investigating', slug: 'start-drafting', body: {} },
  approver: { state: 'in_review', slug: 'return-draft', body: { comment: '请补充检索说明' } },
};

/** The registration form as a browser posts it (in person, a new applicant). */
function registrationForm(): Record<string, string> {
  return {
    'evidence.channel': 'in_person',
    'evidence.in_person.submittedOn': '2026-11-27',
    'applicant.type': 'natural_person',
    'applicant.name': '张三',
    'applicant.idType': 'resident_id',
    'applicant.idNumber': '11010519491231002X',
    'applicant.phone': '13800138000',
    'applicant.address': '山东省临沂市郯城县人民路 1 号',
    informationSought: '2025年度郯城县城区土地征收补偿安置方案',
    requestedForm: 'paper',
    deliveryMethod: 'post',
  };
}

/** The test clock's today (test/support/test-app.ts). */
const TODAY = '2026-11-27';

/** Reading one case: the agency's own people, and supervisors and admins for every agency. */
function caseRead(route: string, suffix: string): MatrixRow {
  return {
    route,
    policy: 'any signed-in user of the case’s agency; supervisor and admin for all agencies (others 404)',
    request: async ({ fixtures, agencyId }) => ({
      path: `/api/v1/cases/${(await fixtures.given.caseIn(agencyId, 'registered')).id}${suffix}`,
    }),
    expect: { ...signedIn({ own: 200, other: 404 }), supervisor: 200, admin: 200 },
  };
}

/** A console preview or check of a case's letter (the 登记回执 of a fresh case). */
function consoleLetterDraft(route: string, suffix: 'html' | 'pdf' | 'check'): MatrixRow {
  return {
    route,
    policy: 'any signed-in user of the case’s agency; supervisor and admin for all agencies (others 404)',
    request: async ({ fixtures, agencyId }) => ({
      path: `/case/${(await fixtures.given.caseIn(agencyId, 'investigating')).id}/letter-drafts/receipt/${suffix}`,
    }),
    expect: page({ ...signedIn({ own: 200, other: 404 }), supervisor: 200, admin: 200 }),
  };
}

/** A console supervision page: supervisors any agency, approvers their own (another is 404). */
function consoleSupervisionRead(route: string, pathAndQuery: string): MatrixRow {
  return {
    route,
    policy: 'supervisor (every agency), approver (own agency; another is 404)',
    request: ({ agencyId }) => ({ path: `${pathAndQuery}agencyId=${agencyId}` }),
    expect: page(only({ supervisor: 200, approver: { own: 200, other: 404 } })),
  };
}

/** Reading an issued letter: like reading its case. */
function letterRead(route: string, suffix: string): MatrixRow {
  return {
    route,
    policy: 'any signed-in user of the case’s agency; supervisor and admin for all agencies (others 404)',
    request: async ({ fixtures, agencyId }) => {
      const { caseId, letter } = await fixtures.given.letterIn(agencyId);
      return { path: `/api/v1/cases/${caseId}/letters/${letter.id}${suffix}` };
    },
    expect: { ...signedIn({ own: 200, other: 404 }), supervisor: 200, admin: 200 },
  };
}

/**
 * A workflow step: the roles that may take it, each given a case in a state where it can (for
 * handlers, a case assigned to them). Another agency's case answers 404 for them; every other role
 * gets 403 from the guard.
 */
function caseStep(
  step: string,
  states: Partial<Record<Role, GivenState | [GivenState, { assigned: boolean }]>>,
  body: (
    ctx: MatrixContext,
    c: { id: string; version: number; consultationId?: string },
  ) => object | Promise<object> = () => ({}),
): MatrixRow {
  const roles = Object.keys(states) as Role[];
  return {
    route: `POST /api/v1/cases/:id/${step}`,
    policy: `${roles.join(', ')} of the case’s agency (handler: only their own cases)`,
    request: async (ctx) => {
      const wanted = ctx.actor !== 'anonymous' ? states[ctx.actor as Role] : undefined;
      const [state, options] = Array.isArray(wanted) ? wanted : [wanted ?? 'registered', {}];
      const c = await ctx.fixtures.given.caseIn(ctx.agencyId, state, options);
      return { path: `/api/v1/cases/${c.id}/${step}`, body: { version: c.version, ...(await body(ctx, c)) } };
    },
    expect: only(Object.fromEntries(roles.map((r) => [r, { own: 200, other: 404 }]))),
  };
}

/** A supervision read about one agency: its own people, and supervisors and admins for every agency. */
function supervisionRead(route: string, pathAndQuery: string): MatrixRow {
  return {
    route,
    policy: 'any signed-in user for their own agency; supervisor and admin for every agency (others 404)',
    request: ({ agencyId }) => ({ path: `/api/v1/supervision${pathAndQuery}agencyId=${agencyId}` }),
    expect: { ...signedIn({ own: 200, other: 404 }), supervisor: 200, admin: 200 },
  };
}
