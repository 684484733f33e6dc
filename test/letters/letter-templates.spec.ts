import fs from 'node:fs';
import path from 'node:path';
import { OUTCOME_CODES } from '../../src/cases/outcome.js';
import { DomainError } from '../../src/common/errors/domain-error.js';
import { findTemplatesDir, renderLetterHtml } from '../../src/letters/letter-renderer.js';
import { LETTER_TYPE_CODES, LETTER_TYPES, OUTCOME_LETTERS } from '../../src/letters/letter-types.js';
import type { LetterType, LetterViewModels } from '../../src/letters/letter-view-models.js';
import { remedyParagraph } from '../../src/letters/remedy.rules.js';

/**
 * Golden HTML: every template rendered from its sample.json must equal test/golden/letters/<type>.html.
 * After a deliberate change, `UPDATE_GOLDEN=1 npm test -- letter-renderer` rewrites them; review the diff.
 */
const templates = findTemplatesDir();
const goldenDir = path.resolve(templates, '..', 'test', 'golden', 'letters');
const update = process.env.UPDATE_GOLDEN === '1';

const sample = <T extends LetterType>(type: T): LetterViewModels[T] =>
  JSON.parse(
    fs.readFileSync(path.join(templates, 'letters', type, 'sample.json'), 'utf8'),
  ) as LetterViewModels[T];

describe('letter templates', () => {
  it('has a template folder with letter.hbs and sample.json for every registered type, and nothing else', () => {
    const folders = fs.readdirSync(path.join(templates, 'letters')).sort();
    expect(folders).toEqual([...LETTER_TYPE_CODES].sort());
    for (const type of LETTER_TYPE_CODES) {
      expect(fs.readdirSync(path.join(templates, 'letters', type)).sort()).toEqual([
        'letter.hbs',
        'sample.json',
      ]);
    }
  });

  it.each(OUTCOME_CODES)('maps the outcome %s to a letter that answers it', (outcome) => {
    expect(LETTER_TYPES[OUTCOME_LETTERS[outcome]].outcomes).toContain(outcome);
  });

  it('never prints unescaped values (no triple braces in any template)', () => {
    const files = [
      ...LETTER_TYPE_CODES.map((t) => path.join(templates, 'letters', t, 'letter.hbs')),
      ...fs.readdirSync(path.join(templates, 'partials')).map((f) => path.join(templates, 'partials', f)),
    ];
    for (const file of files)
      expect({ file, raw: fs.readFileSync(file, 'utf8').includes('{{{') }).toEqual({ file, raw: false });
  });

  it.each(LETTER_TYPE_CODES)('renders %s from its sample exactly as the golden file', (type) => {
    const document = renderLetterHtml(type, sample(type));
    // The head is the same for every letter (title and the inlined letter.css, checked below); the
    // golden file holds the body, where the letters differ.
    expect(document).toContain(`<title>${LETTER_TYPES[type].title}</title>`);
    expect(document).toContain(fs.readFileSync(path.join(templates, 'letter.css'), 'utf8'));
    const html = document.slice(document.indexOf('<body>'));
    const golden = path.join(goldenDir, `${type}.html`);
    if (update) {
      fs.mkdirSync(goldenDir, { recursive: true });
      fs.writeFileSync(golden, html);
    }
    expect(html).toBe(fs.readFileSync(golden, 'utf8'));
  });

  it.each(LETTER_TYPE_CODES.filter((t) => LETTER_TYPES[t].act !== null))(
    'the %s sample carries the remedy paragraph the rules give today',
    (type) => {
      const vm = sample(type) as unknown as LetterViewModels['reply_withheld'];
      const profile = {
        reconsiderationBodyName: '郯城县人民政府',
        reconsiderationBodyAddress: '山东省临沂市郯城县人民路100号',
        courtName: '有管辖权的人民法院',
      };
      expect(vm.remedy).toBe(remedyParagraph(profile, vm.outcome, LETTER_TYPES[type].act!));
    },
  );

  it('prints markup in a reason as text', () => {
    const vm = {
      ...sample('reply_withheld'),
      reasons: '<script>alert(1)</script><b>加粗</b> & "引号"\n<img src=x onerror=alert(2)>',
    };
    const html = renderLetterHtml('reply_withheld', vm);
    expect(html).toContain(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;加粗&lt;/b&gt; &amp; &quot;引号&quot;</p>',
    );
    expect(html).toContain('<p>&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;</p>');
    expect(html).not.toMatch(/<script|<b>|<img src=x/);
  });

  it('escapes case facts too (an applicant name with markup)', () => {
    const vm = { ...sample('receipt'), applicant: { name: '<i>张三</i>', organisation: false } };
    expect(renderLetterHtml('receipt', vm)).toContain('&lt;i&gt;张三&lt;/i&gt;：');
  });

  it.each([
    [
      'a missing top-level field',
      'reply_not_held',
      (vm: Record<string, unknown>) => delete vm.searchDescription,
      'searchDescription',
    ],
    [
      'a missing nested field',
      'reply_not_responsible',
      (vm: Record<string, unknown>) => delete (vm.competentAgency as Record<string, unknown>).contact,
      'competentAgency.contact',
    ],
    [
      'an absent (not null) field tested by #if',
      'reply_withheld',
      (vm: Record<string, unknown>) => delete (vm.procedure as Record<string, unknown>).extension,
      'procedure.extension',
    ],
    ['a missing agency', 'receipt', (vm: Record<string, unknown>) => delete vm.agency, 'agency.name'],
    [
      'a missing date',
      'extension_notice',
      (vm: Record<string, unknown>) => delete vm.extendedDueDate,
      'extendedDueDate',
    ],
  ] as const)('refuses %s with an error naming the field', (_title, type, mutate, field) => {
    const vm = structuredClone(sample(type)) as unknown as Record<string, unknown>;
    mutate(vm);
    let caught: unknown;
    try {
      renderLetterHtml(type, vm as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code: 'LETTER_DATA_INVALID', extensions: { field, letterType: type } });
    expect((caught as DomainError).detail).toContain(`缺少字段“${field}”`);
  });

  it.each([
    ['an impossible date', { date: '2026-02-30' }, '不是合法日期'],
    [
      'an unknown channel',
      { application: { ...sample('receipt').application, channel: 'pigeon' } },
      '申请渠道',
    ],
    [
      'a seal that is not an embedded image',
      { agency: { ...sample('receipt').agency, sealImage: 'https://x/seal.png' } },
      '印章图片',
    ],
  ])('refuses %s', (_title, change, message) => {
    expect(() => renderLetterHtml('receipt', { ...sample('receipt'), ...change } as never)).toThrow(message);
  });

  it('prints the agency seal image when configured, and a placeholder otherwise', () => {
    const seal = 'data:image/png;base64,iVBORw0KGgo=';
    const withSeal = renderLetterHtml('receipt', {
      ...sample('receipt'),
      agency: { ...sample('receipt').agency, sealImage: seal },
    });
    expect(withSeal).toContain('<img class="seal" src="data:image/png;base64,iVBORw0KGgo&#x3D;"');
    expect(renderLetterHtml('receipt', sample('receipt'))).toContain('seal-placeholder');
  });

  it('addresses an organisation as 贵单位 and a person as 您', () => {
    const organisation = renderLetterHtml('fee_notice', sample('fee_notice'));
    expect(organisation).toContain('收到贵单位通过互联网渠道提交的政府信息公开申请');
    expect(renderLetterHtml('receipt', sample('receipt'))).toContain(
      '收到您通过互联网渠道提交的政府信息公开申请',
    );
  });

  it.each([
    ['withheld_state_secret', '属于依法确定为国家秘密的政府信息'],
    ['withheld_third_party', '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害'],
    ['withheld_enforcement_file', '属于行政执法案卷信息'],
  ] as const)('words the ground of %s in the statute’s terms', (outcome, words) => {
    expect(renderLetterHtml('reply_withheld', { ...sample('reply_withheld'), outcome })).toContain(
      `政府信息${words}，理由如下`,
    );
  });
});
