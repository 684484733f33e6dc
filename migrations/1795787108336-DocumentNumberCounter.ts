import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 发文字号 counters: the last number used per agency, year and series (src/letters/document-number.service.ts). */
export class DocumentNumberCounter1795787108336 implements MigrationInterface {
  name = 'DocumentNumberCounter1795787108336';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "document_number_counter" (
        "agency_id" uuid NOT NULL,
        "year" integer NOT NULL,
        "series" character varying(20) NOT NULL,
        "last_number" integer NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "document_number_counter_last_number_check" CHECK (last_number > 0),
        CONSTRAINT "document_number_counter_year_check" CHECK (year BETWEEN 2000 AND 2999),
        CONSTRAINT "document_number_counter_series_check"
          CHECK (series IN ('reply', 'correction', 'extension', 'consultation', 'fee', 'notice')),
        CONSTRAINT "document_number_counter_pkey" PRIMARY KEY ("agency_id", "year", "series")
      )`);
    await queryRunner.query(`
      ALTER TABLE "document_number_counter" ADD CONSTRAINT "document_number_counter_agency_id_fkey"
        FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "document_number_counter" DROP CONSTRAINT "document_number_counter_agency_id_fkey"`,
    );
    await queryRunner.query(`DROP TABLE "document_number_counter"`);
  }
}
