import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { TOKEN_TRANSPORTS, type TokenTransportChoice } from './token-transport.js';

export class RefreshDto {
  @ApiPropertyOptional({ description: 'The refresh token; omit when it travels in the `gip_refresh` cookie' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;

  @ApiPropertyOptional({
    enum: TOKEN_TRANSPORTS,
    description: 'How to return the new tokens (default: the way the refresh token came)',
  })
  @IsOptional()
  @IsIn(TOKEN_TRANSPORTS)
  transport?: TokenTransportChoice;
}
