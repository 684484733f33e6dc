import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { TOKEN_TRANSPORTS, type TokenTransportChoice } from './token-transport.js';

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({
    format: 'password',
    description: '至少 10 个字符，含大写字母、小写字母、数字、符号中的至少三类，不含用户名',
  })
  @IsString()
  @MaxLength(200)
  newPassword: string;

  @ApiPropertyOptional({
    enum: TOKEN_TRANSPORTS,
    description: 'How to return the new session (default: as this request came)',
  })
  @IsOptional()
  @IsIn(TOKEN_TRANSPORTS)
  transport?: TokenTransportChoice;
}
