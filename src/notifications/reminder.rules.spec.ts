import { agencyDigest, reminderDue, reminderMessage, type ReminderCase } from './reminder.rules.js';

const TODAY = '2026-11-27';
const running: ReminderCase = { open: true, paused: false, dueOn: '2026-12-04', remainingWorkingDays: 5 };

describe('reminderDue', () => {
  it.each([
    ['6 working days left', { remainingWorkingDays: 6, dueOn: '2026-12-07' }, null],
    ['5 working days left', {}, 'due_in_5'],
    [
      '2 working days left (catching up after downtime)',
      { remainingWorkingDays: 2, dueOn: '2026-12-01' },
      'due_in_5',
    ],
    ['1 working day left', { remainingWorkingDays: 1, dueOn: '2026-11-30' }, 'due_in_1'],
    ['due today', { remainingWorkingDays: 0, dueOn: TODAY }, 'due_in_1'],
    ['due yesterday', { remainingWorkingDays: -1, dueOn: '2026-11-26' }, 'overdue'],
    ['paused (consultation)', { paused: true }, null],
    ['paused and overdue', { paused: true, remainingWorkingDays: -3, dueOn: '2026-11-20' }, null],
    ['waiting for a correction: no due date', { dueOn: null, remainingWorkingDays: null }, null],
    ['closed', { open: false }, null],
  ] as const)('%s → %s', (_what, change, expected) => {
    expect(reminderDue({ ...running, ...change }, TODAY)).toBe(expected);
  });
});

describe('messages', () => {
  const facts = {
    caseNumber: '2026-00012',
    agencyName: '郯城县自然资源局',
    informationSought: '2025年度郯城县城区土地征收补偿安置方案',
    dueOn: '2026-12-04',
    remainingWorkingDays: 5,
  };

  it('say how many working days are left, or that the period has run out (Art. 33)', () => {
    expect(reminderMessage('due_in_5', facts).title).toBe(
      '期限提醒：2026-00012 还剩 5 个工作日（2026-12-04）',
    );
    expect(reminderMessage('due_in_1', { ...facts, remainingWorkingDays: 0 }).title).toContain('今天到期');
    expect(reminderMessage('overdue', facts).body).toContain('第三十三条');
  });

  it('a digest lists overdue and due-soon cases, and is not sent when there are none', () => {
    const digest = agencyDigest(
      {
        agencyName: '郯城县自然资源局',
        overdue: [
          { caseNumber: '2026-00001', dueOn: '2026-11-20', remainingWorkingDays: -5, handlerName: '张承办' },
        ],
        dueSoon: [
          { caseNumber: '2026-00012', dueOn: '2026-12-04', remainingWorkingDays: 5, handlerName: null },
        ],
        paused: 2,
        open: 9,
      },
      TODAY,
    );
    expect(digest?.title).toBe('每日提醒：郯城县自然资源局 逾期未办 1 件，即将到期 1 件');
    expect(digest?.body.split('\n')).toEqual([
      '郯城县自然资源局 2026-11-27 办理情况：在办 9 件，其中暂停计时 2 件。',
      '逾期未办 1 件：',
      '  2026-00001  期限 2026-11-20（逾期 5 个工作日）  承办人：张承办',
      '5 个工作日内到期 1 件：',
      '  2026-00012  期限 2026-12-04（剩 5 个工作日）  承办人：未分办',
    ]);
    expect(agencyDigest({ agencyName: 'x', overdue: [], dueSoon: [], paused: 1, open: 3 }, TODAY)).toBeNull();
  });
});
