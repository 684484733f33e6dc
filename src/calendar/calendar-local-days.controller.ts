import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, SignedIn } from '../auth/access-policy.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { CalendarLocalDaysService } from './calendar-local-days.service.js';
import { calendarActorOf } from './calendar-store.js';
import {
  AgencyDateParamDto,
  AgencyParamDto,
  LocalDayDto,
  LocalDayListDto,
  PutLocalDayDto,
} from './dto/local-day.dto.js';

/**
 * An agency's local days off (放假办法 Art. 4). Any signed-in user may read them (they only say which
 * days an office is closed); changing them is for admins.
 */
@ApiTags('calendar')
@Controller('calendar/agencies/:agencyId/local-days')
export class CalendarLocalDaysController {
  constructor(private readonly localDays: CalendarLocalDaysService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: '机关的本地放假日（民族节日、本地停止办公）' })
  @ApiOkResponse({ type: LocalDayListDto })
  list(@Param() params: AgencyParamDto): Promise<LocalDayListDto> {
    return this.localDays.list(params.agencyId);
  }

  @Put(':date')
  @Roles('admin')
  @ApiOperation({ summary: '设置（或修改）机关的一个本地放假日' })
  @ApiOkResponse({ type: LocalDayDto })
  put(
    @Param() params: AgencyDateParamDto,
    @Body() body: PutLocalDayDto,
    @CurrentUser() user: AuthUser,
  ): Promise<LocalDayDto> {
    return this.localDays.put(params.agencyId, params.date, body, calendarActorOf(user));
  }

  @Delete(':date')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: '删除机关的一个本地放假日' })
  @ApiNoContentResponse()
  remove(@Param() params: AgencyDateParamDto, @CurrentUser() user: AuthUser): Promise<void> {
    return this.localDays.remove(params.agencyId, params.date, calendarActorOf(user));
  }
}
