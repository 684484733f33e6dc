import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, SignedIn } from '../auth/access-policy.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RecordRemedyDto, RemedyRecordResponse, UpdateRemedyDto } from './dto/remedy-record.dto.js';
import { RemedyRecordsService } from './remedy-records.service.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';

const id = new ParseIdPipe();

/** 行政复议 and 行政诉讼 about a concluded case (table 四), recorded by the case’s own agency. */
@ApiTags('supervision')
@Controller('cases/:id/remedies')
export class RemedyRecordsController {
  constructor(private readonly remedies: RemedyRecordsService) {}

  @Get()
  @SignedIn()
  @ApiOkResponse({ type: RemedyRecordResponse, isArray: true })
  list(@CurrentUser() user: AuthUser, @Param('id', id) caseId: string): Promise<RemedyRecordResponse[]> {
    return this.remedies.list(user, caseId);
  }

  @Post()
  @Roles('clerk', 'handler', 'approver')
  @ApiOperation({ summary: 'Record a 行政复议 or 行政诉讼 about the reply (the case must be concluded)' })
  @ApiOkResponse({ type: RemedyRecordResponse })
  record(
    @CurrentUser() user: AuthUser,
    @Param('id', id) caseId: string,
    @Body() dto: RecordRemedyDto,
  ): Promise<RemedyRecordResponse> {
    return this.remedies.record(user, caseId, dto);
  }

  @Patch(':remedyId')
  @Roles('clerk', 'handler', 'approver')
  @ApiOperation({ summary: 'Update a record (its result once decided)' })
  @ApiOkResponse({ type: RemedyRecordResponse })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', id) caseId: string,
    @Param('remedyId', id) remedyId: string,
    @Body() dto: UpdateRemedyDto,
  ): Promise<RemedyRecordResponse> {
    return this.remedies.update(user, caseId, remedyId, dto);
  }
}
