import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import type { IsoDate } from '../../common/clock/dates.js';
import { IsIsoDate, IsNotBlank } from '../../common/validation/validators.js';
import { CHANNELS, type Channel } from '../channel.js';

const on = (...channels: Channel[]) => ValidateIf((o: ReceiptEvidenceDto) => channels.includes(o.channel));

/**
 * The evidence of receipt, by channel (条例 Art. 31). Only the fields of the chosen channel are
 * accepted; the receipt date is derived from them.
 */
export class ReceiptEvidenceDto {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiPropertyOptional({
    description: 'in_person, oral: the day it was handed in or made',
    example: '2026-11-27',
  })
  @on('in_person', 'oral')
  @IsIsoDate()
  submittedOn?: IsoDate;

  @ApiPropertyOptional({ description: 'post_signed: the day the agency signed for it (postal record)' })
  @on('post_signed')
  @IsIsoDate()
  signedForOn?: IsoDate;

  @ApiPropertyOptional({ description: 'post_signed: tracking number' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  trackingNumber?: string;

  @ApiPropertyOptional({ description: 'post_unsigned: the day the letter arrived' })
  @on('post_unsigned')
  @IsIsoDate()
  arrivedOn?: IsoDate;

  @ApiPropertyOptional({
    description: 'post_unsigned, fax, online (without auto-confirmation): confirmation date',
  })
  @ValidateIf(
    (o: ReceiptEvidenceDto) =>
      o.channel === 'post_unsigned' ||
      o.channel === 'fax' ||
      (o.channel === 'online' && o.confirmedOn !== undefined),
  )
  @IsIsoDate()
  confirmedOn?: IsoDate;

  @ApiPropertyOptional({ description: 'post_unsigned, fax: how the confirmation was made', example: '电话' })
  @on('post_unsigned', 'fax')
  @IsString()
  @IsNotBlank({ message: '须写明确认方式（如电话、短信）' })
  @MaxLength(100)
  confirmationMeans?: string;

  @ApiPropertyOptional({ description: 'post_unsigned: why the confirmation was not on the day of arrival' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  lateConfirmationReason?: string;

  @ApiPropertyOptional({
    description: 'online: submission instant with offset',
    example: '2026-11-27T09:30:00+08:00',
  })
  @on('online')
  @IsISO8601({ strict: true }, { message: '须为含时区的提交时间，如 2026-11-27T09:30:00+08:00' })
  submittedAt?: string;

  @ApiPropertyOptional({ description: 'online: the platform itself confirmed the submission (提交成功)' })
  @on('online')
  @IsBoolean()
  autoConfirmed?: boolean;

  @ApiPropertyOptional({ description: 'online: the platform', example: '郯城县政府信息公开申请平台' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  platform?: string;

  @ApiPropertyOptional({ description: 'fax: the day the fax arrived (fax log)' })
  @on('fax')
  @IsIsoDate()
  faxReceivedOn?: IsoDate;
}
