import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DocumentNumberService } from './document-number.service.js';
import { LetterIssuer } from './letter-issuer.service.js';
import { LetterPrinter, printerOptionsFrom } from './letter-printer.js';
import { loadRemedyTable, REMEDY_TABLE } from './remedy-table.provider.js';

/**
 * Letters: template rendering (pure, renderLetterHtml), the remedy table, the pre-issue check, 发文字号
 * assignment, the PDF printer (Chromium starts on the first print, not at boot) and LetterIssuer, which
 * issues a case's letters inside the caller's transaction. Imports nothing of the cases module, which
 * uses it for the reply letter; the HTTP API over a case's letters is CaseLettersModule.
 */
@Module({
  providers: [
    DocumentNumberService,
    LetterIssuer,
    {
      provide: LetterPrinter,
      useFactory: (config: AppConfig) => new LetterPrinter(printerOptionsFrom(config)),
      inject: [APP_CONFIG],
    },
    {
      provide: REMEDY_TABLE,
      useFactory: (config: AppConfig) => loadRemedyTable(config.remedyTableFile),
      inject: [APP_CONFIG],
    },
  ],
  exports: [DocumentNumberService, LetterPrinter, REMEDY_TABLE, LetterIssuer],
})
export class LettersModule {}
