import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { formatDocumentNumber } from './letter-format.js';
import { DOCUMENT_SERIES, seriesPrefix, type DocumentSeries } from './letter-types.js';

export interface AssignedDocumentNumber {
  readonly series: DocumentSeries;
  readonly year: number;
  readonly sequence: number;
  /** As printed: 郯自然资信复〔2026〕12号. */
  readonly documentNumber: string;
}

/**
 * Assigns 发文字号 per agency, year and series, inside the caller's issuing transaction: the upsert
 * takes the counter row's lock until that transaction ends, so simultaneous issues get consecutive
 * distinct numbers, and a rolled-back issue gives its number back (no gaps).
 */
@Injectable()
export class DocumentNumberService {
  async assign(
    manager: EntityManager,
    agencyId: string,
    series: DocumentSeries,
    year: number,
  ): Promise<AssignedDocumentNumber> {
    if (!manager.queryRunner?.isTransactionActive) {
      // Outside a transaction the number would be spent even if the letter is never stored.
      throw new Error('DocumentNumberService.assign() must run inside the issuing transaction');
    }
    if (!(DOCUMENT_SERIES as readonly string[]).includes(series)) {
      throw new DomainError('LETTER_NUMBER_SERIES_INVALID', `未知的发文字号序列：${series}`);
    }
    const rows = (await manager.query(
      `INSERT INTO document_number_counter AS c (agency_id, year, series, last_number)
       VALUES ($1, $2, $3, 1)
       ON CONFLICT (agency_id, year, series) DO UPDATE SET last_number = c.last_number + 1, updated_at = now()
       RETURNING c.last_number AS sequence,
                 (SELECT doc_number_prefix FROM agency WHERE id = $1) AS prefix`,
      [agencyId, year, series],
    )) as Array<{ sequence: number; prefix: string }>;
    const { sequence, prefix } = rows[0];
    return {
      series,
      year,
      sequence,
      documentNumber: formatDocumentNumber(seriesPrefix(prefix, series), year, sequence),
    };
  }
}
