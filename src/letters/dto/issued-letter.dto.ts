import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { IsoDate } from '../../common/clock/dates.js';
import type { DocumentSeries } from '../letter-types.js';
import type { LetterType } from '../letter-view-models.js';

export class PreIssueFindingDto {
  @ApiProperty({ enum: ['error', 'warning'] }) severity: 'error' | 'warning';
  @ApiProperty({ example: 'REPLY_OVERDUE' }) code: string;
  @ApiProperty({ example: '《政府信息公开条例》第三十三条' }) article: string;
  @ApiProperty() message: string;
}

export class IssuedLetterDto {
  @ApiProperty() id: string;
  @ApiProperty() caseId: string;
  @ApiProperty() type: LetterType;
  @ApiProperty({ example: '政府信息公开申请答复书' }) title: string;
  @ApiPropertyOptional({ type: String, nullable: true }) series: DocumentSeries | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '郯自然资信复〔2026〕12号' })
  documentNumber: string | null;
  @ApiProperty({ description: '成文日期' }) letterDate: IsoDate;
  @ApiProperty({ description: 'case, event:<seq> or consultation:<id>: what the letter documents' })
  subject: string;
  @ApiProperty({ description: 'SHA-256 of the stored PDF, hex' }) pdfSha256: string;
  @ApiProperty({ description: 'Size of the stored PDF in bytes' }) pdfBytes: number;
  @ApiProperty() issuedAt: string;
  @ApiProperty() issuedById: string;
  @ApiProperty() issuedByName: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The letter this one corrects' })
  supersedesId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The correction of this letter' })
  supersededById: string | null;
  @ApiProperty({ description: 'Not superseded: the letter that stands' }) current: boolean;
  @ApiProperty() correctionReason: string;
  @ApiProperty({ type: [PreIssueFindingDto], description: 'Pre-issue warnings when it was issued' })
  warnings: PreIssueFindingDto[];
  @ApiProperty({ example: '/api/v1/cases/…/letters/…/pdf' }) pdfUrl: string;
}

export class IssuedLetterDetailDto extends IssuedLetterDto {
  @ApiProperty({ description: 'The data the letter printed', type: Object })
  viewModel: Record<string, unknown>;
}

export class LetterDraftDto {
  @ApiProperty() type: LetterType;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ type: String, nullable: true }) series: DocumentSeries | null;
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'No 文号 yet: it is assigned when the letter is issued', type: Object })
  viewModel: Record<string, unknown>;
  @ApiProperty({ description: 'False when the pre-issue check would refuse the letter' }) ok: boolean;
  @ApiProperty({ type: [PreIssueFindingDto] }) errors: PreIssueFindingDto[];
  @ApiProperty({ type: [PreIssueFindingDto] }) warnings: PreIssueFindingDto[];
}
