import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { TOKEN_TRANSPORTS, type TokenTransportChoice } from './token-transport.js';

export class SignInDto {
  @ApiProperty({ example: 'zrzyj.clerk' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  username: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({
    enum: TOKEN_TRANSPORTS,
    default: 'bearer',
    description:
      '`bearer`: tokens in the response body, for API clients (send `Authorization: Bearer <accessToken>`). ' +
      '`cookie`: tokens only in httpOnly SameSite=Strict cookies, for the web console.',
  })
  @IsOptional()
  @IsIn(TOKEN_TRANSPORTS)
  transport?: TokenTransportChoice;
}
