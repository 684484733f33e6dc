import type { CalendarImportResultDto } from './dto/calendar-import.dto.js';
import type { CalendarYearDetailDto } from './dto/calendar-year.dto.js';
import type { BetweenResultDto, ExplanationStepDto, PeriodResultDto } from './dto/period-result.dto.js';

/**
 * The CLI's text output: the same DTOs the API returns, laid out for a terminal. Pure.
 */

const STEP_MARK: Record<ExplanationStepDto['kind'], string> = {
  counted: '计入',
  makeup_counted: '计入',
  skipped: '跳过',
  moved: '顺延',
};

function stepLines(steps: readonly ExplanationStepDto[]): string[] {
  return steps.map((s) => {
    const ordinal = s.ordinal === undefined ? '    ' : String(s.ordinal).padStart(4);
    const flags = [s.note, s.provisional ? '推算' : undefined].filter(Boolean).join('；');
    return `  ${s.date}  ${s.weekday}  ${STEP_MARK[s.kind]} ${ordinal}  ${s.reason}${flags ? `（${flags}）` : ''}`;
  });
}

function provisionalLine(years: readonly number[]): string[] {
  return years.length > 0 ? [`！临时结果：${years.join('、')} 年的放假安排尚未发布`] : [];
}

function withSteps(
  head: string,
  result: Pick<PeriodResultDto, 'provisionalYears' | 'explanation' | 'summary'>,
): string {
  return [
    head,
    ...provisionalLine(result.provisionalYears),
    '',
    ...stepLines(result.explanation),
    '',
    result.summary,
  ].join('\n');
}

export function formatPeriod(result: PeriodResultDto): string {
  return withSteps(`期间届满日：${result.date}`, result);
}

export function formatBetween(result: BetweenResultDto): string {
  return withSteps(`工作日数：${result.workingDays}（${result.from} 不含，至 ${result.to} 含）`, result);
}

const STATUS: Record<string, string> = {
  published: '已发布',
  provisional: '临时安排',
  not_published: '未发布',
};

const KIND: Record<string, string> = {
  workday: '工作日',
  weekend: '周末',
  holiday: '放假',
  makeup_workday: '调休上班',
  local_closure: '本地放假',
};

export function formatYear(year: CalendarYearDetailDto): string {
  const lines = [`${year.year} 年：${STATUS[year.status]}`];
  for (const s of year.sources) {
    lines.push(
      `  通知：${s.title}${s.documentNumber ? `（${s.documentNumber}）` : ''}${s.publishedOn ? ` ${s.publishedOn}` : ''}`,
    );
    if (s.url) lines.push(`        ${s.url}`);
    if (s.note) lines.push(`        ${s.note}`);
  }
  if (year.loadedAt) {
    const by = year.loadedBy?.name ?? year.loadedBy?.userId ?? '未知';
    lines.push(
      `  导入：${year.loadedAt}，${by}${year.loadedBy?.remoteAddress ? `（${year.loadedBy.remoteAddress}）` : ''}`,
    );
  }
  if (year.days.length > 0) lines.push('');
  for (const d of year.days) {
    lines.push(`  ${d.date}  ${d.weekday}  ${KIND[d.kind]}  ${d.name}${d.note ? `（${d.note}）` : ''}`);
  }
  if (year.statutoryFallback) {
    lines.push('', `  尚未导入：计算时按${year.statutoryFallback.title}推算以下放假日（临时结果）：`);
    for (const d of year.statutoryFallback.days) lines.push(`  ${d.date}  ${d.weekday}  ${d.name ?? ''}`);
  }
  return lines.join('\n');
}

export function formatImport(result: CalendarImportResultDto): string {
  const lines = [
    `${result.year} 年放假安排（${result.format} 格式）：${STATUS[result.statusBefore]} → ${STATUS[result.statusAfter]}` +
      (result.replaces ? '（替换已导入的安排）' : ''),
    result.dryRun
      ? '预览：未写入。去掉 --dry-run 即导入。'
      : `已导入（变更记录 #${result.changeId ?? '?'}）。`,
  ];
  if (result.unchanged) lines.push('内容与已导入的完全相同。');
  for (const w of result.warnings) lines.push(`提示：${w}`);
  lines.push('', `变化的日期：${result.changes.length} 个`);
  for (const c of result.changes) {
    const state = (s: (typeof c)['before']) =>
      s ? `${KIND[s.kind]}${s.name ? `（${s.name}）` : ''}` : '无数据';
    lines.push(`  ${c.date}  ${c.weekday}  ${state(c.before)} → ${state(c.after)}`);
  }
  lines.push('', `期限将变化的未办结案件：${result.impact.length} 件`);
  for (const i of result.impact) {
    lines.push(`  ${i.caseNumber}  ${i.deadline}  ${i.dueDateBefore} → ${i.dueDateAfter}`);
  }
  return lines.join('\n');
}
