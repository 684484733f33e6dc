import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access-policy.decorators.js';
import { AuditService } from './audit.service.js';
import { AuditEventPageDto, AuditVerificationDto } from './dto/audit-event.dto.js';
import { ListAuditEventsQuery } from './dto/list-audit-events.query.js';

/** Security and administrative events: admins only (they hold sign-in addresses of everyone). */
@ApiTags('audit')
@Controller('audit')
@Roles('admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('events')
  @ApiOperation({ summary: 'Audit events, newest first' })
  @ApiOkResponse({ type: AuditEventPageDto })
  list(@Query() query: ListAuditEventsQuery): Promise<AuditEventPageDto> {
    return this.audit.list(query);
  }

  @Get('verification')
  @ApiOperation({ summary: 'Recompute the hash chain: is every stored event unchanged and in place?' })
  @ApiOkResponse({ type: AuditVerificationDto })
  verify(): Promise<AuditVerificationDto> {
    return this.audit.verify();
  }
}
