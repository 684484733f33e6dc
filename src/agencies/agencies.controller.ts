import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuditActor } from '../audit/audit-actor.js';
import { Roles, SignedIn } from '../auth/access-policy.decorators.js';
import { Actor } from '../auth/current-user.decorator.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';
import { AgenciesService } from './agencies.service.js';
import { AgencyDto, ReconsiderationBodyDefaultDto } from './dto/agency.dto.js';
import { CreateAgencyDto } from './dto/create-agency.dto.js';
import { ListAgenciesQuery, RemedyDefaultQuery } from './dto/remedy-default.query.js';
import { UpdateAgencyDto } from './dto/update-agency.dto.js';

@ApiTags('agencies')
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  // Every signed-in user: the directory of agencies is public information (letters print it, and an
  // Art. 36(五) reply names the competent agency and its contact details). Not agency-scoped.
  @SignedIn()
  @Get()
  @ApiOperation({ summary: 'The agencies of the installation (active ones unless includeInactive=true)' })
  @ApiOkResponse({ type: [AgencyDto] })
  list(@Query() query: ListAgenciesQuery): Promise<AgencyDto[]> {
    return this.agencies.list(query);
  }

  @Roles('admin')
  @Get('remedy-default')
  @ApiOperation({
    summary: 'The reconsideration body the rule derives for a type and parent (复议法 Art. 24, 27)',
  })
  @ApiOkResponse({ type: ReconsiderationBodyDefaultDto })
  remedyDefault(@Query() query: RemedyDefaultQuery): Promise<ReconsiderationBodyDefaultDto> {
    return this.agencies.remedyDefault(query);
  }

  @SignedIn()
  @Get(':id')
  @ApiOperation({ summary: 'One agency with its letter and remedy profile' })
  @ApiOkResponse({ type: AgencyDto })
  get(@Param('id', ParseIdPipe) id: string): Promise<AgencyDto> {
    return this.agencies.get(id);
  }

  @Roles('admin')
  @Post()
  @ApiOperation({ summary: 'Create an agency; the reconsideration body is derived unless given' })
  @ApiCreatedResponse({ type: AgencyDto })
  create(@Body() dto: CreateAgencyDto, @Actor() actor: AuditActor): Promise<AgencyDto> {
    return this.agencies.create(dto, actor);
  }

  @Roles('admin')
  @Patch(':id')
  @ApiOperation({ summary: 'Change the profile, or deactivate (active=false)' })
  @ApiOkResponse({ type: AgencyDto })
  update(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateAgencyDto,
    @Actor() actor: AuditActor,
  ): Promise<AgencyDto> {
    return this.agencies.update(id, dto, actor);
  }

  @Roles('admin')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an agency nothing refers to (409 AGENCY_IN_USE otherwise: deactivate it)',
  })
  @ApiNoContentResponse()
  remove(@Param('id', ParseIdPipe) id: string, @Actor() actor: AuditActor): Promise<void> {
    return this.agencies.remove(id, actor);
  }
}
