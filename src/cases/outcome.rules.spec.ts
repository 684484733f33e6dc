import type { OutcomeDetail } from './case-details.js';
import { validateOutcome } from './outcome.rules.js';
import type { Outcome } from './outcome.js';

const reasons = '该信息属于行政机关内部研究讨论形成的过程稿，尚未形成正式文件。';

describe('validateOutcome', () => {
  it.each<[Outcome, Partial<OutcomeDetail>, string[]]>([
    ['disclosed', { basis: '', reasons: '' }, []],
    ['already_public', { basis: '', reasons: '' }, ['detail.accessInstructions']],
    ['already_public', { accessInstructions: '郯城县人民政府网站“政府信息公开”栏目' }, []],
    ['withheld_process_info', {}, ['detail.reasons']],
    ['withheld_prohibited_by_law', { reasons }, ['detail.basis']],
    ['withheld_prohibited_by_law', { basis: '《中华人民共和国统计法》第三十九条', reasons }, []],
    ['other', { reasons }, ['detail.basis']],
    ['withheld_process_info', { basis: '第十六条第二款', reasons: '太短' }, ['detail.reasons']],
    ['withheld_process_info', { basis: '第十六条第二款', reasons }, []],
    [
      'partially_disclosed',
      { basis: '第三十七条', reasons },
      ['detail.withheldParts', 'detail.withheldGrounds'],
    ],
    [
      'partially_disclosed',
      { basis: '第三十七条', reasons, withheldParts: '个人身份证号码', withheldGrounds: ['disclosed'] },
      ['detail.withheldGrounds'],
    ],
    [
      'partially_disclosed',
      {
        basis: '第三十七条',
        reasons,
        withheldParts: '个人身份证号码',
        withheldGrounds: ['withheld_third_party'],
      },
      [],
    ],
    ['not_held', { basis: '第三十六条第（四）项', reasons }, ['detail.searchDescription']],
    [
      'not_responsible',
      { basis: '第三十六条第（五）项', reasons, competentAgency: { name: '郯城县住建局', contact: '' } },
      ['detail.competentAgency.contact'],
    ],
    [
      'repeat_application',
      { basis: '第三十六条第（六）项', reasons, earlierReply: { date: '2026-03-01', reference: '' } },
      ['detail.earlierReply'],
    ],
    ['petition_complaint', { basis: '第三十九条第一款', reasons }, ['detail.properChannel']],
    ['special_procedure', { basis: '第三十六条第（七）项', reasons }, ['detail.specialProcedure']],
    ['withdrawn', {}, ['outcome']],
    ['deemed_withdrawn_fee', {}, ['outcome']],
    ['disclosed', { providedForm: '电子数据' }, ['detail.formReason']],
  ])('%s %j → %j', (outcome, detail, fields) => {
    expect(validateOutcome(outcome, detail).map((e) => e.field)).toEqual(fields);
  });

  it('refuses a 重复申请 whose earlier reply is not earlier than this application (Art. 36(6))', () => {
    const detail = (date: string) => ({
      basis: '第三十六条第（六）项',
      reasons,
      earlierReply: { date, reference: '郯自然资信复〔2026〕3号' },
    });
    const fields = (date: string) =>
      validateOutcome('repeat_application', detail(date), { receivedOn: '2026-11-20' }).map((e) => e.field);
    expect(fields('2026-11-19')).toEqual([]);
    expect(fields('2026-11-20')).toEqual(['detail.earlierReply.date']);
    expect(fields('2026-11-25')).toEqual(['detail.earlierReply.date']);
  });

  it('explains each missing fact in Chinese, citing the article', () => {
    const [error] = validateOutcome('not_held', { basis: '第三十六条第（四）项', reasons });
    expect(error.message).toContain('第三十六条第（四）项');
  });
});
