import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CalendarLocalDaysService } from './calendar-local-days.service.js';
import {
  AgencyDateParamDto,
  AgencyParamDto,
  LocalDayDto,
  LocalDayListDto,
  PutLocalDayDto,
} from './dto/local-day.dto.js';

/**
 * An agency's local days off (放假办法 Art. 4). Changing them will be for admins once authentication
 * lands (the lead adds the role decorators).
 */
@ApiTags('calendar')
@Controller('calendar/agencies/:agencyId/local-days')
export class CalendarLocalDaysController {
  constructor(private readonly localDays: CalendarLocalDaysService) {}

  @Get()
  @ApiOperation({ summary: '机关的本地放假日（民族节日、本地停止办公）' })
  @ApiOkResponse({ type: LocalDayListDto })
  list(@Param() params: AgencyParamDto): Promise<LocalDayListDto> {
    return this.localDays.list(params.agencyId);
  }

  @Put(':date')
  @ApiOperation({ summary: '设置（或修改）机关的一个本地放假日' })
  @ApiOkResponse({ type: LocalDayDto })
  put(
    @Param() params: AgencyDateParamDto,
    @Body() body: PutLocalDayDto,
    @Ip() remoteAddress: string,
  ): Promise<LocalDayDto> {
    return this.localDays.put(params.agencyId, params.date, body, {
      userId: null,
      name: null,
      remoteAddress,
    });
  }

  @Delete(':date')
  @HttpCode(204)
  @ApiOperation({ summary: '删除机关的一个本地放假日' })
  @ApiNoContentResponse()
  remove(@Param() params: AgencyDateParamDto, @Ip() remoteAddress: string): Promise<void> {
    return this.localDays.remove(params.agencyId, params.date, { userId: null, name: null, remoteAddress });
  }
}
