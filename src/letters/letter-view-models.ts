import type { Channel } from '../cases/channel.js';
import type { Outcome } from '../cases/outcome.js';
import type { IsoDate } from '../common/clock/clock.js';
import type { WITHHELD_OUTCOMES } from './remedy.rules.js';

/*
 * The typed data each letter template prints. Case facts come from the case and the agency profile;
 * the handler's own words are limited to `reasons` and `searchDescription` (and the 补正 items, which
 * are the reasons of a 补正告知书). Statutory wording lives in the templates.
 *
 * Optional facts are `T | null`, never absent: the templates are compiled with Handlebars
 * `strict: true`, so a field that is missing altogether is an error naming it, not a blank.
 */

/** The issuing agency as its letters print it (src/agencies/agency.entity.ts). */
export interface AgencyVm {
  /** Full name: 发文机关标志 and 署名. */
  readonly name: string;
  readonly address: string;
  readonly postcode: string;
  readonly phone: string;
  readonly officeHours: string;
  readonly website: string;
  /** The agency's seal as `data:image/png;base64,…` (or jpeg) if configured; else a placeholder prints. */
  readonly sealImage: string | null;
}

/** 附注: who to call about this letter. */
export interface ContactVm {
  readonly person: string;
  readonly phone: string;
}

/** The addressee (主送): the applicant, a third party or another agency. */
export interface PartyVm {
  readonly name: string;
  /** Organisations are addressed as 贵单位, natural persons as 您. */
  readonly organisation: boolean;
}

/** The application as registered (条例 Art. 29, 31). */
export interface ApplicationVm {
  /** The case number (申请编号) shared by every letter of the case. */
  readonly caseNumber: string;
  /** 收到申请之日 as derived from the channel evidence (Art. 31), not the registration date. */
  readonly receivedOn: IsoDate;
  readonly channel: Channel;
  /** The information sought, as the applicant described it (Art. 29 para 2(二)). */
  readonly informationSought: string;
}

/** Earlier procedural steps a reply recites. */
export interface ProcedureVm {
  /** 补正 (Art. 30): the notice, and the day the corrected application was received. */
  readonly correction: { readonly noticeDate: IsoDate; readonly receivedOn: IsoDate } | null;
  /** 征求意见 (Art. 32, 34): time excluded from the period (Art. 33 para 3). */
  readonly consultation: { readonly sentOn: IsoDate; readonly party: string } | null;
  /** Extension approved by the head of the disclosure office and notified (Art. 33 para 2). */
  readonly extension: { readonly noticeDate: IsoDate; readonly newDueDate: IsoDate } | null;
}

/** What every letter has: issuer, number, date, contact. */
export interface LetterBaseVm {
  readonly agency: AgencyVm;
  /** 发文字号 (GB/T 9704 7.2.5), assigned on issue; null only for a letter type without a series. */
  readonly documentNumber: string | null;
  /** 成文日期. */
  readonly date: IsoDate;
  readonly contact: ContactVm;
}

/** A letter to the applicant about their application. */
export interface ApplicantLetterVm extends LetterBaseVm {
  readonly applicant: PartyVm;
  readonly application: ApplicationVm;
}

/** A final reply (答复书/告知书): legal basis and the remedy paragraph. */
export interface ReplyVm extends ApplicantLetterVm {
  readonly procedure: ProcedureVm;
  /** The provisions the decision rests on, printed verbatim (defaults: OUTCOMES[outcome].basis). */
  readonly legalBasis: string;
  /** From remedyParagraph(): never typed by hand. */
  readonly remedy: string;
}

/** A reply that refuses something: the handler's reasons (信息公开司法解释 Art. 5, 12). */
export interface ReasonedReplyVm extends ReplyVm {
  readonly reasons: string;
}

// —— Procedural documents ————————————————————————————————————————————————

/** 登记回执: the receipt slip. */
export interface ReceiptVm extends ApplicantLetterVm {
  /** The reply due date from the deadline engine (20 WD, Art. 33 para 2). */
  readonly replyDueDate: IsoDate;
}

/** 补正告知书 (Art. 30): every item at once, with a reasonable deadline. */
export interface CorrectionNoticeVm extends ApplicantLetterVm {
  /** What to correct and the guidance (指导和释明), one item each. */
  readonly items: readonly string[];
  readonly correctionDeadline: IsoDate;
}

/** 延期答复告知书 (Art. 33 para 2). */
export interface ExtensionNoticeVm extends ApplicantLetterVm {
  readonly originalDueDate: IsoDate;
  readonly extendedDueDate: IsoDate;
  readonly reasons: string;
}

/** 征求意见书 to a third party (Art. 32). Does not identify the applicant. */
export interface ThirdPartyConsultationVm extends LetterBaseVm {
  readonly thirdParty: PartyVm;
  readonly application: Pick<ApplicationVm, 'caseNumber' | 'receivedOn' | 'informationSought'>;
  /** Why disclosure may harm the third party's lawful rights. */
  readonly reasons: string;
}

/** 征求意见告知书 to the applicant: a consultation is under way and its time is not counted. */
export interface ConsultationApplicantNoticeVm extends ApplicantLetterVm {
  readonly consultationSentOn: IsoDate;
  /** 第三方 or 有关行政机关: who is consulted, in general terms (never a third party's name). */
  readonly consultedParty: 'third_party' | 'agency';
}

/** 征求意见函 to another agency (Art. 34 co-produced information; Art. 11 information concerning it). */
export interface AgencyConsultationVm extends LetterBaseVm {
  readonly consultedAgency: PartyVm;
  readonly application: Pick<ApplicationVm, 'caseNumber' | 'receivedOn' | 'informationSought'>;
  /** `co_produced`: Art. 34, silence for 15 WD is deemed consent; `concerns_agency`: Art. 11 para 1. */
  readonly basis: 'co_produced' | 'concerns_agency';
  readonly reasons: string;
}

/** One band of the 超额累进 fee (国办函〔2020〕109号). */
export interface FeeBandVm {
  /** e.g. 第31—40件 / 第31—100页. */
  readonly band: string;
  readonly quantity: number;
  readonly unitPriceYuan: number;
  readonly subtotalYuan: number;
}

/** 收费通知书 (109号): 依据、标准、数额、缴纳方式; 20 WD to pay. */
export interface FeeNoticeVm extends ApplicantLetterVm {
  readonly fee: {
    /** 按件计收 or 按量计收 (109号 Art. 3). */
    readonly method: 'per_item' | 'per_volume';
    /** Applications this calendar month (per item) or pages (per volume). */
    readonly quantity: number;
    readonly bands: readonly FeeBandVm[];
    readonly amountYuan: number;
  };
  readonly payment: {
    /** How to pay, from the agency's settings (e.g. 银行转账 / 到本机关窗口缴纳). */
    readonly method: string;
    readonly payee: string;
    readonly account: string | null;
    readonly bank: string | null;
  };
}

/** 说明理由告知书 (Art. 35): the number/frequency of applications looks excessive. */
export interface ReasonRequestVm extends ApplicantLetterVm {
  readonly applicationCount: number;
  readonly countingSince: IsoDate;
  readonly explanationDeadline: IsoDate;
}

// —— Replies, one per outcome (templates may serve several outcomes) ————————

/** 已主动公开 (Art. 36(1)) and 予以公开 (Art. 36(2)). */
export interface DisclosedReplyVm extends ReplyVm {
  readonly outcome: 'already_public' | 'disclosed';
  /** Art. 36(1): where it is published. Null for Art. 36(2). */
  readonly publication: { readonly where: string; readonly url: string | null } | null;
  /** Art. 36(2) and 37: how the information is provided (Art. 40). Null for Art. 36(1). */
  readonly provision: ProvisionVm | null;
}

export interface ProvisionVm {
  /** 纸质 / 电子文档 … */
  readonly form: string;
  /** 邮寄 / 电子邮件 / 当场领取 … */
  readonly method: string;
  readonly attachments: readonly string[];
}

/** 部分公开 (Art. 37). `legalBasis` covers the withheld part. */
export interface PartiallyDisclosedReplyVm extends ReasonedReplyVm {
  readonly outcome: 'partially_disclosed';
  readonly provision: ProvisionVm;
  /** The withheld content, described without revealing it. */
  readonly withheldPart: string;
}

/** 不予公开 on grounds 1–7 of Arts. 14–16. */
export type WithheldOutcome = (typeof WITHHELD_OUTCOMES)[number];

/** 不予公开 (Art. 36(3)) on grounds 1–7 of Arts. 14–16. */
export interface WithheldReplyVm extends ReasonedReplyVm {
  readonly outcome: WithheldOutcome;
}

/** 按特别规定办理 (Art. 36(7)): 工商、不动产登记资料 etc. */
export interface SpecialProcedureReplyVm extends ReasonedReplyVm {
  readonly outcome: 'special_procedure';
  /** The law or regulation with the special rules, e.g. 《不动产登记资料查询暂行办法》. */
  readonly specialRules: string;
  /** Where to go; address and phone print only when known (empty string: not printed). */
  readonly competentOffice: { readonly name: string; readonly address: string; readonly phone: string };
}

/** 信息不存在 (Art. 36(4)): the search performed is the evidence (信息公开司法解释 Art. 5). */
export interface NotHeldReplyVm extends ReasonedReplyVm {
  readonly outcome: 'not_held';
  readonly searchDescription: string;
}

/** 非本机关负责公开 (Art. 36(5)). */
export interface NotResponsibleReplyVm extends ReasonedReplyVm {
  readonly outcome: 'not_responsible';
  readonly competentAgency: { readonly name: string; readonly contact: string };
}

/** 没有现成信息需要另行制作 (Art. 38) and 补正后仍不明确 (Art. 30). */
export interface UnavailableReplyVm extends ReasonedReplyVm {
  readonly outcome: 'needs_creation' | 'unclear_after_correction';
}

/** 信访、投诉、举报 (Art. 39 para 1), naming the proper channel. */
export interface PetitionComplaintReplyVm extends ReasonedReplyVm {
  readonly outcome: 'petition_complaint';
  readonly properChannel: string;
}

/** 重复申请 (Art. 36(6)). */
export interface RepeatApplicationReplyVm extends ReasonedReplyVm {
  readonly outcome: 'repeat_application';
  readonly earlierReply: { readonly documentNumber: string; readonly date: IsoDate };
}

/** 要求提供公开出版物 (Art. 39 para 2). */
export interface PublicationRequestReplyVm extends ReasonedReplyVm {
  readonly outcome: 'publication_request';
  /**
   * Art. 39 para 2 "可以告知获取的途径": the title (empty: not printed) and where to obtain it (empty:
   * the letter says it is obtainable through public distribution, which a 公开出版物 is by definition).
   */
  readonly publication: { readonly title: string; readonly howToObtain: string };
}

/** 无正当理由大量反复申请 (Art. 35). */
export interface ExcessiveRequestsReplyVm extends ReasonedReplyVm {
  readonly outcome: 'excessive_requests';
  /** The 说明理由告知书 (Art. 35) and the applicant's explanation; null when none was sent. */
  readonly reasonRequest: { readonly date: IsoDate; readonly explanationReceivedOn: IsoDate | null } | null;
}

/** 要求行政机关确认或重新出具已获取信息. */
export interface ConfirmationRequestReplyVm extends ReasonedReplyVm {
  readonly outcome: 'confirmation_request';
}

/** 其他处理: the basis is the handler's choice and must be given. */
export interface OtherReplyVm extends ReasonedReplyVm {
  readonly outcome: 'other';
}

/** 视为放弃申请: no 补正 (Art. 30) or no fee paid (109号) by the deadline. */
export interface DeemedWithdrawnVm extends ReplyVm {
  readonly outcome: 'deemed_withdrawn_correction' | 'deemed_withdrawn_fee';
  /** The 补正告知书 or 收费通知书 the applicant did not answer. */
  readonly notice: {
    readonly date: IsoDate;
    readonly documentNumber: string | null;
    readonly deadline: IsoDate;
  };
}

/** The applicant withdrew the application: a confirmation, no remedy sentence. */
export interface WithdrawalConfirmationVm extends ApplicantLetterVm {
  readonly outcome: 'withdrawn';
  readonly withdrawnOn: IsoDate;
}

/** Every letter type and the data it prints. */
export interface LetterViewModels {
  receipt: ReceiptVm;
  correction_notice: CorrectionNoticeVm;
  extension_notice: ExtensionNoticeVm;
  third_party_consultation: ThirdPartyConsultationVm;
  consultation_applicant_notice: ConsultationApplicantNoticeVm;
  agency_consultation: AgencyConsultationVm;
  fee_notice: FeeNoticeVm;
  reason_request: ReasonRequestVm;
  reply_disclosed: DisclosedReplyVm;
  reply_partially_disclosed: PartiallyDisclosedReplyVm;
  reply_withheld: WithheldReplyVm;
  reply_special_procedure: SpecialProcedureReplyVm;
  reply_not_held: NotHeldReplyVm;
  reply_not_responsible: NotResponsibleReplyVm;
  reply_unavailable: UnavailableReplyVm;
  reply_petition_complaint: PetitionComplaintReplyVm;
  reply_repeat_application: RepeatApplicationReplyVm;
  reply_publication_request: PublicationRequestReplyVm;
  reply_excessive_requests: ExcessiveRequestsReplyVm;
  reply_confirmation_request: ConfirmationRequestReplyVm;
  reply_other: OtherReplyVm;
  deemed_withdrawn: DeemedWithdrawnVm;
  withdrawal_confirmation: WithdrawalConfirmationVm;
}

export type LetterType = keyof LetterViewModels;

/** Any outcome letter's view model carries its outcome. */
export type OutcomeOf<T extends LetterType> = LetterViewModels[T] extends { outcome: infer O extends Outcome }
  ? O
  : never;
