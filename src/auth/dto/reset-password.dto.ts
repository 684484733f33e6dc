import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class ResetPasswordDto {
  @ApiPropertyOptional({
    format: 'password',
    description: 'The new one-time password; omitted → one is generated and returned once',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  temporaryPassword?: string;
}
