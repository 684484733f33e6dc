import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { CaseLettersController } from './case-letters.controller.js';
import { CaseLettersService } from './case-letters.service.js';
import { LettersModule } from './letters.module.js';

/**
 * The letters of a case over HTTP. A module of its own because it needs the cases module (clock,
 * timeline) while the cases module needs LettersModule (the reply letter is issued with the reply).
 */
@Module({
  imports: [LettersModule, CasesModule],
  controllers: [CaseLettersController],
  providers: [CaseLettersService],
  exports: [CaseLettersService],
})
export class CaseLettersModule {}
