import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issued letters (src/letters/issued-letter.entity.ts): the rendered HTML, the printed PDF with its
 * SHA-256 and the view model of every letter a case issued. Immutable: a trigger refuses UPDATE,
 * DELETE and TRUNCATE; a correction is a new row superseding the old one.
 */
export class IssuedLetters1795790252777 implements MigrationInterface {
  name = 'IssuedLetters1795790252777';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "issued_letter" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "agency_id" uuid NOT NULL,
        "letter_type" character varying(40) NOT NULL,
        "subject" character varying(60) NOT NULL,
        "title" character varying(100) NOT NULL,
        "series" character varying(20),
        "year" integer,
        "sequence" integer,
        "document_number" character varying(60),
        "letter_date" date NOT NULL,
        "options" jsonb NOT NULL DEFAULT '{}',
        "view_model" jsonb NOT NULL,
        "html" text NOT NULL,
        "pdf" bytea NOT NULL,
        "pdf_sha256" character(64) NOT NULL,
        "warnings" jsonb NOT NULL DEFAULT '[]',
        "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "issued_by" uuid NOT NULL,
        "issued_by_name" character varying(40) NOT NULL,
        "supersedes_id" uuid,
        "correction_reason" text NOT NULL DEFAULT '',
        CONSTRAINT "issued_letter_correction_check" CHECK ((supersedes_id IS NULL) = (correction_reason = '')),
        CONSTRAINT "issued_letter_pdf_sha256_check" CHECK (pdf_sha256 = encode(sha256(pdf), 'hex')),
        CONSTRAINT "issued_letter_number_check" CHECK (
          (series IS NULL AND year IS NULL AND sequence IS NULL AND document_number IS NULL) OR
          (series IS NOT NULL AND year IS NOT NULL AND sequence > 0 AND document_number IS NOT NULL)),
        CONSTRAINT "issued_letter_series_check"
          CHECK (series IS NULL OR series IN ('reply', 'correction', 'extension', 'consultation', 'fee', 'notice')),
        CONSTRAINT "issued_letter_letter_type_check" CHECK (letter_type IN (
          'receipt', 'correction_notice', 'extension_notice', 'third_party_consultation',
          'consultation_applicant_notice', 'agency_consultation', 'fee_notice', 'reason_request',
          'reply_disclosed', 'reply_partially_disclosed', 'reply_withheld', 'reply_special_procedure',
          'reply_not_held', 'reply_not_responsible', 'reply_unavailable', 'reply_petition_complaint',
          'reply_repeat_application', 'reply_publication_request', 'reply_excessive_requests',
          'reply_confirmation_request', 'reply_other', 'deemed_withdrawn', 'withdrawal_confirmation')),
        CONSTRAINT "issued_letter_pkey" PRIMARY KEY ("id")
      )`);
    // One original per document of the case; a letter is superseded at most once; 文号 never repeat.
    await queryRunner.query(`
      CREATE UNIQUE INDEX "issued_letter_original_key" ON "issued_letter" ("case_id", "letter_type", "subject")
        WHERE supersedes_id IS NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "issued_letter_supersedes_id_key" ON "issued_letter" ("supersedes_id")`,
    );
    await queryRunner.query(`
      CREATE UNIQUE INDEX "issued_letter_agency_id_document_number_key"
        ON "issued_letter" ("agency_id", "document_number")`);
    await queryRunner.query(
      `CREATE INDEX "issued_letter_case_id_issued_at_idx" ON "issued_letter" ("case_id", "issued_at")`,
    );
    await queryRunner.query(`
      ALTER TABLE "issued_letter" ADD CONSTRAINT "issued_letter_case_id_fkey"
        FOREIGN KEY ("case_id") REFERENCES "disclosure_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`
      ALTER TABLE "issued_letter" ADD CONSTRAINT "issued_letter_agency_id_fkey"
        FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`
      ALTER TABLE "issued_letter" ADD CONSTRAINT "issued_letter_issued_by_fkey"
        FOREIGN KEY ("issued_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`
      ALTER TABLE "issued_letter" ADD CONSTRAINT "issued_letter_supersedes_id_fkey"
        FOREIGN KEY ("supersedes_id") REFERENCES "issued_letter"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    // An issued letter is a legal act as served: it is never changed or removed, only superseded.
    await queryRunner.query(`
      CREATE FUNCTION "issued_letter_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'issued_letter is immutable (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "issued_letter_immutable" BEFORE UPDATE OR DELETE ON "issued_letter"
        FOR EACH ROW EXECUTE FUNCTION "issued_letter_refuse_change"()`);
    await queryRunner.query(`
      CREATE TRIGGER "issued_letter_no_truncate" BEFORE TRUNCATE ON "issued_letter"
        FOR EACH STATEMENT EXECUTE FUNCTION "issued_letter_refuse_change"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "issued_letter_no_truncate" ON "issued_letter"`);
    await queryRunner.query(`DROP TRIGGER "issued_letter_immutable" ON "issued_letter"`);
    await queryRunner.query(`DROP FUNCTION "issued_letter_refuse_change"()`);
    await queryRunner.query(`ALTER TABLE "issued_letter" DROP CONSTRAINT "issued_letter_supersedes_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "issued_letter" DROP CONSTRAINT "issued_letter_issued_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "issued_letter" DROP CONSTRAINT "issued_letter_agency_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "issued_letter" DROP CONSTRAINT "issued_letter_case_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."issued_letter_case_id_issued_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."issued_letter_agency_id_document_number_key"`);
    await queryRunner.query(`DROP INDEX "public"."issued_letter_supersedes_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."issued_letter_original_key"`);
    await queryRunner.query(`DROP TABLE "issued_letter"`);
  }
}
