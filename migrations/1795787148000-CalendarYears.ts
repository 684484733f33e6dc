import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The working-day calendar: each year's State Council holiday notice(s) and days, agencies' local days
 * off, and the append-only log of calendar changes (whose highest id is the calendar's revision).
 */
export class CalendarYears1795787148000 implements MigrationInterface {
  name = 'CalendarYears1795787148000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "calendar_year" (
        "year" smallint NOT NULL,
        "status" character varying(16) NOT NULL,
        "origin" character varying(16) NOT NULL,
        "source_format" character varying(16) NOT NULL,
        "content_hash" character(64) NOT NULL,
        "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "loaded_by_user_id" uuid,
        "loaded_by_name" character varying(100),
        "loaded_from_address" character varying(64),
        "version" integer NOT NULL,
        CONSTRAINT "calendar_year_origin_check" CHECK (origin IN ('seed', 'import')),
        CONSTRAINT "calendar_year_status_check" CHECK (status IN ('published', 'provisional')),
        CONSTRAINT "calendar_year_year_check" CHECK (year BETWEEN 1949 AND 2100),
        CONSTRAINT "calendar_year_pkey" PRIMARY KEY ("year")
      )`);
    await queryRunner.query(`
      CREATE TABLE "calendar_notice" (
        "year" smallint NOT NULL,
        "position" smallint NOT NULL,
        "title" character varying(200) NOT NULL,
        "document_number" character varying(60),
        "url" character varying(500),
        "published_on" date,
        "note" character varying(500),
        CONSTRAINT "calendar_notice_pkey" PRIMARY KEY ("year", "position")
      )`);
    await queryRunner.query(`
      CREATE TABLE "calendar_day" (
        "year" smallint NOT NULL,
        "date" date NOT NULL,
        "kind" character varying(20) NOT NULL,
        "name" character varying(40) NOT NULL,
        "note" character varying(200),
        CONSTRAINT "calendar_day_kind_check" CHECK (kind IN ('holiday', 'makeup_workday')),
        CONSTRAINT "calendar_day_pkey" PRIMARY KEY ("year", "date")
      )`);
    await queryRunner.query(`
      CREATE TABLE "calendar_local_day" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "agency_id" uuid NOT NULL,
        "date" date NOT NULL,
        "name" character varying(40) NOT NULL,
        "note" character varying(200),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "created_by_user_id" uuid,
        "created_by_name" character varying(100),
        "created_from_address" character varying(64),
        CONSTRAINT "calendar_local_day_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "calendar_local_day_agency_id_date_key" ON "calendar_local_day" ("agency_id", "date")`,
    );
    await queryRunner.query(`
      CREATE TABLE "calendar_change" (
        "id" BIGSERIAL NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "action" character varying(32) NOT NULL,
        "year" smallint,
        "agency_id" uuid,
        "actor_user_id" uuid,
        "actor_name" character varying(100),
        "remote_address" character varying(64),
        "details" jsonb NOT NULL,
        CONSTRAINT "calendar_change_action_check" CHECK (action IN ('year_seeded', 'year_seed_updated',
          'year_imported', 'year_replaced', 'local_day_added', 'local_day_removed')),
        CONSTRAINT "calendar_change_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "calendar_change_year_idx" ON "calendar_change" ("year")`);
    await queryRunner.query(`
      ALTER TABLE "calendar_notice" ADD CONSTRAINT "calendar_notice_year_fkey"
        FOREIGN KEY ("year") REFERENCES "calendar_year"("year") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`
      ALTER TABLE "calendar_day" ADD CONSTRAINT "calendar_day_year_fkey"
        FOREIGN KEY ("year") REFERENCES "calendar_year"("year") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`
      ALTER TABLE "calendar_local_day" ADD CONSTRAINT "calendar_local_day_agency_id_fkey"
        FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "calendar_local_day" DROP CONSTRAINT "calendar_local_day_agency_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "calendar_day" DROP CONSTRAINT "calendar_day_year_fkey"`);
    await queryRunner.query(`ALTER TABLE "calendar_notice" DROP CONSTRAINT "calendar_notice_year_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."calendar_change_year_idx"`);
    await queryRunner.query(`DROP TABLE "calendar_change"`);
    await queryRunner.query(`DROP INDEX "public"."calendar_local_day_agency_id_date_key"`);
    await queryRunner.query(`DROP TABLE "calendar_local_day"`);
    await queryRunner.query(`DROP TABLE "calendar_day"`);
    await queryRunner.query(`DROP TABLE "calendar_notice"`);
    await queryRunner.query(`DROP TABLE "calendar_year"`);
  }
}
