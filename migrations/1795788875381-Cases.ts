import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cases: applicants (per agency), the case with its clock projection, its append-only event record,
 * consultations, case numbers per agency and year, and idempotency keys. Trigram indexes for Chinese
 * text search (pg_trgm is a trusted extension: a database owner may create it on managed servers).
 */
export class Cases1795788875381 implements MigrationInterface {
  name = 'Cases1795788875381';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "applicant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "type" character varying(32) NOT NULL, "name" character varying(100) NOT NULL, "id_type" character varying(16) NOT NULL, "id_number" character varying(50) NOT NULL, "phone" character varying(40) NOT NULL, "email" character varying(100), "address" character varying(200) NOT NULL, "postcode" character varying(10) NOT NULL DEFAULT '', "agent" jsonb, "needs_assistance" boolean NOT NULL DEFAULT false, "assistance_note" character varying(200) NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "applicant_id_type_check" CHECK (id_type IN ('resident_id', 'credit_code', 'passport', 'other')), CONSTRAINT "applicant_type_check" CHECK (type IN ('natural_person', 'commercial_enterprise', 'research_institution', 'public_interest_org', 'legal_service_org', 'other_org')), CONSTRAINT "applicant_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "applicant_agency_id_number_idx" ON "applicant" ("agency_id", "id_number")`,
    );
    await queryRunner.query(
      `CREATE TABLE "disclosure_case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "case_number" character varying(20) NOT NULL, "applicant_id" uuid NOT NULL, "channel" character varying(16) NOT NULL, "receipt_evidence" jsonb NOT NULL, "received_on" date NOT NULL, "clock_started_on" date NOT NULL, "information_sought" text NOT NULL, "information_reference" character varying(200) NOT NULL DEFAULT '', "requested_form" character varying(16) NOT NULL, "delivery_method" character varying(16) NOT NULL, "delivery_address" character varying(200) NOT NULL DEFAULT '', "warnings" jsonb NOT NULL DEFAULT '[]', "status" character varying(24) NOT NULL, "handler_id" uuid, "clock_state" character varying(24) NOT NULL, "due_on" date, "original_due_on" date, "correction_notice_due_on" date NOT NULL, "correction_period_ends_on" date, "excluded_working_days" integer NOT NULL DEFAULT '0', "clock_provisional" boolean NOT NULL DEFAULT false, "extension" jsonb, "outcome" character varying(40), "outcome_detail" jsonb, "replied_on" date, "closed_on" date, "closed_late" boolean NOT NULL DEFAULT false, "served_on" date, "served_means" character varying(100) NOT NULL DEFAULT '', "served_proof" character varying(200) NOT NULL DEFAULT '', "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "registered_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "disclosure_case_outcome_check" CHECK (outcome IS NULL OR outcome IN ('already_public', 'disclosed', 'partially_disclosed', 'withheld_state_secret', 'withheld_prohibited_by_law', 'withheld_security_stability', 'withheld_third_party', 'withheld_internal_affairs', 'withheld_process_info', 'withheld_enforcement_file', 'special_procedure', 'not_held', 'not_responsible', 'needs_creation', 'unclear_after_correction', 'petition_complaint', 'repeat_application', 'publication_request', 'excessive_requests', 'confirmation_request', 'deemed_withdrawn_correction', 'deemed_withdrawn_fee', 'withdrawn', 'other')), CONSTRAINT "disclosure_case_channel_check" CHECK (channel IN ('in_person', 'oral', 'post_signed', 'post_unsigned', 'online', 'fax')), CONSTRAINT "disclosure_case_status_check" CHECK (status IN ('registered', 'investigating', 'awaiting_correction', 'awaiting_fee', 'drafting', 'in_review', 'approved', 'issued', 'served', 'withdrawn', 'deemed_withdrawn', 'archived')), CONSTRAINT "disclosure_case_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "disclosure_case_applicant_id_idx" ON "disclosure_case" ("applicant_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "disclosure_case_handler_id_status_idx" ON "disclosure_case" ("handler_id", "status")`,
    );
    await queryRunner.query(
      `CREATE INDEX "disclosure_case_agency_id_received_on_idx" ON "disclosure_case" ("agency_id", "received_on")`,
    );
    await queryRunner.query(
      `CREATE INDEX "disclosure_case_agency_id_status_due_on_idx" ON "disclosure_case" ("agency_id", "status", "due_on")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "disclosure_case_agency_id_case_number_key" ON "disclosure_case" ("agency_id", "case_number")`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_consultation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "party_name" character varying(100) NOT NULL, "party_contact" character varying(200) NOT NULL DEFAULT '', "matter" text NOT NULL DEFAULT '', "dispatched_on" date NOT NULL, "party_received_on" date, "period_ends_on" date, "replied_on" date, "result" character varying(24), "reply_summary" text NOT NULL DEFAULT '', CONSTRAINT "case_consultation_kind_check" CHECK (kind IN ('third_party', 'agency')), CONSTRAINT "case_consultation_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "case_consultation_case_id_idx" ON "case_consultation" ("case_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_event" ("id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL, "case_id" uuid NOT NULL, "seq" integer NOT NULL, "action" character varying(40) NOT NULL, "from_status" character varying(24), "to_status" character varying(24) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_name" character varying(60) NOT NULL, "actor_role" character varying(16) NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "changes" jsonb NOT NULL DEFAULT '{}', "reason" text NOT NULL DEFAULT '', CONSTRAINT "case_event_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "case_event_case_id_seq_key" ON "case_event" ("case_id", "seq")`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_number_series" ("agency_id" uuid NOT NULL, "year" integer NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "case_number_series_pkey" PRIMARY KEY ("agency_id", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "idempotency_record" ("scope" character varying(60) NOT NULL, "actor" character varying(64) NOT NULL, "key" character varying(128) NOT NULL, "request_hash" character(64) NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "idempotency_record_pkey" PRIMARY KEY ("scope", "actor", "key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idempotency_record_created_at_idx" ON "idempotency_record" ("created_at")`,
    );
    await queryRunner.query(
      `ALTER TABLE "applicant" ADD CONSTRAINT "applicant_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "disclosure_case" ADD CONSTRAINT "disclosure_case_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "disclosure_case" ADD CONSTRAINT "disclosure_case_applicant_id_fkey" FOREIGN KEY ("applicant_id") REFERENCES "applicant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "disclosure_case" ADD CONSTRAINT "disclosure_case_handler_id_fkey" FOREIGN KEY ("handler_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "disclosure_case" ADD CONSTRAINT "disclosure_case_registered_by_fkey" FOREIGN KEY ("registered_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_consultation" ADD CONSTRAINT "case_consultation_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "disclosure_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "disclosure_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_event" ADD CONSTRAINT "case_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_number_series" ADD CONSTRAINT "case_number_series_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE INDEX "disclosure_case_information_sought_trgm_idx"
        ON "disclosure_case" USING gin ("information_sought" gin_trgm_ops)`);
    await queryRunner.query(
      `CREATE INDEX "applicant_name_trgm_idx" ON "applicant" USING gin ("name" gin_trgm_ops)`,
    );

    // The event record is the evidence of what happened to a case: it can only grow.
    await queryRunner.query(`
      CREATE FUNCTION "case_event_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "case_event_append_only" BEFORE UPDATE OR DELETE ON "case_event"
        FOR EACH ROW EXECUTE FUNCTION "case_event_refuse_change"()`);
    await queryRunner.query(`
      CREATE TRIGGER "case_event_no_truncate" BEFORE TRUNCATE ON "case_event"
        FOR EACH STATEMENT EXECUTE FUNCTION "case_event_refuse_change"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "case_event_no_truncate" ON "case_event"`);
    await queryRunner.query(`DROP TRIGGER "case_event_append_only" ON "case_event"`);
    await queryRunner.query(`DROP FUNCTION "case_event_refuse_change"()`);
    await queryRunner.query(`DROP INDEX "public"."applicant_name_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "public"."disclosure_case_information_sought_trgm_idx"`);
    await queryRunner.query(
      `ALTER TABLE "case_number_series" DROP CONSTRAINT "case_number_series_agency_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "case_event" DROP CONSTRAINT "case_event_actor_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "case_event" DROP CONSTRAINT "case_event_case_id_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "case_consultation" DROP CONSTRAINT "case_consultation_case_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "disclosure_case" DROP CONSTRAINT "disclosure_case_registered_by_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "disclosure_case" DROP CONSTRAINT "disclosure_case_handler_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "disclosure_case" DROP CONSTRAINT "disclosure_case_applicant_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "disclosure_case" DROP CONSTRAINT "disclosure_case_agency_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "applicant" DROP CONSTRAINT "applicant_agency_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."idempotency_record_created_at_idx"`);
    await queryRunner.query(`DROP TABLE "idempotency_record"`);
    await queryRunner.query(`DROP TABLE "case_number_series"`);
    await queryRunner.query(`DROP INDEX "public"."case_event_case_id_seq_key"`);
    await queryRunner.query(`DROP TABLE "case_event"`);
    await queryRunner.query(`DROP INDEX "public"."case_consultation_case_id_idx"`);
    await queryRunner.query(`DROP TABLE "case_consultation"`);
    await queryRunner.query(`DROP INDEX "public"."disclosure_case_agency_id_case_number_key"`);
    await queryRunner.query(`DROP INDEX "public"."disclosure_case_agency_id_status_due_on_idx"`);
    await queryRunner.query(`DROP INDEX "public"."disclosure_case_agency_id_received_on_idx"`);
    await queryRunner.query(`DROP INDEX "public"."disclosure_case_handler_id_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."disclosure_case_applicant_id_idx"`);
    await queryRunner.query(`DROP TABLE "disclosure_case"`);
    await queryRunner.query(`DROP INDEX "public"."applicant_agency_id_number_idx"`);
    await queryRunner.query(`DROP TABLE "applicant"`);
  }
}
