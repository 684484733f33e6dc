import { Injectable } from '@nestjs/common';
import type { AgencyScope } from '../auth/agency-scope.js';
import { buildAnnualReports, type AnnualReport } from './annual-report.rules.js';
import { representativeOf } from './report-classes.rules.js';
import { SupervisionQueries } from './supervision-queries.js';
import type { ReportCase } from './table3.rules.js';
import type { RemedyRecord } from './table4.rules.js';

export interface BuiltReport {
  readonly year: number;
  /** The report of the scope (county-wide for all agencies, or the one agency's). */
  readonly report: AnnualReport;
  /** One representative per class of cases (ReportCase.count): what drill-downs read. */
  readonly classes: readonly ReportCase[];
  readonly remedies: readonly RemedyRecord[];
}

/**
 * Builds a year's report from the database: classes of cases (one GROUP BY), the few cases that may
 * be anomalous, and the remedy records, handed to the pure builders (annual-report.rules.ts).
 */
@Injectable()
export class AnnualReportsBuilder {
  constructor(private readonly queries: SupervisionQueries) {}

  async build(scope: AgencyScope, year: number): Promise<BuiltReport> {
    const [classes, suspicious, remedies] = await Promise.all([
      this.queries.reportClasses(scope, year),
      this.queries.reportCases(scope, year, { suspiciousOnly: true }),
      this.queries.remedyRecords(scope, year),
    ]);
    const representatives = classes.map((c) => representativeOf(c, year));
    // The county-wide report of the scope's cases is the scope's report (one agency, or all of them).
    const { countyWide } = buildAnnualReports({
      year,
      cases: representatives,
      anomalyCases: suspicious,
      remedies,
    });
    return { year, report: countyWide, classes: representatives, remedies };
  }
}
