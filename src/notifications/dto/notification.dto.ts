import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { toBool, toInt } from '../../common/validation/query-transforms.js';
import { IsBoolean, IsEmail, IsInt, IsOptional, Max, MaxLength, Min, ValidateIf } from 'class-validator';

export class ListNotificationsQuery {
  @ApiPropertyOptional({ description: 'Only unread ones' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class NotificationResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['reminder', 'digest'] }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiPropertyOptional({ type: String, nullable: true }) caseId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) agencyId: string | null;
  @ApiProperty() data: Record<string, unknown>;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) readAt: string | null;
  @ApiProperty({ enum: ['none', 'pending', 'sending', 'sent', 'failed'], description: 'The e-mail copy' })
  emailStatus: string;
}

export class NotificationPageResponse {
  @ApiProperty({ type: NotificationResponse, isArray: true }) items: NotificationResponse[];
  @ApiProperty() unreadCount: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class MarkedResponse {
  @ApiProperty() marked: number;
}

export class NotificationSettingsDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'zhangsan@tancheng.gov.cn' })
  @ValidateIf((_, value) => value !== null && value !== undefined && value !== '')
  @IsEmail({}, { message: '不是有效的电子邮箱地址' })
  @MaxLength(200)
  email?: string | null;

  @ApiProperty({ description: 'Send my reminders by e-mail too' })
  @IsBoolean()
  emailEnabled: boolean;
}

export class NotificationSettingsResponse {
  @ApiPropertyOptional({ type: String, nullable: true }) email: string | null;
  @ApiProperty() emailEnabled: boolean;
  @ApiProperty({ description: 'SMTP is configured on the server: without it, reminders stay in the app' })
  emailAvailable: boolean;
}
