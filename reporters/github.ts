// GitHub Actions workflow commands (annotations) and the Markdown job summary.
import path from 'node:path';
import type { Diagnostic, Reporter, RunResult, Severity } from '../runner/types.js';

/** GitHub shows at most this many annotations of each level per step. */
export const ANNOTATIONS_PER_LEVEL = 10;
const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'notice' };

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function fileOf(result: RunResult, d: Diagnostic): string {
  const repo = result.repos.find((r) => r.name === d.location.repo);
  const base = (repo?.displayPath ?? '.').split(path.sep).join('/');
  return d.location.path === '.' ? base : path.posix.join(base, d.location.path);
}

export const github: Reporter = (result) => {
  const shown: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  const lines: string[] = [];
  let hidden = 0;
  for (const d of result.diagnostics) {
    if (shown[d.severity] >= ANNOTATIONS_PER_LEVEL) {
      hidden++;
      continue;
    }
    shown[d.severity]++;
    const props = [
      `file=${escapeProperty(fileOf(result, d))}`,
      `line=${d.location.line}`,
      `col=${d.location.column}`,
      ...(d.location.endLine !== undefined ? [`endLine=${d.location.endLine}`] : []),
      ...(d.location.endColumn !== undefined && (d.location.endLine ?? d.location.line) === d.location.line ? [`endColumn=${d.location.endColumn}`] : []),
      `title=${escapeProperty(d.ruleId)}`,
    ];
    lines.push(`::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.suggestion ? `${d.message} (fix: ${d.suggestion})` : d.message)}`);
  }
  if (hidden) {
    lines.push(`::notice title=porgs-lint::${hidden} more finding(s) not annotated (GitHub shows ${ANNOTATIONS_PER_LEVEL} per level per step); see the job summary or the SARIF upload`);
  }
  const { errors, warnings, notes } = result.summary;
  lines.push(`porgs-lint: ${errors} error(s), ${warnings} warning(s), ${notes} note(s)`);
  return lines.join('\n') + '\n';
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function githubStepSummary(result: RunResult): string {
  const { errors, warnings, notes } = result.summary;
  const out = [`## porgs-lint: ${errors} error(s), ${warnings} warning(s), ${notes} note(s)`, ''];
  for (const repo of result.repos) out.push(`- \`${repo.displayPath}\`: ${repo.kind}, ${repo.mode} mode (${cell(repo.modeReason)})`);
  if (result.diagnostics.length) {
    out.push('', '| severity | location | message | rule |', '|---|---|---|---|');
    for (const d of result.diagnostics) {
      out.push(`| ${d.severity} | \`${cell(fileOf(result, d))}:${d.location.line}:${d.location.column}\` | ${cell(d.message)} | \`${d.ruleId}\` |`);
    }
  }
  return out.join('\n') + '\n\n';
}
