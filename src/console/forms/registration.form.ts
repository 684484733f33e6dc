import { CHANNELS, type Channel } from '../../cases/channel.js';
import { EVIDENCE_FIELDS } from '../../cases/receipt.rules.js';
import { bool, defined, localDateTimeToIso, text, type FormBody } from './form-values.js';
import { outcomeFromForm } from './outcome.form.js';

/**
 * The receipt evidence of the chosen channel only (条例 Art. 31): the form shows every channel's
 * fields, but a field of another channel is never sent on (the API would refuse it).
 */
export function evidenceFromForm(
  body: FormBody,
  timeZone: string,
  prefix = 'evidence.',
): Record<string, unknown> {
  const channel = text(body, `${prefix}channel`);
  if (!channel || !(CHANNELS as readonly string[]).includes(channel)) return defined({ channel });
  const fields = EVIDENCE_FIELDS[channel as Channel];
  const evidence: Record<string, unknown> = { channel };
  for (const field of fields) {
    const name = `${prefix}${channel}.${field}`;
    if (field === 'autoConfirmed') evidence[field] = bool(body, name);
    else if (field === 'submittedAt') evidence[field] = localDateTimeToIso(text(body, name), timeZone);
    else evidence[field] = text(body, name);
  }
  return defined(evidence);
}

/** The evidence inputs' starting values: every date today, the channel given. */
export function evidenceDefaults(channel: string, today: string): Record<string, string> {
  return {
    'evidence.channel': channel,
    'evidence.in_person.submittedOn': today,
    'evidence.oral.submittedOn': today,
    'evidence.post_signed.signedForOn': today,
    'evidence.post_unsigned.arrivedOn': today,
    'evidence.post_unsigned.confirmedOn': today,
    'evidence.fax.faxReceivedOn': today,
    'evidence.fax.confirmedOn': today,
    'evidence.online.autoConfirmed': 'true',
  };
}

/**
 * The registration form as RegisterCaseDto. Evidence inputs are named per channel
 * (`evidence.fax.confirmedOn`) so that two channels' fields never share a box; errors come back as
 * `evidence.confirmedOn` and are shown beside the chosen channel's field.
 */
export function registrationFromForm(body: FormBody, timeZone: string): Record<string, unknown> {
  const applicantId = text(body, 'applicantId');
  const agentName = text(body, 'applicant.agent.name');
  const applicant = applicantId
    ? undefined
    : defined({
        type: text(body, 'applicant.type'),
        name: text(body, 'applicant.name'),
        idType: text(body, 'applicant.idType'),
        idNumber: text(body, 'applicant.idNumber'),
        phone: text(body, 'applicant.phone'),
        email: text(body, 'applicant.email'),
        address: text(body, 'applicant.address'),
        postcode: text(body, 'applicant.postcode'),
        needsAssistance: bool(body, 'applicant.needsAssistance'),
        assistanceNote: text(body, 'applicant.assistanceNote'),
        agent: agentName
          ? defined({
              name: agentName,
              idType: text(body, 'applicant.agent.idType'),
              idNumber: text(body, 'applicant.agent.idNumber'),
              phone: text(body, 'applicant.agent.phone'),
              authorisation: text(body, 'applicant.agent.authorisation'),
            })
          : undefined,
      });
  return defined({
    applicantId,
    applicant,
    evidence: evidenceFromForm(body, timeZone),
    informationSought: text(body, 'informationSought'),
    informationReference: text(body, 'informationReference'),
    requestedForm: text(body, 'requestedForm'),
    deliveryMethod: text(body, 'deliveryMethod'),
    deliveryAddress: text(body, 'deliveryAddress'),
    handlerId: text(body, 'handlerId'),
    // Art. 33 para 1: answered at the counter; only sent when the clerk ticked it.
    onTheSpotReply: body.onTheSpot === 'true' ? outcomeFromForm(body, 'onTheSpotReply.') : undefined,
    note: text(body, 'note'),
  });
}

/**
 * Error paths of the DTO mapped to the form's input names: evidence errors go beside the chosen
 * channel's input (`evidence.fax.confirmedOn`).
 */
export function formFieldOf(field: string, body: FormBody, prefix = 'evidence.'): string {
  const channel = text(body, `${prefix}channel`);
  if (channel && field.startsWith(prefix) && field !== `${prefix}channel`) {
    return `${prefix}${channel}.${field.slice(prefix.length)}`;
  }
  return field;
}

/**
 * The labels of the registration form's fields, for the error summary at the top of the page: a bare
 * "不能为空" there would not say which field (the message beside the field needs no label).
 */
export const REGISTRATION_FIELD_LABELS: Readonly<Record<string, string>> = {
  'evidence.channel': '收件渠道',
  'evidence.in_person.submittedOn': '提交日期',
  'evidence.oral.submittedOn': '口头提出日期',
  'evidence.post_signed.signedForOn': '本机关签收日期',
  'evidence.post_signed.trackingNumber': '邮件号',
  'evidence.post_unsigned.arrivedOn': '信件到达日期',
  'evidence.post_unsigned.confirmedOn': '与申请人确认日期',
  'evidence.post_unsigned.confirmationMeans': '确认方式',
  'evidence.post_unsigned.lateConfirmationReason': '未在到达当日确认的原因',
  'evidence.online.submittedAt': '平台提交时间',
  'evidence.online.confirmedOn': '与申请人确认日期',
  'evidence.online.platform': '平台名称',
  'evidence.fax.faxReceivedOn': '传真收到日期',
  'evidence.fax.confirmedOn': '双方确认日期',
  'evidence.fax.confirmationMeans': '确认方式',
  applicant: '申请人',
  'applicant.type': '申请人类型',
  'applicant.name': '姓名或名称',
  'applicant.idType': '证件类型',
  'applicant.idNumber': '证件号码',
  'applicant.phone': '联系电话',
  'applicant.email': '电子邮箱',
  'applicant.address': '通讯地址',
  'applicant.postcode': '邮政编码',
  'applicant.assistanceNote': '需要的帮助',
  'applicant.agent.name': '代理人姓名',
  'applicant.agent.idType': '代理人证件类型',
  'applicant.agent.idNumber': '代理人证件号码',
  'applicant.agent.phone': '代理人联系电话',
  'applicant.agent.authorisation': '授权委托情况',
  informationSought: '所需政府信息',
  informationReference: '文号或其他特征',
  requestedForm: '信息的形式',
  deliveryMethod: '获取信息的方式',
  deliveryAddress: '送达地址',
  onTheSpotReply: '当场答复',
  handlerId: '承办人',
  note: '备注',
};
