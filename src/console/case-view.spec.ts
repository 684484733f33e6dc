import { describeEvent } from './case-view.js';

describe('timeline sentences', () => {
  it.each([
    [
      'request_correction',
      { noticeSentOn: '2026-11-27', means: '邮寄', periodEndsOn: '2026-12-11', items: ['年份', '地块'] },
      '2026年11月27日告知补正（邮寄），补正期限至2026年12月11日。补正事项：年份；地块',
    ],
    ['assign', { handlerName: '县自然资源局承办人' }, '承办人：县自然资源局承办人'],
    ['issue_reply', { repliedOn: '2026-12-01' }, '2026年12月1日作出答复'],
    [
      'record_consultation_reply',
      { partyName: '某公司', repliedOn: '2026-12-01', result: 'objection', summary: '涉及商业秘密' },
      '“某公司”2026年12月1日回复：不同意公开。涉及商业秘密',
    ],
    ['archive', {}, ''],
  ])('%s reads as a sentence', (action, data, expected) => {
    expect(describeEvent({ action, data })).toBe(expected);
  });
});
