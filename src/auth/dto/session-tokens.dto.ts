import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MeDto } from './me.dto.js';

export class SessionTokensDto {
  @ApiPropertyOptional({ description: 'JWT for `Authorization: Bearer`; absent when transport=cookie' })
  accessToken?: string;

  @ApiPropertyOptional({ description: 'Single-use refresh token; absent when transport=cookie' })
  refreshToken?: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ format: 'date-time' })
  accessTokenExpiresAt: string;

  @ApiProperty({ format: 'date-time', description: 'The sign-in ends then, however often it is refreshed' })
  sessionExpiresAt: string;

  @ApiProperty({ type: MeDto })
  user: MeDto;
}
