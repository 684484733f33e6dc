import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, SignedIn } from '../auth/access-policy.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { CaseQueriesService } from './case-queries.service.js';
import { CasesService } from './cases.service.js';
import type { ClockResult } from './clock.rules.js';
import { ApproveDto } from './dto/approve.dto.js';
import * as Dto from './dto/case-actions.dto.js';
import { CaseDetailResponse, CaseEventResponse, CasePageResponse } from './dto/case-response.dto.js';
import { ListCasesQuery } from './dto/list-cases.query.js';
import { RegisterCaseDto } from './dto/register-case.dto.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';

const id = new ParseIdPipe();

/**
 * Cases: registration, reading, and one POST per workflow step (the transition table decides what
 * is allowed in which state; an illegal step is 409 with the allowed ones). Every step carries the
 * case version the user saw.
 */
@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly queries: CaseQueriesService,
  ) {}

  @Post()
  @Roles('clerk')
  @ApiOperation({ summary: '登记: register an application (receipt date derived by Art. 31)' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Repeat the request safely: one case per key',
  })
  register(
    @CurrentUser() user: AuthUser,
    @Body() dto: RegisterCaseDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<CaseDetailResponse> {
    return this.cases.register(user, dto, key);
  }

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'Find cases (own agency; supervisors and admins all), most urgent first' })
  @ApiOkResponse({ type: CasePageResponse })
  list(@CurrentUser() user: AuthUser, @Query() query: ListCasesQuery): Promise<CasePageResponse> {
    return this.queries.list(user, query);
  }

  @Get(':id')
  @SignedIn()
  @ApiOkResponse({ type: CaseDetailResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', id) caseId: string): Promise<CaseDetailResponse> {
    return this.queries.get(user, caseId);
  }

  @Get(':id/events')
  @SignedIn()
  @ApiOperation({ summary: 'The timeline: every event with who, role, when, what and why' })
  @ApiOkResponse({ type: CaseEventResponse, isArray: true })
  events(@CurrentUser() user: AuthUser, @Param('id', id) caseId: string): Promise<CaseEventResponse[]> {
    return this.queries.events(user, caseId);
  }

  @Get(':id/clock')
  @SignedIn()
  @ApiOperation({ summary: 'The statutory clock today, with how every date was computed' })
  clock(@CurrentUser() user: AuthUser, @Param('id', id) caseId: string): Promise<ClockResult> {
    return this.queries.clock(user, caseId);
  }

  @Post(':id/assign')
  @Roles('clerk', 'approver')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  assign(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: Dto.AssignDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.assign(u, c, dto);
  }

  @Post(':id/correction-request')
  @Roles('clerk', 'handler')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  @ApiOperation({ summary: '补正 (Art. 30): within 7 WD of receipt, every item at once' })
  requestCorrection(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: Dto.RequestCorrectionDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.requestCorrection(u, c, dto);
  }

  @Post(':id/correction')
  @Roles('clerk', 'handler')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  @ApiOperation({ summary: 'The corrected application arrived: the 20 WD restart from its receipt' })
  receiveCorrection(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: Dto.ReceiveCorrectionDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.receiveCorrection(u, c, dto);
  }

  @Post(':id/consultations')
  @Roles('handler')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  @ApiOperation({ summary: '征求意见 (Art. 32, 34): pauses the clock (Art. 33 para 3)' })
  startConsultation(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: Dto.StartConsultationDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.startConsultation(u, c, dto);
  }

  @Post(':id/consultations/receipt')
  @Roles('clerk', 'handler')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  recordConsultationReceipt(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: Dto.RecordConsultationReceiptDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.recordConsultationReceipt(u, c, dto);
  }

  @Post(':id/consultations/reply')
  @Roles('clerk', 'handler')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  recordConsultationReply(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: Dto.RecordConsultationReplyDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.recordConsultationReply(u, c, dto);
  }

  @Post(':id/fee-notice')
  @Roles('handler')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  @ApiOperation({ summary: '收费通知 (Art. 42, 国办函〔2020〕109号)' })
  sendFeeNotice(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: Dto.SendFeeNoticeDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.sendFeeNotice(u, c, dto);
  }

  @Post(':id/fee-notice/receipt')
  @Roles('clerk', 'handler')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  recordFeeNoticeReceipt(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: Dto.RecordFeeNoticeReceiptDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.recordFeeNoticeReceipt(u, c, dto);
  }

  @Post(':id/fee-payment')
  @Roles('clerk', 'handler')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  recordFeePayment(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: Dto.RecordFeePaymentDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.recordFeePayment(u, c, dto);
  }

  @Post(':id/extension-request')
  @Roles('handler')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  @ApiOperation({ summary: 'Ask to extend the reply period (Art. 33 para 2: once, ≤ 20 WD)' })
  requestExtension(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: Dto.RequestExtensionDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.requestExtension(u, c, dto);
  }

  @Post(':id/extension-decision')
  @Roles('approver')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  @ApiOperation({ summary: 'The head of the disclosure office approves or refuses the extension' })
  decideExtension(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: Dto.DecideExtensionDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.decideExtension(u, c, dto);
  }

  @Post(':id/extension-notice')
  @Roles('clerk', 'handler')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  @ApiOperation({
    summary: 'The applicant was told of the extension (it counts from then, if before the due date)',
  })
  notifyExtension(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: Dto.NotifyExtensionDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.notifyExtension(u, c, dto);
  }

  @Post(':id/art35-period')
  @Roles('approver')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  @ApiOperation({ summary: 'Art. 35: a reasonable later due date for excessive applications, notified' })
  setArt35Period(@CurrentUser() u: AuthUser, @Param('id', id) c: string, @Body() dto: Dto.SetArt35PeriodDto) {
    return this.cases.setArt35Period(u, c, dto);
  }

  @Post(':id/drafting')
  @Roles('handler')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  startDrafting(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: Dto.VersionedDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.startDrafting(u, c, dto);
  }

  @Post(':id/draft')
  @Roles('handler')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  @ApiOperation({ summary: 'Save the draft reply: outcome, legal basis and reasons' })
  saveDraft(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: Dto.SaveDraftDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.saveDraft(u, c, dto);
  }

  @Post(':id/review-request')
  @Roles('handler')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  submitForReview(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: Dto.VersionedDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.submitForReview(u, c, dto);
  }

  @Post(':id/return')
  @Roles('approver')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  returnDraft(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: Dto.ReturnDraftDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.returnDraft(u, c, dto);
  }

  @Post(':id/approval')
  @Roles('approver')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  approve(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: ApproveDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.approve(u, c, dto);
  }

  @Post(':id/reply')
  @Roles('clerk', 'handler', 'approver')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  @ApiOperation({ summary: '作出答复: the reply is made (its date stops the clock)' })
  issueReply(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: Dto.IssueReplyDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.issueReply(u, c, dto);
  }

  @Post(':id/service')
  @Roles('clerk', 'handler')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  @ApiOperation({ summary: '送达: date, means and proof of delivery' })
  serve(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: Dto.ServeDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.serve(u, c, dto);
  }

  @Post(':id/withdrawal')
  @Roles('clerk', 'handler')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  withdraw(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: Dto.WithdrawDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.withdraw(u, c, dto);
  }

  @Post(':id/archive')
  @Roles('clerk', 'handler')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case after the step, with notices' })
  archive(
    @CurrentUser() u: AuthUser,
    @Param('id', id) c: string,
    @Body() dto: Dto.VersionedDto,
  ): Promise<CaseDetailResponse> {
    return this.cases.archive(u, c, dto);
  }
}
