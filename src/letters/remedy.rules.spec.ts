import { OUTCOME_CODES, type Outcome } from '../cases/outcome.js';
import { DomainError } from '../common/errors/domain-error.js';
import {
  DEFAULT_REMEDY_TABLE,
  parseRemedyTable,
  remedyParagraph,
  remedyProfileProblems,
  WITHHELD_OUTCOMES,
  type RemedyProfile,
} from './remedy.rules.js';

const COUNTY: RemedyProfile = {
  reconsiderationBodyName: '郯城县人民政府',
  reconsiderationBodyAddress: '山东省临沂市郯城县人民路100号',
  courtName: '有管辖权的人民法院',
};

describe('remedyParagraph', () => {
  it.each<[string, Outcome, string]>([
    [
      '予以公开: both routes, body with address, 60 days, 6 months',
      'disclosed',
      '如对本答复不服，可以自收到本答复之日起60日内向郯城县人民政府（地址：山东省临沂市郯城县人民路100号）申请行政复议，' +
        '或者自收到本答复之日起6个月内向有管辖权的人民法院提起行政诉讼。',
    ],
    [
      '不予公开: 复议前置 (复议法 Art. 23)',
      'withheld_process_info',
      '根据《中华人民共和国行政复议法》第二十三条的规定，如对本答复不服，应当自收到本答复之日起60日内先向' +
        '郯城县人民政府（地址：山东省临沂市郯城县人民路100号）申请行政复议；对行政复议决定不服的，' +
        '可以自收到行政复议决定书之日起15日内依法向有管辖权的人民法院提起行政诉讼；行政复议机关逾期不作决定的，' +
        '可以自行政复议期满之日起15日内依法向有管辖权的人民法院提起行政诉讼。',
    ],
    [
      '部分公开: 复议前置 for the withheld part, both routes for the rest',
      'partially_disclosed',
      '根据《中华人民共和国行政复议法》第二十三条的规定，对本答复中不予公开的部分不服的，应当自收到本答复之日起60日内先向' +
        '郯城县人民政府（地址：山东省临沂市郯城县人民路100号）申请行政复议；对行政复议决定不服的，' +
        '可以自收到行政复议决定书之日起15日内依法向有管辖权的人民法院提起行政诉讼；行政复议机关逾期不作决定的，' +
        '可以自行政复议期满之日起15日内依法向有管辖权的人民法院提起行政诉讼。' +
        '对本答复的其他内容不服的，可以自收到本答复之日起60日内向郯城县人民政府申请行政复议，' +
        '或者自收到本答复之日起6个月内向有管辖权的人民法院提起行政诉讼。',
    ],
  ])('%s', (_title, outcome, expected) => {
    expect(remedyParagraph(COUNTY, outcome, '答复')).toBe(expected);
  });

  it.each([
    [
      'no address known: the name alone',
      { ...COUNTY, reconsiderationBodyAddress: '  ' },
      '向郯城县人民政府申请行政复议',
    ],
    ['a named court', { ...COUNTY, courtName: '临沂市兰山区人民法院' }, '向临沂市兰山区人民法院提起行政诉讼'],
    ['a blank court falls back to the default wording', { ...COUNTY, courtName: '' }, '向有管辖权的人民法院'],
    [
      'the county government itself: the city government reviews (复议法 Art. 24)',
      { ...COUNTY, reconsiderationBodyName: '临沂市人民政府', reconsiderationBodyAddress: '' },
      '向临沂市人民政府申请行政复议',
    ],
  ])('%s', (_title, profile, fragment) => {
    expect(remedyParagraph(profile, 'not_held', '答复')).toContain(fragment);
  });

  it('names the act as the letter calls itself', () => {
    expect(remedyParagraph(COUNTY, 'repeat_application', '告知书')).toMatch(
      /^如对本告知书不服，可以自收到本告知书之日起60日内/,
    );
  });

  it('gives no remedy sentence for a withdrawal the applicant asked for', () => {
    expect(remedyParagraph(COUNTY, 'withdrawn', '告知书')).toBeNull();
  });

  it.each(OUTCOME_CODES.filter((o) => o !== 'withdrawn'))(
    '%s: never the pre-2015 "3个月", always 60日 and one body',
    (outcome) => {
      const text = remedyParagraph(COUNTY, outcome, '答复') ?? '';
      expect(text).not.toMatch(/3个月|三个月/);
      expect(text).toContain('60日内');
      expect(text).not.toMatch(/或者[^，；。]*人民政府申请行政复议/);
      expect(text).toMatch(/6个月内|15日内/);
    },
  );

  it.each(WITHHELD_OUTCOMES)('%s (不予公开) takes 复议前置 by default', (outcome) => {
    expect(remedyParagraph(COUNTY, outcome, '答复')).toContain('应当自收到本答复之日起60日内先向');
  });

  it.each([
    ['a missing body', '', '未设置行政复议机关'],
    ['a blank body', '  ', '未设置行政复议机关'],
    ['a dual venue', '郯城县人民政府或者临沂市自然资源和规划局', '只能有一个'],
    ['a dual venue with 或', '临沂市自然资源和规划局或郯城县人民政府', '只能有一个'],
    ['a dual venue with 、', '郯城县人民政府、临沂市自然资源和规划局', '只能有一个'],
    ['a dual venue with /', '郯城县人民政府/临沂市自然资源和规划局', '只能有一个'],
    ['a dual venue with ／', '郯城县人民政府／临沂市自然资源和规划局', '只能有一个'],
    ['a dual venue with ，', '郯城县人民政府，临沂市自然资源和规划局', '只能有一个'],
    ['a dual venue with ；', '郯城县人民政府；临沂市自然资源和规划局', '只能有一个'],
    ['a dual venue with "or"', 'Tancheng County Government or Linyi Bureau', '只能有一个'],
  ])('refuses %s', (_title, body, message) => {
    const profile = { ...COUNTY, reconsiderationBodyName: body };
    expect(remedyProfileProblems(profile).join()).toContain(message);
    expect(() => remedyParagraph(profile, 'disclosed', '答复')).toThrow(DomainError);
  });

  // 复议法 Art. 24: where the law names the body (a county department's: the county government), the
  // profile may name no other — the reviewer's case is the superior department, the pre-2024 venue.
  const DEPARTMENT = {
    ...COUNTY,
    requiredReconsiderationBody: { name: '郯城县人民政府', basis: '行政复议法第二十四条第一款第（一）项' },
  };
  it.each<[string, string, readonly string[]]>([
    ['the body the law names', '郯城县人民政府', []],
    ['it with blanks around', ' 郯城县人民政府 ', []],
    [
      'the superior department',
      '临沂市自然资源和规划局',
      [
        '依照行政复议法第二十四条第一款第（一）项，本机关的行政复议机关应为“郯城县人民政府”，不能写成“临沂市自然资源和规划局”',
      ],
    ],
    [
      'another government',
      '临沂市人民政府',
      [
        '依照行政复议法第二十四条第一款第（一）项，本机关的行政复议机关应为“郯城县人民政府”，不能写成“临沂市人民政府”',
      ],
    ],
    [
      'both, the pre-2024 dual venue (one message, naming the body)',
      '临沂市自然资源和规划局或者郯城县人民政府',
      [
        '行政复议机关只能有一个，不能写成“临沂市自然资源和规划局或者郯城县人民政府”（2024年1月1日起不再向上级主管部门或者本级人民政府二选一），应为“郯城县人民政府”',
      ],
    ],
    ['nothing', '', ['未设置行政复议机关']],
  ])('with a body fixed by law, %s', (_title, body, problems) => {
    expect(remedyProfileProblems({ ...DEPARTMENT, reconsiderationBodyName: body })).toEqual(problems);
  });

  it.each([
    ['a name with 和 (not a separator)', '临沂市自然资源和规划局'],
    ['a vertical agency’s typed superior', '国家税务总局临沂市税务局'],
    ['the county government’s own body', '临沂市人民政府'],
  ])('accepts %s where no body is fixed', (_title, body) => {
    expect(remedyProfileProblems({ ...COUNTY, reconsiderationBodyName: body })).toEqual([]);
    expect(
      remedyProfileProblems({ ...COUNTY, reconsiderationBodyName: body, requiredReconsiderationBody: null }),
    ).toEqual([]);
  });
});

describe('parseRemedyTable', () => {
  it('keeps the defaults for outcomes it does not mention', () => {
    expect(parseRemedyTable({ not_held: 'review_first' })).toEqual({
      ...DEFAULT_REMEDY_TABLE,
      not_held: 'review_first',
    });
  });

  it('maps every outcome by default', () => {
    expect(Object.keys(DEFAULT_REMEDY_TABLE).sort()).toEqual([...OUTCOME_CODES].sort());
  });

  it.each([
    ['an unknown outcome', { nope: 'either' }, 'nope：不是已知的办理结果代码'],
    ['an unknown mode', { not_held: 'maybe' }, '不是 review_first'],
    ['不予公开 without 复议前置', { withheld_third_party: 'either' }, '第二十三条'],
    ['部分公开 without 复议前置 for the withheld part', { partially_disclosed: 'either' }, '第二十三条'],
    ['split for another outcome', { not_held: 'split' }, '只有部分公开'],
    ['not an object', ['either'], 'JSON 对象'],
  ])('refuses %s', (_title, input, message) => {
    expect(() => parseRemedyTable(input)).toThrow(message);
  });
});
