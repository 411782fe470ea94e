/** The human-readable form of `workflow check` reports: one block per workflow, a table of rules. */
import type { WorkflowReport } from './check-workflow.js';

const KIND_TEXT = { library: 'simulated', stub: 'stub', module: 'JS module', unknown: 'UNKNOWN' } as const;

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    `  ${row.map((cell, column) => (column === 1 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ')}`.trimEnd(),
  );
}

function formatReport(report: WorkflowReport): string[] {
  if (report.error !== undefined) return [`${report.source}: not a workflow`, `  ${report.error}`];
  const { distinctRules, uses } = report.coverage;
  const lines = [
    `${report.name} (${report.source}): ${report.rulesets} rulesets, ${report.statuses} statuses, ${distinctRules.total} distinct rules in ${uses.total} uses`,
    ...table([
      ['rule', 'uses', 'runs as'],
      ...report.rules.map((rule) => [rule.name, String(rule.uses), rule.resolvedAs ? `${KIND_TEXT[rule.kind]} (${rule.resolvedAs})` : KIND_TEXT[rule.kind]]),
    ]),
    `  coverage: ${distinctRules.known}/${distinctRules.total} distinct rules (${distinctRules.percent} %), ${uses.known}/${uses.total} uses (${uses.percent} %)`,
  ];
  const list = (title: string, items: string[]): void => {
    if (items.length > 0) lines.push(`  ${title}:`, ...items.map((item) => `    - ${item}`));
  };
  list(
    'unreachable rulesets',
    report.unreachableRulesets.map((r) => `${r.ruleset} [${r.type}] ${r.location}: ${r.reason}`),
  );
  list(
    'statuses no ruleset leaves',
    report.deadEndStatuses.map((s) => `${s.entityType} ${s.status}`),
  );
  list('events your integration must send (no rule raises them)', report.externalEvents);
  list(
    'placeholders without a value (give them with --vars FILE)',
    report.placeholders.map((p) => `{{${p}}}`),
  );
  list('problems', report.problems);
  return lines;
}

export function formatReports(reports: readonly WorkflowReport[]): string {
  const unknown = new Set(reports.flatMap((report) => report.rules.filter((rule) => rule.kind === 'unknown').map((rule) => rule.name)));
  const summary =
    unknown.size === 0
      ? 'Every rule is simulated, stubbed or a JS module.'
      : `${unknown.size} rule(s) the simulator does not know: they run as no-ops under --unknown-rules skip. Write stubs for them: fluent-sim rules scaffold <path> --out stubs.json`;
  return [...reports.flatMap((report) => [...formatReport(report), '']), summary].join('\n');
}
