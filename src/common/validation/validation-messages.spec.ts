import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
  validate,
} from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { toFieldErrors } from './validation-messages.js';

class Applicant {
  @IsString()
  @IsNotEmpty()
  name: string;

  @Matches(/^\d{6}$/, { message: '邮政编码应为 6 位数字' })
  postcode: string;
}

class Registration {
  @ValidateNested()
  @Type(() => Applicant)
  applicant: Applicant;

  @IsIn(['in_person', 'post'])
  channel: string;

  @IsInt()
  @Min(1)
  copies: number;

  @MaxLength(5)
  note: string;
}

describe('toFieldErrors', () => {
  it('flattens nested errors to dotted paths with Chinese messages', async () => {
    const dto = plainToInstance(Registration, {
      applicant: { name: '', postcode: 'abc' },
      channel: 'fax',
      copies: 0,
      note: 'too long',
    });
    const errors = toFieldErrors(await validate(dto));
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'applicant.name', code: 'isNotEmpty', message: '不能为空' },
        { field: 'applicant.postcode', code: 'matches', message: '邮政编码应为 6 位数字' },
        { field: 'channel', code: 'isIn', message: '必须是以下取值之一：in_person、post' },
        { field: 'copies', code: 'min', message: '不能小于 1' },
        { field: 'note', code: 'maxLength', message: '长度不能超过 5 个字符' },
      ]),
    );
    expect(errors.every((e) => /[\u4e00-\u9fff]/.test(e.message))).toBe(true);
  });
});
