import { deriveReceipt, type ReceiptEvidence } from './receipt.rules.js';

// 2026-11-28 00:41 in Shanghai (the reviewer's moment): today is 2026-11-28 there.
const context = {
  today: '2026-11-28',
  now: new Date('2026-11-27T16:41:00Z'),
  timeZone: 'Asia/Shanghai',
  field: 'evidence',
};

describe('receipt evidence that cannot have happened, or contradicts itself (Art. 31)', () => {
  it.each<[string, ReceiptEvidence, string, string]>([
    [
      'an online submission later today than now (19 hours ahead, in UTC−12)',
      { channel: 'online', submittedAt: '2026-11-27T23:59:59-12:00', autoConfirmed: true },
      'evidence.submittedAt',
      '提交时间不能晚于现在',
    ],
    [
      'an online submission one second from now',
      { channel: 'online', submittedAt: '2026-11-27T16:41:01Z', autoConfirmed: true },
      'evidence.submittedAt',
      '提交时间不能晚于现在',
    ],
    [
      'a confirmation date although the platform confirmed by itself',
      {
        channel: 'online',
        submittedAt: '2026-11-27T09:30:00Z',
        autoConfirmed: true,
        confirmedOn: '2026-11-27',
      },
      'evidence.confirmedOn',
      '平台已自动确认提交成功的，不应再填写确认日期（以系统确认之日为收到申请之日）',
    ],
    [
      'a confirmation before the submission, with the platform confirming by itself',
      {
        channel: 'online',
        submittedAt: '2026-11-27T09:30:00Z',
        autoConfirmed: true,
        confirmedOn: '2026-11-26',
      },
      'evidence.confirmedOn',
      '平台已自动确认提交成功的，不应再填写确认日期（以系统确认之日为收到申请之日）',
    ],
    [
      'a confirmation before the submission',
      {
        channel: 'online',
        submittedAt: '2026-11-27T09:30:00Z',
        autoConfirmed: false,
        confirmedOn: '2026-11-26',
      },
      'evidence.confirmedOn',
      '确认日期不能早于提交日期',
    ],
    [
      'a counter date before the calendar (1949)',
      { channel: 'in_person', submittedOn: '1900-01-01' },
      'evidence.submittedOn',
      '日期超出工作日历可计算的范围（1949年1月1日 至 2100年12月31日）',
    ],
    [
      'a postal signature before the calendar',
      { channel: 'post_signed', signedForOn: '1948-12-31' },
      'evidence.signedForOn',
      '日期超出工作日历可计算的范围（1949年1月1日 至 2100年12月31日）',
    ],
    [
      'an online submission before the calendar',
      { channel: 'online', submittedAt: '1900-01-01T09:00:00+08:00', autoConfirmed: true },
      'evidence.submittedAt',
      '日期超出工作日历可计算的范围（1949年1月1日 至 2100年12月31日）',
    ],
    [
      'a fax date in the future',
      { channel: 'fax', faxReceivedOn: '2026-11-29', confirmedOn: '2026-11-29', confirmationMeans: '电话' },
      'evidence.faxReceivedOn',
      '不能晚于今天',
    ],
  ])('refuses %s', (_, evidence, field, message) => {
    const result = deriveReceipt(evidence, context);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toContainEqual({ field, message });
  });

  it.each<[string, ReceiptEvidence, string]>([
    [
      'an online submission a minute ago, confirmed by the platform',
      { channel: 'online', submittedAt: '2026-11-27T16:40:00Z', autoConfirmed: true },
      '2026-11-28',
    ],
    [
      'an online submission exactly now',
      { channel: 'online', submittedAt: '2026-11-28T00:41:00+08:00', autoConfirmed: true },
      '2026-11-28',
    ],
    [
      'an online submission confirmed by the office the next day',
      {
        channel: 'online',
        submittedAt: '2026-11-26T09:30:00+08:00',
        autoConfirmed: false,
        confirmedOn: '2026-11-27',
      },
      '2026-11-27',
    ],
    ['the first day the calendar counts', { channel: 'in_person', submittedOn: '1949-01-01' }, '1949-01-01'],
    ['today at the counter', { channel: 'oral', submittedOn: '2026-11-28' }, '2026-11-28'],
  ])('accepts %s', (_, evidence, receivedOn) => {
    const result = deriveReceipt(evidence, context);
    expect(result.ok ? result.receipt.receivedOn : result.errors).toBe(receivedOn);
  });
});
