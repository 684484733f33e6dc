import { IsString, Matches, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/validators.js';
import { applyDecorators } from '@nestjs/common';

/** Validation shared by create and update: the lengths of the agency table's columns. */
export const Text = (max: number) => applyDecorators(IsString(), MaxLength(max));
export const RequiredText = (max: number) => applyDecorators(IsString(), IsNotBlank(), MaxLength(max));
export const Postcode = () =>
  applyDecorators(IsString(), Matches(/^(\d{6})?$/, { message: '邮政编码应为 6 位数字' }));
export const Website = () =>
  applyDecorators(
    IsString(),
    MaxLength(200),
    Matches(/^(https?:\/\/\S+)?$/, { message: '网址应以 http:// 或 https:// 开头' }),
  );
