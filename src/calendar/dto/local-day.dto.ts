import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/validators.js';
import type { IsoDate } from '../../common/clock/clock.js';
import { ActorDto } from './calendar-year.dto.js';
import { IsIsoDate } from './is-iso-date.decorator.js';

export class AgencyParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  agencyId: string;
}

export class AgencyDateParamDto extends AgencyParamDto {
  @ApiProperty({ example: '2026-03-03' })
  @IsIsoDate()
  date: string;
}

export class PutLocalDayDto {
  @ApiProperty({ example: '三月三', description: '放假事由（民族节日名称或停止办公的原因）' })
  @IsString()
  @IsNotBlank()
  @MaxLength(40)
  name: string;

  @ApiPropertyOptional({ example: '依自治县人民政府通知放假一天（放假办法第四条）' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class LocalDayDto {
  @ApiProperty()
  date: IsoDate;

  @ApiProperty()
  weekday: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ nullable: true, type: String })
  note: string | null;

  @ApiProperty({ description: '全国日历中该日本为工作日（否则本地放假不起作用）' })
  effective: boolean;

  @ApiProperty()
  createdAt: string;

  @ApiProperty({ type: ActorDto })
  createdBy: ActorDto;
}

export class LocalDayListDto {
  @ApiProperty({ format: 'uuid' })
  agencyId: string;

  @ApiProperty({ type: [LocalDayDto] })
  items: LocalDayDto[];
}
