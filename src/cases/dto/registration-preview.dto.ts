import type { IsoDate } from '../../common/clock/dates.js';
import type { FieldError } from '../../common/errors/domain-error.js';
import type { ApplicantType } from '../applicant-type.js';
import type { ReceiptEvidence } from '../receipt.rules.js';

/** What the clerk sees while typing a registration: the dates the law derives, and warnings. */
export interface RegistrationPreview {
  /** Null while the evidence does not yet determine a receipt date (or is wrong: see receiptErrors). */
  readonly receipt: {
    readonly receivedOn: IsoDate;
    readonly rule: string;
    readonly explanation: string;
    /** Art. 30: last day for a 补正 notice (receipt + 7 WD). */
    readonly correctionNoticeDueOn: IsoDate;
    /** Art. 33 para 2: receipt + 20 WD, before any pause or extension. */
    readonly dueOn: IsoDate;
    readonly provisional: boolean;
  } | null;
  readonly receiptErrors: FieldError[];
  /** Possible repeat (Art. 36(6)), possible petition (Art. 39), late confirmation, many applications. */
  readonly warnings: string[];
}

export interface RegistrationPreviewInput {
  readonly evidence: ReceiptEvidence;
  readonly applicantId?: string;
  /** A new applicant's ID number: finds an earlier applicant of this agency with it. */
  readonly idNumber?: string;
  readonly informationSought?: string;
}

/** An earlier applicant of the agency, for reuse at registration (ID number masked). */
export interface ApplicantMatch {
  readonly id: string;
  readonly name: string;
  readonly type: ApplicantType;
  readonly typeLabel: string;
  readonly idNumberMasked: string;
  readonly phone: string;
  readonly address: string;
  readonly lastReceivedOn: IsoDate | null;
  readonly applications: number;
}
