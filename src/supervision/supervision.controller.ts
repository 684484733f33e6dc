import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles, SignedIn } from '../auth/access-policy.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { attachment } from './download.js';
import {
  AgencyFilterQuery,
  AtRiskQuery,
  CaseExportQuery,
  DrillDownQuery,
  LockReportDto,
  ReportExportQuery,
  TimelinessQuery,
} from './dto/supervision-queries.dto.js';
import {
  AnnualReportResponse,
  AtRiskResponse,
  DrillDownResponse,
  OpenCasesResponse,
  TimelinessResponse,
} from './dto/supervision-responses.dto.js';
import { SupervisionService } from './supervision.service.js';
import { ParseYearPipe } from '../common/validation/parse-year.pipe.js';

const year = new ParseYearPipe();

/**
 * Supervision (条例 Art. 47, 49–50): timeliness, the at-risk list, the annual report tables 三 and
 * 四 with drill-down, downloads and locking, and audit case lists. Supervisors and admins read every
 * agency (agencyId optional), everyone else their own.
 */
@ApiTags('supervision')
@Controller('supervision')
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Get('timeliness')
  @SignedIn()
  @ApiOperation({
    summary:
      'Timeliness over a period: received, closed, on time, late, working days; by agency, handler, month',
  })
  @ApiOkResponse({ type: TimelinessResponse })
  timeliness(@CurrentUser() user: AuthUser, @Query() query: TimelinessQuery): Promise<TimelinessResponse> {
    return this.supervision.timeliness(user, query);
  }

  @Get('open-cases')
  @SignedIn()
  @ApiOperation({
    summary: 'Open cases today by working days left (overdue, due today, 1–3, …, paused, 补正)',
  })
  @ApiOkResponse({ type: OpenCasesResponse })
  openCases(@CurrentUser() user: AuthUser, @Query() query: AgencyFilterQuery): Promise<OpenCasesResponse> {
    return this.supervision.openCases(user, query.agencyId);
  }

  @Get('at-risk')
  @SignedIn()
  @ApiOperation({ summary: '即将逾期 / 逾期未办 / 逾期已办, most urgent first (remaining working days)' })
  @ApiOkResponse({ type: AtRiskResponse })
  atRisk(@CurrentUser() user: AuthUser, @Query() query: AtRiskQuery): Promise<AtRiskResponse> {
    return this.supervision.atRisk(user, query);
  }

  @Get('annual-reports/:year')
  @SignedIn()
  @ApiOperation({
    summary: 'Tables 三 and 四 of the annual report, identities checked; locked figures once locked',
  })
  @ApiOkResponse({ type: AnnualReportResponse })
  annualReport(
    @CurrentUser() user: AuthUser,
    @Param('year', year) reportYear: number,
    @Query() query: AgencyFilterQuery,
  ): Promise<AnnualReportResponse> {
    return this.supervision.annualReport(user, reportYear, query.agencyId);
  }

  @Get('annual-reports/:year/cells')
  @SignedIn()
  @ApiOperation({ summary: 'Drill-down: the cases counted in one cell' })
  @ApiOkResponse({ type: DrillDownResponse })
  drillDown(
    @CurrentUser() user: AuthUser,
    @Param('year', year) reportYear: number,
    @Query() query: DrillDownQuery,
  ): Promise<DrillDownResponse> {
    return this.supervision.drillDown(user, reportYear, query);
  }

  @Get('annual-reports/:year/export')
  @SignedIn()
  @ApiOperation({
    summary: 'Download tables 三 and 四 as XLSX, CSV or a printable PDF in the official layout',
  })
  @ApiProduces(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'text/csv',
    'application/pdf',
  )
  async exportReport(
    @CurrentUser() user: AuthUser,
    @Param('year', year) reportYear: number,
    @Query() query: ReportExportQuery,
  ): Promise<StreamableFile> {
    return attachment(await this.supervision.exportReport(user, reportYear, query));
  }

  @Post('annual-reports/:year/lock')
  @Roles('approver', 'supervisor')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Lock a year’s report as published: approvers their agency’s, supervisors any or the county’s',
  })
  @ApiOkResponse({ type: AnnualReportResponse })
  lock(
    @CurrentUser() user: AuthUser,
    @Param('year', year) reportYear: number,
    @Body() dto: LockReportDto,
  ): Promise<AnnualReportResponse> {
    return this.supervision.lock(user, reportYear, dto);
  }

  @Get('case-export')
  @SignedIn()
  @ApiOperation({
    summary: 'Audit case list (CSV/XLSX) of cases received in a period; personal data masked by default',
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async exportCases(@CurrentUser() user: AuthUser, @Query() query: CaseExportQuery): Promise<StreamableFile> {
    return attachment(await this.supervision.exportCases(user, query));
  }
}
