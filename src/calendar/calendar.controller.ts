import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Roles, SignedIn } from '../auth/access-policy.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { CalendarImportService } from './calendar-import.service.js';
import { calendarActorOf } from './calendar-store.js';
import { CalendarService } from './calendar.service.js';
import {
  CalendarImportResultDto,
  CalendarYearImportDto,
  HolidayCnYearDto,
} from './dto/calendar-import.dto.js';
import {
  AddCalendarDaysQueryDto,
  AddMonthsQueryDto,
  AddWorkingDaysQueryDto,
  BetweenQueryDto,
  DateParamDto,
  DayQueryDto,
  ImportQueryDto,
  YearParamDto,
} from './dto/calendar-query.dto.js';
import { CalendarYearDetailDto, CalendarYearListDto } from './dto/calendar-year.dto.js';
import { BetweenResultDto, DayInfoDto, PeriodResultDto } from './dto/period-result.dto.js';

/**
 * The working-day calendar. Reading is for any signed-in user (the State Council's schedule is public
 * information, not agency data); loading or replacing a year is for admins.
 */
@ApiTags('calendar')
@SignedIn()
@ApiBadRequestResponse({ description: 'Invalid input (problem+json with field errors)' })
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendars: CalendarService,
    private readonly imports: CalendarImportService,
  ) {}

  @Get('years')
  @ApiOperation({ summary: '已导入的年份及其放假安排通知' })
  @ApiOkResponse({ type: CalendarYearListDto })
  listYears(): Promise<CalendarYearListDto> {
    return this.calendars.listYears();
  }

  @Get('years/:year')
  @ApiOperation({
    summary:
      '某年的放假安排（通知、放假日、调休上班日、导入记录）；未发布的年份给出按放假办法推算的法定节假日',
  })
  @ApiOkResponse({ type: CalendarYearDetailDto })
  getYear(@Param() params: YearParamDto): Promise<CalendarYearDetailDto> {
    return this.calendars.getYear(params.year);
  }

  @Put('years/:year')
  @Roles('admin')
  @ApiOperation({
    summary: '导入或替换某年的放假安排（管理员）；dryRun=true 时只校验并返回差异和受影响的案件',
    description:
      '请求体为 holiday-cn 格式（year、papers、days[name,date,isOffDay]）或本系统格式' +
      '（format "gip-desk.calendar-year/1"、year、status、sources、days[date,kind,name,note]）。' +
      '校验不通过时列出全部错误，不作任何更改；通过后在一个事务中写入并记录操作人。',
  })
  @ApiExtraModels(HolidayCnYearDto, CalendarYearImportDto)
  @ApiBody({
    schema: {
      oneOf: [{ $ref: getSchemaPath(HolidayCnYearDto) }, { $ref: getSchemaPath(CalendarYearImportDto) }],
    },
  })
  @ApiOkResponse({ type: CalendarImportResultDto })
  importYear(
    @Param() params: YearParamDto,
    @Query() query: ImportQueryDto,
    @Body() body: unknown,
    @CurrentUser() user: AuthUser,
  ): Promise<CalendarImportResultDto> {
    return this.imports.importYear(params.year, body, {
      dryRun: query.dryRun ?? false,
      actor: calendarActorOf(user),
    });
  }

  @Get('working-days/add')
  @ApiOperation({ summary: '起算日后第 N 个工作日（起算日当日不计入），附计算过程' })
  @ApiOkResponse({ type: PeriodResultDto })
  addWorkingDays(@Query() query: AddWorkingDaysQueryDto): Promise<PeriodResultDto> {
    return this.calendars.addWorkingDays(query);
  }

  @Get('working-days/between')
  @ApiOperation({ summary: '两日之间 (from, to] 的工作日数，附计算过程' })
  @ApiOkResponse({ type: BetweenResultDto })
  workingDaysBetween(@Query() query: BetweenQueryDto): Promise<BetweenResultDto> {
    return this.calendars.workingDaysBetween(query);
  }

  @Get('calendar-days/add')
  @ApiOperation({
    summary:
      '按日计算的期间（如复议 60 日）：届满日为法定休假日的，顺延至休假日后的第一日（民诉法第八十五条）',
  })
  @ApiOkResponse({ type: PeriodResultDto })
  addCalendarDays(@Query() query: AddCalendarDaysQueryDto): Promise<PeriodResultDto> {
    return this.calendars.addCalendarDays(query);
  }

  @Get('months/add')
  @ApiOperation({ summary: '按月计算的期间（如起诉 6 个月），到期日为法定休假日的顺延' })
  @ApiOkResponse({ type: PeriodResultDto })
  addMonths(@Query() query: AddMonthsQueryDto): Promise<PeriodResultDto> {
    return this.calendars.addMonths(query);
  }

  @Get('days/:date')
  @ApiOperation({ summary: '某日是否工作日及原因' })
  @ApiOkResponse({ type: DayInfoDto })
  dayInfo(@Param() params: DateParamDto, @Query() query: DayQueryDto): Promise<DayInfoDto> {
    return this.calendars.dayInfo(params.date, query.agencyId);
  }
}
