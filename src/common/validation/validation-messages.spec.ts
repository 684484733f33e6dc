import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  validate,
} from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { isBlank, toFieldErrors } from './validation-messages.js';

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
        { field: 'channel', code: 'isIn', message: '取值无效', allowed: ['in_person', 'post'] },
        { field: 'copies', code: 'min', message: '不能小于 1' },
        { field: 'note', code: 'maxLength', message: '长度不能超过 5 个字符' },
      ]),
    );
    expect(errors.every((e) => /[\u4e00-\u9fff]/.test(e.message))).toBe(true);
  });
});

class Form {
  @IsString()
  @IsNotEmpty({ message: '须写明事由' })
  @MaxLength(10)
  reason: string;

  @IsString()
  @MaxLength(10)
  title: string;

  @IsInt()
  @Min(1)
  @Max(100)
  page: number;

  @IsIn(['a', 'b'])
  choice: string;

  @Matches(/^\d+$/, { message: '只能是数字' })
  @MaxLength(3)
  code: string;
}

describe('toFieldErrors picks the relevant message of a field', () => {
  const errorsOf = async (plain: object, value = true) =>
    toFieldErrors(
      await validate(plainToInstance(Form, plain), { validationError: { target: false, value } }),
    );
  const valid = { reason: '理由', title: '标题', page: 1, choice: 'a', code: '12' };

  it.each<[string, object, string, Array<[string, string]>]>([
    [
      'missing with a required rule: only that rule',
      { reason: undefined },
      'reason',
      [['isNotEmpty', '须写明事由']],
    ],
    ['missing without one: 不能为空', { title: undefined }, 'title', [['isDefined', '不能为空']]],
    ['a blank choice: 请选择一项', { choice: ' \u200B ' }, 'choice', [['isNotEmpty', '请选择一项']]],
    ['a missing choice: 请选择一项', { choice: undefined }, 'choice', [['isDefined', '请选择一项']]],
    ['the wrong kind: only the kind', { page: 'abc' }, 'page', [['isInt', '必须是整数']]],
    ['out of range: the range', { page: 0 }, 'page', [['min', '不能小于 1']]],
    [
      'two format rules: both',
      { code: 'abcd' },
      'code',
      [
        ['matches', '只能是数字'],
        ['maxLength', '长度不能超过 3 个字符'],
      ],
    ],
  ])('%s', async (_label, change, field, expected) => {
    const errors = (await errorsOf({ ...valid, ...change })).filter((e) => e.field === field);
    expect(errors.map((e) => [e.code, e.message]).sort()).toEqual(expected);
  });

  it('prefers the required rule even when the value is not on the error', async () => {
    const errors = await errorsOf({ ...valid, reason: '' }, false);
    expect(errors).toEqual([{ field: 'reason', code: 'isNotEmpty', message: '须写明事由' }]);
  });
});

describe('isBlank', () => {
  it.each([
    ['', true],
    ['   ', true],
    ['\u3000', true],
    ['\u200B\uFEFF\u00A0', true],
    ['\t\r\n', true],
    ['\u3164', true],
    ['张三', false],
    [' a ', false],
  ])('%j → %s', (value, blank) => {
    expect(isBlank(value)).toBe(blank);
  });
});
