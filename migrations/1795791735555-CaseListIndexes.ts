import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the case lists at 1,000,000 cases (`npm run bench -- cases`, README "Benchmarks"):
 * - the lists' default order "open first, then by due date" for the county, an agency and a handler:
 *   expression indexes on exactly the order of CaseQueriesService.list (CLOSED_CASE, due_on,
 *   received_on, id), so that a page is read in order and the scan stops after it; "open" and
 *   "overdue" are a range of the same indexes, which carry `status` (and a handler's, `agency_id`)
 *   so that counting a range reads the index alone;
 * - the county by receipt date (supervisors, report periods);
 * - applicants by ID number across agencies (the old index led with the agency and was scanned whole);
 * - statistics telling the planner that a handler belongs to one agency (otherwise it multiplies the
 *   two filters' selectivities, misjudges a handler's list within the agency scope, and ANDs in the
 *   bitmap of the agency's whole register).
 * Plain CREATE INDEX: on an installation that already holds many cases it blocks writes to these
 * tables while it runs (about a minute for 1,000,000 cases on two cores).
 */
export class CaseListIndexes1795791735555 implements MigrationInterface {
  name = 'CaseListIndexes1795791735555';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const closed = `(status IN ('issued', 'served', 'withdrawn', 'deemed_withdrawn', 'archived'))`;
    await queryRunner.query(`
      CREATE INDEX "disclosure_case_list_idx"
        ON "disclosure_case" (${closed}, "due_on", "received_on", "id") INCLUDE ("status")`);
    await queryRunner.query(`
      CREATE INDEX "disclosure_case_agency_id_list_idx"
        ON "disclosure_case" ("agency_id", ${closed}, "due_on", "received_on", "id") INCLUDE ("status")`);
    await queryRunner.query(`
      CREATE INDEX "disclosure_case_handler_id_list_idx"
        ON "disclosure_case" ("handler_id", ${closed}, "due_on", "received_on", "id") INCLUDE ("status", "agency_id")`);
    await queryRunner.query(
      `CREATE INDEX "disclosure_case_received_on_idx" ON "disclosure_case" ("received_on")`,
    );
    await queryRunner.query(`DROP INDEX "public"."applicant_agency_id_number_idx"`);
    await queryRunner.query(
      `CREATE INDEX "applicant_id_number_agency_id_idx" ON "applicant" ("id_number", "agency_id")`,
    );
    await queryRunner.query(`
      CREATE STATISTICS "disclosure_case_agency_id_handler_id_stats" (dependencies, ndistinct)
        ON "agency_id", "handler_id" FROM "disclosure_case"`);
    await queryRunner.query(`ANALYZE "disclosure_case"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP STATISTICS "public"."disclosure_case_agency_id_handler_id_stats"`);
    await queryRunner.query(`DROP INDEX "public"."applicant_id_number_agency_id_idx"`);
    await queryRunner.query(
      `CREATE INDEX "applicant_agency_id_number_idx" ON "applicant" ("agency_id", "id_number")`,
    );
    await queryRunner.query(`DROP INDEX "public"."disclosure_case_received_on_idx"`);
    await queryRunner.query(`DROP INDEX "public"."disclosure_case_handler_id_list_idx"`);
    await queryRunner.query(`DROP INDEX "public"."disclosure_case_agency_id_list_idx"`);
    await queryRunner.query(`DROP INDEX "public"."disclosure_case_list_idx"`);
  }
}
