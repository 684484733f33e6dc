import { Agency } from '../agencies/agency.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { AppSecret } from '../auth/app-secret.entity.js';
import { AuthSession } from '../auth/auth-session.entity.js';
import { RefreshToken } from '../auth/refresh-token.entity.js';
import { SignInThrottle } from '../auth/sign-in-throttle.entity.js';
import { User } from '../auth/user.entity.js';
import { CalendarChange } from '../calendar/calendar-change.entity.js';
import { CalendarDay } from '../calendar/calendar-day.entity.js';
import { CalendarLocalDay } from '../calendar/calendar-local-day.entity.js';
import { CalendarNotice } from '../calendar/calendar-notice.entity.js';
import { CalendarYear } from '../calendar/calendar-year.entity.js';
import { Applicant } from '../cases/applicant.entity.js';
import { CaseConsultation } from '../cases/case-consultation.entity.js';
import { CaseEvent } from '../cases/case-event.entity.js';
import { CaseNumberSeries } from '../cases/case-number-series.entity.js';
import { DisclosureCase } from '../cases/disclosure-case.entity.js';
import { IdempotencyRecord } from '../common/idempotency/idempotency-record.entity.js';
import { DocumentNumberCounter } from '../letters/document-number-counter.entity.js';
import { IssuedLetter } from '../letters/issued-letter.entity.js';
import { NotificationSetting } from '../notifications/notification-setting.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import { Reminder } from '../notifications/reminder.entity.js';
import { AnnualReportLockCase } from '../supervision/annual-report-lock-case.entity.js';
import { AnnualReportLockRemedy } from '../supervision/annual-report-lock-remedy.entity.js';
import { AnnualReportLock } from '../supervision/annual-report-lock.entity.js';
import { RemedyRecord } from '../supervision/remedy-record.entity.js';
import { ReportChange } from '../supervision/report-change.entity.js';
import { SupervisionCaseFact } from '../supervision/supervision-case-fact.entity.js';

/**
 * Every entity of the schema. The app, the TypeORM CLI and the migration drift check all use this
 * one list, so an entity cannot be known to one and missing from another.
 */
export const ENTITIES = [
  Agency,
  User,
  AuthSession,
  RefreshToken,
  SignInThrottle,
  AppSecret,
  AuditEvent,
  CalendarYear,
  CalendarNotice,
  CalendarDay,
  CalendarLocalDay,
  CalendarChange,
  DocumentNumberCounter,
  Applicant,
  DisclosureCase,
  CaseEvent,
  CaseConsultation,
  CaseNumberSeries,
  IdempotencyRecord,
  IssuedLetter,
  SupervisionCaseFact,
  RemedyRecord,
  AnnualReportLock,
  AnnualReportLockCase,
  AnnualReportLockRemedy,
  ReportChange,
  Reminder,
  Notification,
  NotificationSetting,
];
