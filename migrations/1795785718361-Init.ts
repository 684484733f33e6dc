import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Agencies: the organs that handle applications, with the profile their letters print. */
export class Init1795785718361 implements MigrationInterface {
  name = 'Init1795785718361';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "agency" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" character varying(40) NOT NULL,
        "name" character varying(100) NOT NULL,
        "short_name" character varying(40) NOT NULL,
        "type" character varying(32) NOT NULL,
        "parent_id" uuid,
        "is_supervisor" boolean NOT NULL DEFAULT false,
        "office_address" character varying(200) NOT NULL DEFAULT '',
        "office_postcode" character varying(10) NOT NULL DEFAULT '',
        "office_phone" character varying(40) NOT NULL DEFAULT '',
        "office_hours" character varying(100) NOT NULL DEFAULT '',
        "website" character varying(200) NOT NULL DEFAULT '',
        "doc_number_prefix" character varying(20) NOT NULL,
        "reconsideration_body_name" character varying(100) NOT NULL,
        "reconsideration_body_address" character varying(200) NOT NULL DEFAULT '',
        "court_name" character varying(100) NOT NULL DEFAULT '有管辖权的人民法院',
        "active" boolean NOT NULL DEFAULT true,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "agency_type_check"
          CHECK (type IN ('county_government', 'county_department', 'town', 'vertical', 'dispatched')),
        CONSTRAINT "agency_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "agency_code_key" ON "agency" ("code")`);
    await queryRunner.query(`
      ALTER TABLE "agency" ADD CONSTRAINT "agency_parent_id_fkey"
        FOREIGN KEY ("parent_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agency" DROP CONSTRAINT "agency_parent_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."agency_code_key"`);
    await queryRunner.query(`DROP TABLE "agency"`);
  }
}
