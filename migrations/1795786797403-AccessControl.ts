import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 4: users and their roles, sign-in sessions with rotating refresh tokens, the sign-in
 * failure throttle, generated secrets, the hash-chained audit log (append-only, enforced by trigger),
 * and whether an agency's reconsideration body follows the derivation rule.
 */
export class AccessControl1795786797403 implements MigrationInterface {
  name = 'AccessControl1795786797403';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "agency" ADD "reconsideration_body_derived" boolean NOT NULL DEFAULT false`);

    await queryRunner.query(`
      CREATE TABLE "app_user" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "username" character varying(40) NOT NULL,
        "display_name" character varying(40) NOT NULL,
        "agency_id" uuid,
        "roles" character varying(20) array NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "password_hash" character varying(200) NOT NULL,
        "must_change_password" boolean NOT NULL DEFAULT true,
        "password_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "last_sign_in_at" TIMESTAMP WITH TIME ZONE,
        "last_sign_in_ip" character varying(64),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "app_user_agency_check" CHECK (agency_id IS NOT NULL OR roles = ARRAY['admin']::varchar[]),
        CONSTRAINT "app_user_roles_check"
          CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['clerk', 'handler', 'approver', 'supervisor', 'admin']::varchar[]),
        CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "app_user_username_key" ON "app_user" ("username")`);
    await queryRunner.query(`CREATE INDEX "app_user_agency_id_idx" ON "app_user" ("agency_id")`);
    await queryRunner.query(`
      ALTER TABLE "app_user" ADD CONSTRAINT "app_user_agency_id_fkey"
        FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    await queryRunner.query(`
      CREATE TABLE "auth_session" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "last_refreshed_at" TIMESTAMP WITH TIME ZONE,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "revoked_reason" character varying(30),
        "ip" character varying(64),
        "user_agent" character varying(300),
        CONSTRAINT "auth_session_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "auth_session_user_id_idx" ON "auth_session" ("user_id")`);
    await queryRunner.query(`
      ALTER TABLE "auth_session" ADD CONSTRAINT "auth_session_user_id_fkey"
        FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    await queryRunner.query(`
      CREATE TABLE "auth_refresh_token" (
        "token_hash" character(64) NOT NULL,
        "session_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "auth_refresh_token_pkey" PRIMARY KEY ("token_hash")
      )`);
    await queryRunner.query(
      `CREATE INDEX "auth_refresh_token_session_id_idx" ON "auth_refresh_token" ("session_id")`,
    );
    await queryRunner.query(`
      ALTER TABLE "auth_refresh_token" ADD CONSTRAINT "auth_refresh_token_session_id_fkey"
        FOREIGN KEY ("session_id") REFERENCES "auth_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    await queryRunner.query(`
      CREATE TABLE "auth_sign_in_throttle" (
        "key" character varying(120) NOT NULL,
        "failures" integer NOT NULL,
        "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "locked_until" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "auth_sign_in_throttle_pkey" PRIMARY KEY ("key")
      )`);

    await queryRunner.query(`
      CREATE TABLE "app_secret" (
        "name" character varying(40) NOT NULL,
        "value" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "app_secret_pkey" PRIMARY KEY ("name")
      )`);

    await queryRunner.query(`
      CREATE TABLE "audit_event" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "type" character varying(60) NOT NULL,
        "actor_user_id" uuid,
        "actor_username" character varying(100),
        "ip" character varying(64),
        "user_agent" character varying(300),
        "subject_type" character varying(40),
        "subject_id" character varying(100),
        "agency_id" uuid,
        "details" jsonb NOT NULL,
        "prev_hash" character(64) NOT NULL,
        "hash" character(64) NOT NULL,
        CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "audit_event_occurred_at_idx" ON "audit_event" ("occurred_at")`);
    await queryRunner.query(
      `CREATE INDEX "audit_event_actor_user_id_idx" ON "audit_event" ("actor_user_id")`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "audit_event_hash_key" ON "audit_event" ("hash")`);
    await queryRunner.query(
      `CREATE INDEX "audit_event_subject_idx" ON "audit_event" ("subject_type", "subject_id")`,
    );
    // Append-only: the application never changes or removes an event, and neither may anyone else
    // without first dropping these triggers (the hash chain then still shows the change).
    await queryRunner.query(`
      CREATE FUNCTION "audit_event_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event"
        FOR EACH ROW EXECUTE FUNCTION "audit_event_refuse_change"()`);
    await queryRunner.query(`
      CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event"
        FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_refuse_change"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP FUNCTION "audit_event_refuse_change"()`);
    await queryRunner.query(`DROP TABLE "app_secret"`);
    await queryRunner.query(`DROP TABLE "auth_sign_in_throttle"`);
    await queryRunner.query(`DROP TABLE "auth_refresh_token"`);
    await queryRunner.query(`DROP TABLE "auth_session"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`ALTER TABLE "agency" DROP COLUMN "reconsideration_body_derived"`);
  }
}
