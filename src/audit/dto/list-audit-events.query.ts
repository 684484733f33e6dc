import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { AUDIT_EVENT_TYPES, type AuditEventType } from '../audit-event-type.js';

export class ListAuditEventsQuery {
  @ApiPropertyOptional({ enum: AUDIT_EVENT_TYPES })
  @IsOptional()
  @IsIn(AUDIT_EVENT_TYPES)
  type?: AuditEventType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '不是有效的编号' })
  actorUserId?: string;

  @ApiPropertyOptional({ description: 'The record the event is about (user id, agency id…)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  subjectId?: string;

  @ApiPropertyOptional({ description: 'Only events older than this id (paging)' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: '必须是事件编号' })
  beforeId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
