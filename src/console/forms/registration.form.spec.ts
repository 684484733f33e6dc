import {
  evidenceFromForm,
  formFieldOf,
  REGISTRATION_FIELD_LABELS,
  registrationFromForm,
} from './registration.form.js';
import { summaryLine } from './form-values.js';

const TZ = 'Asia/Shanghai';

describe('registration form', () => {
  it('takes only the chosen channel’s evidence', () => {
    const body = {
      'evidence.channel': 'fax',
      'evidence.fax.faxReceivedOn': '2026-11-26',
      'evidence.fax.confirmedOn': '2026-11-27',
      'evidence.fax.confirmationMeans': '电话',
      'evidence.in_person.submittedOn': '2026-11-20',
      'evidence.post_unsigned.confirmedOn': '2026-11-01',
    };
    expect(evidenceFromForm(body, TZ)).toEqual({
      channel: 'fax',
      faxReceivedOn: '2026-11-26',
      confirmedOn: '2026-11-27',
      confirmationMeans: '电话',
    });
  });

  it('turns the online submission time into an instant and the confirmation into a boolean', () => {
    const body = {
      'evidence.channel': 'online',
      'evidence.online.submittedAt': '2026-11-26T21:15',
      'evidence.online.autoConfirmed': 'true',
      'evidence.online.platform': '',
    };
    expect(evidenceFromForm(body, TZ)).toEqual({
      channel: 'online',
      submittedAt: '2026-11-26T21:15:00+08:00',
      autoConfirmed: true,
    });
  });

  it('sends either the chosen earlier applicant or a new one, never both', () => {
    const body = {
      applicantId: '6f1b1f7e-2d7c-4b8a-9a55-0f3b8a2c1d11',
      'applicant.name': '张三',
      'evidence.channel': 'in_person',
      'evidence.in_person.submittedOn': '2026-11-27',
      informationSought: '某某文件',
    };
    const dto = registrationFromForm(body, TZ);
    expect(dto.applicantId).toBe(body.applicantId);
    expect(dto.applicant).toBeUndefined();
  });

  it('includes an agent only when the agent’s name is given', () => {
    const dto = registrationFromForm(
      { 'applicant.name': '张三', 'applicant.agent.idType': 'resident_id' },
      TZ,
    );
    expect((dto.applicant as Record<string, unknown>).agent).toBeUndefined();
  });

  it.each([
    ['evidence.confirmedOn', 'evidence.fax.confirmedOn'],
    ['evidence.channel', 'evidence.channel'],
    ['applicant.idNumber', 'applicant.idNumber'],
  ])('shows the error of %p beside %p', (field, input) => {
    expect(formFieldOf(field, { 'evidence.channel': 'fax' })).toBe(input);
  });
});

describe('summaryLine', () => {
  it.each([
    ['applicant.phone', '不能为空', '联系电话：不能为空'],
    ['applicant.idNumber', '证件号码不能为空', '证件号码不能为空'], // already names its field
    ['evidence.in_person.submittedOn', '不能晚于今天', '提交日期：不能晚于今天'],
    ['applicant.agent.phone', '不能为空', '代理人联系电话：不能为空'],
    ['unknown.field', '不能为空', '不能为空'],
  ])('%s “%s” → “%s”', (field, message, line) => {
    expect(summaryLine(field, message, REGISTRATION_FIELD_LABELS)).toBe(line);
  });
});
