// For humans: grouped by repo and file, `path:line:col  severity  message  rule-id`, an excerpt
// of the offending line, the mode and why, and a summary. Colour only here.
import path from 'node:path';
import pc from 'picocolors';
import { excerpt, guardLines, visible } from '../runner/escape.js';
import { lineLookup } from '../runner/lines.js';
import { refLocationText, type Diagnostic, type Reporter, type RunResult, type Severity } from '../runner/types.js';

export function shouldColor(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>, flag?: boolean): boolean {
  if (flag === false) return false;
  if ('NO_COLOR' in env && env.NO_COLOR !== '') return false;
  if ('FORCE_COLOR' in env) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const pretty: Reporter = (result: RunResult, options) => {
  const c = pc.createColors(options.color);
  const sevText: Record<Severity, string> = { error: c.red('error'), warning: c.yellow('warning'), note: c.blue('note') };
  const lineText = lineLookup(result.readFile);
  const lines: string[] = [];
  for (const repo of result.repos) {
    const where = (repo.rev ? `, ${visible(repo.rev)} (${visible(repo.commit?.slice(0, 12) ?? '?')})` : '') + (repo.namedBy ? `, listed in ${visible(repo.namedBy)}` : '');
    lines.push(`${c.bold(visible(repo.displayPath))}  ${c.dim(`${repo.kind} (${visible(repo.kindReason)})${where}`)}`);
    lines.push(`  ${c.dim(`${repo.mode} mode: ${visible(repo.modeReason)}`)}`);
    const diags = result.diagnostics.filter((d) => d.location.repo === repo.name);
    let group: string | undefined;
    for (const d of diags) {
      if ((d.location.ref ?? d.location.path) !== group) {
        group = d.location.ref ?? d.location.path;
        lines.push('');
      }
      const source = d.location.ref === undefined ? lineText(repo.name, d.location.path, d.location.line) : undefined;
      lines.push(...renderOne(d, repo.displayPath, source, c, sevText));
    }
    if (diags.length === 0) lines.push(`  ${c.green('no problems')}`);
    lines.push('');
  }
  const { errors, warnings, notes } = result.summary;
  const summary = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')}`;
  lines.push(errors ? c.red(c.bold(`✖ ${summary}`)) : warnings ? c.yellow(`⚠ ${summary}`) : c.green(`✔ ${summary}`));
  return guardLines(lines.join('\n') + '\n');
};

function renderOne(
  d: Diagnostic,
  repoPath: string,
  sourceLine: string | undefined,
  c: ReturnType<typeof pc.createColors>,
  sevText: Record<Severity, string>,
): string[] {
  const { path: file, line, column } = d.location;
  const shown = visible(file === '.' ? repoPath : path.posix.join(repoPath.split(path.sep).join('/'), file));
  const where = refLocationText(d.location) ?? `${shown}:${line}:${column}`;
  const out = [`  ${c.underline(visible(where))}  ${sevText[d.severity]}  ${visible(d.message)}  ${c.dim(visible(d.ruleId))}`];
  const text = sourceLine?.replace(/\r$/, '');
  if (text !== undefined) {
    const gutter = String(line);
    const end = d.location.endLine === line && d.location.endColumn ? d.location.endColumn - 1 : column;
    const shownLine = excerpt(text, column - 1, end);
    out.push(`    ${c.dim(`${gutter} |`)} ${shownLine.text}`);
    out.push(`    ${c.dim(`${' '.repeat(gutter.length)} |`)} ${' '.repeat(shownLine.caret)}${c.red('^'.repeat(Math.min(shownLine.caretWidth, 120)))}`);
  }
  if (d.suggestion) out.push(`    ${c.green('fix:')} ${visible(d.suggestion)}`);
  return out;
}
