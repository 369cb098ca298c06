// For humans: grouped by repo and file, `path:line:col  severity  message  rule-id`, an excerpt
// of the offending line, the second places, the mode and why, and a summary by rule. Findings of
// one rule and message repeated in a file are listed by line after the first few. Colour and
// terminal links only here.
import path from 'node:path';
import pc from 'picocolors';
import { excerpt, guardLines, visible } from '../runner/escape.js';
import { lineLookup } from '../runner/lines.js';
import { refLocationText, type Diagnostic, type Reporter, type ReporterOptions, type RunResult, type Severity } from '../runner/types.js';
import { ruleDocUrl } from './doc-links.js';
import { rulesSummary } from './pretty-summary.js';

export function shouldColor(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>, flag?: boolean): boolean {
  if (flag === false) return false;
  if (noColor(env)) return false;
  if ('FORCE_COLOR' in env) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

const noColor = (env: Readonly<Record<string, string | undefined>>) => 'NO_COLOR' in env && env.NO_COLOR !== '';

/** Rule ids as terminal links (OSC 8): only on a terminal that gets colour; never with NO_COLOR or --no-color. */
export function shouldLink(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>, flag?: boolean): boolean {
  return shouldColor(stream, env, flag) && Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

/** Findings of one rule and messageId in one file shown in full; the rest are listed by line. */
export const SHOWN_PER_GROUP = 3;
/** Line numbers listed for the rest of a group. */
const LINES_LISTED = 20;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

type Colors = ReturnType<typeof pc.createColors>;

/** What every rendered line needs: colours, the rule links, excerpts, display paths. */
interface Style {
  c: Colors;
  sevText: Record<Severity, string>;
  ruleId(id: string): string;
  lineText(repo: string, file: string, line: number): string | undefined;
  shownPath(repo: string, file: string): string;
}

function style(result: RunResult, options: ReporterOptions): Style {
  const c = pc.createColors(options.color);
  const urls = new Map<string, string | undefined>();
  if (options.links) for (const { meta } of result.rules) urls.set(meta.id, ruleDocUrl(result.tool, meta));
  const displayPath = new Map(result.repos.map((r) => [r.name, r.displayPath.split(path.sep).join('/')]));
  return {
    c,
    sevText: { error: c.red('error'), warning: c.yellow('warning'), note: c.blue('note') },
    ruleId: (id) => {
      const url = urls.get(id);
      return url ? `\x1b]8;;${url}\x1b\\${visible(id)}\x1b]8;;\x1b\\` : visible(id);
    },
    lineText: lineLookup(result.readFile),
    shownPath: (repo, file) => {
      const base = displayPath.get(repo) ?? repo;
      return visible(file === '.' ? base : path.posix.join(base, file));
    },
  };
}

export const pretty: Reporter = (result: RunResult, options) => {
  const s = style(result, options);
  const { c } = s;
  const lines: string[] = [];
  for (const repo of result.repos) {
    const where = (repo.rev ? `, ${visible(repo.rev)} (${visible(repo.commit?.slice(0, 12) ?? '?')})` : '') + (repo.namedBy ? `, listed in ${visible(repo.namedBy)}` : '');
    lines.push(`${c.bold(visible(repo.displayPath))}  ${c.dim(`${repo.kind} (${visible(repo.kindReason)})${where}`)}`);
    lines.push(`  ${c.dim(`${repo.mode} mode: ${visible(repo.modeReason)}`)}`);
    const diags = result.diagnostics.filter((d) => d.location.repo === repo.name);
    for (const group of byPlace(diags)) lines.push('', ...renderPlace(group, s));
    if (diags.length === 0) lines.push(`  ${c.green('no problems')}`);
    lines.push('');
  }
  if (result.diagnostics.length) lines.push(...rulesSummary(result.diagnostics, s), '');
  const { errors, warnings, notes } = result.summary;
  const summary = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')}`;
  lines.push(errors ? c.red(c.bold(`✖ ${summary}`)) : warnings ? c.yellow(`⚠ ${summary}`) : c.green(`✔ ${summary}`));
  return guardLines(lines.join('\n') + '\n');
};

/** The findings of each file (or ref), in the order they first appear. */
function byPlace(diags: readonly Diagnostic[]): Diagnostic[][] {
  const places = new Map<string, Diagnostic[]>();
  for (const d of diags) {
    const key = d.location.ref !== undefined ? `ref\0${d.location.ref}` : `file\0${d.location.path}`;
    const place = places.get(key);
    if (place) place.push(d);
    else places.set(key, [d]);
  }
  return [...places.values()];
}

/** One file's findings: each rule and messageId in full up to SHOWN_PER_GROUP times, then its other lines. */
function renderPlace(diags: readonly Diagnostic[], s: Style): string[] {
  const groups = new Map<string, Diagnostic[]>();
  const groupOf = new Map<Diagnostic, { group: Diagnostic[]; index: number }>();
  for (const d of diags) {
    // A ref (the hook's findings) has no lines to list.
    if (d.location.ref !== undefined) continue;
    const key = `${d.ruleId}\0${d.messageId}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    groupOf.set(d, { group, index: group.length });
    group.push(d);
  }
  const out: string[] = [];
  for (const d of diags) {
    const { group, index } = groupOf.get(d) ?? { group: [d], index: 0 };
    if (index >= SHOWN_PER_GROUP) continue;
    out.push(...renderOne(d, s));
    if (index === SHOWN_PER_GROUP - 1 && group.length > SHOWN_PER_GROUP) out.push(`    ${s.c.dim(moreAt(group.slice(SHOWN_PER_GROUP)))}`);
  }
  return out;
}

function moreAt(rest: readonly Diagnostic[]): string {
  const listed = rest.slice(0, LINES_LISTED).map((d) => d.location.line);
  const tail = rest.length > LINES_LISTED ? ', …' : '';
  return `and ${rest.length} more at line${rest.length === 1 ? '' : 's'} ${listed.join(', ')}${tail}`;
}

function renderOne(d: Diagnostic, s: Style): string[] {
  const { c } = s;
  const { repo, path: file, line, column } = d.location;
  const where = refLocationText(d.location) ?? `${s.shownPath(repo, file)}:${line}:${column}`;
  const out = [`  ${c.underline(visible(where))}  ${s.sevText[d.severity]}  ${visible(d.message)}  ${c.dim(s.ruleId(d.ruleId))}`];
  const text = d.location.ref === undefined ? s.lineText(repo, file, line)?.replace(/\r$/, '') : undefined;
  if (text !== undefined) {
    const gutter = String(line);
    const end = d.location.endLine === line && d.location.endColumn ? d.location.endColumn - 1 : column;
    const shownLine = excerpt(text, column - 1, end);
    out.push(`    ${c.dim(`${gutter} |`)} ${shownLine.text}`);
    out.push(`    ${c.dim(`${' '.repeat(gutter.length)} |`)} ${' '.repeat(shownLine.caret)}${c.red('^'.repeat(Math.min(shownLine.caretWidth, 120)))}`);
  }
  for (const r of d.related ?? []) out.push(`    ${c.dim(`${visible(r.label)}:`)} ${s.shownPath(r.repo, r.path)}:${r.line}:${r.column}`);
  if (d.suggestion) out.push(`    ${c.green('fix:')} ${visible(d.suggestion)}`);
  return out;
}

export type { Style as PrettyStyle };
