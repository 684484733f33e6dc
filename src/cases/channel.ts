/**
 * How an application reached the agency. The legal receipt date (收到申请之日) follows from the
 * channel and its evidence (条例 Art. 31), never from a date typed freely.
 */
export const CHANNELS = [
  'in_person', // 当面提交: the day it is handed in (Art. 31(1))
  'oral', // 口头提出，由工作机构代为填写 (Art. 29 para 1): the day it is made, like in person
  'post_signed', // 邮寄（需签收：挂号、EMS…）: the day the agency signs for it (Art. 31(2))
  'post_unsigned', // 平常信函: the day of confirmation with the applicant, due on the day of arrival (Art. 31(2))
  'online', // 互联网渠道: the day both sides confirm; a system's "提交成功" counts (Art. 31(3), 指导案例26号)
  'fax', // 传真: the day both sides confirm (Art. 31(3))
] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  in_person: '当面提交',
  oral: '口头提出（代为填写）',
  post_signed: '邮寄（需签收）',
  post_unsigned: '邮寄（平信）',
  online: '网络提交',
  fax: '传真',
};
