/**
 * The annual report's statistical tables for a year (条例 Art. 49–50; 国办公开办函〔2021〕30号 tables
 * 三 and 四) in one call: county-wide and per agency, each with its identity violations and the data
 * problems of the cases and records it counts. What a report screen or an export needs.
 */
import {
  buildTable3,
  buildTable3ByAgency,
  checkTable3Identities,
  findReportCaseAnomalies,
  type ReportCase,
  type ReportCaseAnomaly,
  type Table3,
  type Table3Options,
  type Table3Violation,
} from './table3.rules.js';
import {
  buildTable4,
  buildTable4ByAgency,
  checkTable4Identities,
  findRemedyRecordAnomalies,
  type RemedyRecord,
  type RemedyRecordAnomaly,
  type Table4,
  type Table4Options,
  type Table4Violation,
} from './table4.rules.js';

export interface AnnualReportInput {
  readonly year: number;
  readonly cases: readonly ReportCase[];
  /**
   * The cases whose data is checked for anomalies (default: `cases`). A caller that passes grouped
   * cases (ReportCase.count) passes here the individual cases that may be anomalous, since a group
   * cannot show, say, a case closed before it was received within the same year.
   */
  readonly anomalyCases?: readonly ReportCase[];
  readonly remedies: readonly RemedyRecord[];
  readonly table3Options?: Table3Options;
  readonly table4Options?: Table4Options;
}

export interface AnnualReport {
  readonly year: number;
  /** null for the county-wide report over every case and record given. */
  readonly agencyId: string | null;
  readonly table3: Table3;
  readonly table4: Table4;
  readonly table3Violations: readonly Table3Violation[];
  readonly table4Violations: readonly Table4Violation[];
  /** Problems of the cases counted in this year's table 三 (or whose dates cannot be read). */
  readonly caseAnomalies: readonly ReportCaseAnomaly[];
  /** Problems of the remedy records of this scope. */
  readonly remedyAnomalies: readonly RemedyRecordAnomaly[];
  /** No violation and no anomaly: the report can be published as it is. */
  readonly consistent: boolean;
}

export interface AnnualReports {
  readonly countyWide: AnnualReport;
  /** Every agency with a case or a remedy record in the input, by agency id. */
  readonly agencies: readonly AnnualReport[];
}

export function buildAnnualReports(input: AnnualReportInput): AnnualReports {
  const { year, cases, remedies, table3Options, table4Options } = input;
  const tables3 = buildTable3ByAgency(cases, year, table3Options);
  const tables4 = buildTable4ByAgency(remedies, year, table4Options);

  const caseAnomalies = findReportCaseAnomalies(input.anomalyCases ?? cases, {
    year,
    options: table3Options,
  });
  const remedyAnomalies = findRemedyRecordAnomalies(remedies);
  const agencyOfRecord = new Map(remedies.map((r) => [r.recordId, r.agencyId]));

  const report = (
    agencyId: string | null,
    table3: Table3 | undefined,
    table4: Table4 | undefined,
  ): AnnualReport => {
    // An agency with remedy records but no case in the input (or the reverse) gets an all-zero table.
    const t3 = table3 ?? { ...buildTable3([], year), agencyId };
    const t4 = table4 ?? { ...buildTable4([], year), agencyId };
    const inScope = (id: string): boolean => agencyId === null || id === agencyId;
    const table3Violations = checkTable3Identities(t3, cases, table3Options);
    const table4Violations = checkTable4Identities(t4, remedies, table4Options);
    const ownCaseAnomalies = caseAnomalies.filter((a) => inScope(a.agencyId));
    const ownRemedyAnomalies = remedyAnomalies.filter((a) => inScope(agencyOfRecord.get(a.recordId)!));
    return {
      year,
      agencyId,
      table3: t3,
      table4: t4,
      table3Violations,
      table4Violations,
      caseAnomalies: ownCaseAnomalies,
      remedyAnomalies: ownRemedyAnomalies,
      consistent:
        table3Violations.length +
          table4Violations.length +
          ownCaseAnomalies.length +
          ownRemedyAnomalies.length ===
        0,
    };
  };

  const agencyIds = [
    ...new Set([...tables3.agencies.map((t) => t.agencyId!), ...tables4.agencies.map((t) => t.agencyId!)]),
  ].sort();
  return {
    countyWide: report(null, tables3.countyWide, tables4.countyWide),
    agencies: agencyIds.map((id) =>
      report(
        id,
        tables3.agencies.find((t) => t.agencyId === id),
        tables4.agencies.find((t) => t.agencyId === id),
      ),
    ),
  };
}
