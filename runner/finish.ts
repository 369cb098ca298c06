// The end of a run: whole-repo findings anchored at a real file, ignore globs, suppressions
// (and the unused ones), fingerprints, and one stable order. Data in, data out.
import { CONFIG_RELAXED } from './config-relaxed.js';
import type { Config } from './config.js';
import { loadPicomatch, type RawFinding } from './context.js';
import { fingerprint } from './fingerprint.js';
import { lineLookup } from './lines.js';
import { CONFIG_GLOB_OPTIONS } from './safe-glob.js';
import type { PreparedRepo } from './run.js';
import { findSuppressions, type Suppression } from './suppress.js';
import type { Diagnostic, RepoKind, Severity } from './types.js';
import { KIND_MARKERS } from './workspace.js';

/** The file a whole-repo finding is anchored at: the kind's marker file, else the first file. */
function anchorFile(repo: PreparedRepo): Promise<string | undefined> {
  const ctx = repo.ctx!;
  return ctx.memo('run/anchor-file', async () => {
    for (const marker of KIND_MARKERS.find((k) => k.kind === repo.info.kind)?.markers ?? []) if (await ctx.exists(marker)) return marker;
    return (await ctx.source.allFiles()).sort()[0];
  });
}

/**
 * Every finding has a real file: one about the whole repo (path '.') is anchored at the marker
 * file, and one at a file the checked revision does not have (a rule's mistake) becomes a note
 * there saying so, never a location a reader cannot open.
 */
async function anchored(f: RawFinding, repo: PreparedRepo): Promise<RawFinding> {
  const file = f.input.path.replace(/\\/g, '/').replace(/^\.\//, '') || '.';
  if (file !== '.' && (f.ruleId.startsWith('meta/') || (await repo.ctx!.exists(file)))) return f;
  const anchor = await anchorFile(repo);
  if (!anchor) return f;
  if (file === '.') return { ...f, input: { ...f.input, path: anchor, at: { line: 1, column: 1 }, key: f.input.key ?? f.input.message } };
  return {
    ...f,
    severity: 'note',
    input: { ...f.input, path: anchor, at: { line: 1, column: 1 }, key: f.input.key ?? f.input.message, message: `${f.input.message} (reported at ${anchor}: ${file} does not exist in ${repo.source.description})` },
  };
}

/** A finding about how the gate itself was weakened cannot be suppressed from the files it judges. */
const UNSUPPRESSIBLE: ReadonlySet<string> = new Set([CONFIG_RELAXED]);

/** Ignore globs, suppressions, fingerprints, sorting. */
export async function finish(
  repos: PreparedRepo[],
  config: Config,
  ran: Map<string, Set<string>>,
  severityOf: (id: string, kind: RepoKind) => Severity | 'off',
): Promise<Diagnostic[]> {
  const picomatch = config.ignore.length ? await loadPicomatch() : undefined;
  const ignored = picomatch ? picomatch(config.ignore, CONFIG_GLOB_OPTIONS) : () => false;
  const byName = new Map(repos.map((r) => [r.info.name, r]));
  const findings: RawFinding[] = repos.flatMap((r) => r.ctx!.findings);
  const suppressions = new Map<string, Suppression[]>();
  const suppressionsOf = async (repo: PreparedRepo, file: string) => {
    const key = `${repo.info.name}\0${file}`;
    if (!suppressions.has(key)) {
      const text = await repo.ctx!.read(file);
      suppressions.set(key, text === undefined ? [] : findSuppressions(file, text));
    }
    return suppressions.get(key)!;
  };

  const lineText = lineLookup((name, file) => byName.get(name)?.ctx!.texts.get(file));
  const out: Diagnostic[] = [];
  for (const raw of findings) {
    const repo = byName.get(raw.repo) ?? repos[0];
    const f = await anchored(raw, repo);
    const file = f.input.path.replace(/\\/g, '/').replace(/^\.\//, '') || '.';
    if (ignored(file)) continue;
    const line = Math.max(1, f.input.at?.line ?? 1);
    const column = Math.max(1, f.input.at?.column ?? 1);
    if (file !== '.' && !UNSUPPRESSIBLE.has(f.ruleId)) {
      const sups = await suppressionsOf(repo, file);
      const hit = sups.find((s) => s.target === line && s.reason && s.ruleIds.includes(f.ruleId));
      if (hit) {
        hit.used.add(f.ruleId);
        continue;
      }
    }
    const key = f.input.key ?? lineText(repo.info.name, file, line)?.trim() ?? f.input.message;
    out.push({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.input.message,
      location: {
        repo: repo.info.name,
        path: file,
        line,
        column,
        ...(f.input.at?.endLine !== undefined ? { endLine: f.input.at.endLine } : {}),
        ...(f.input.at?.endColumn !== undefined ? { endColumn: f.input.at.endColumn } : {}),
      },
      ...(f.input.suggestion ? { suggestion: f.input.suggestion } : {}),
      ...(f.unverified ? { unverified: true } : {}),
      fingerprint: fingerprint(f.ruleId, file, key, f.input.message),
    });
  }

  // Suppressions in every file the run read: unused ones, and ones without a reason.
  for (const repo of repos) {
    const sev = severityOf('meta/unused-suppression', repo.info.kind);
    if (sev === 'off') continue;
    for (const file of [...repo.ctx!.texts.keys()].sort()) {
      if (ignored(file)) continue;
      for (const s of await suppressionsOf(repo, file)) {
        const ranHere = ran.get(repo.info.name)!;
        let message: string | undefined;
        if (!s.reason) message = `suppression without a reason is ignored; write it as "porgs-lint-disable-... ${s.ruleIds.join(', ')} -- <why>"`;
        else if (s.ruleIds.length === 0) message = 'suppression names no rule id; name the rule it is for';
        else {
          const unused = s.ruleIds.filter((id) => ranHere.has(id) && !s.used.has(id));
          if (unused.length) message = `unused suppression of ${unused.join(', ')}: nothing is reported on line ${s.target}; remove it`;
        }
        if (!message) continue;
        out.push({
          ruleId: 'meta/unused-suppression',
          severity: sev,
          message,
          location: { repo: repo.info.name, path: file, line: s.line, column: s.column },
          fingerprint: fingerprint('meta/unused-suppression', file, s.text, message),
        });
      }
    }
  }

  const rank = (s: Severity) => (s === 'error' ? 0 : s === 'warning' ? 1 : 2);
  return out.sort(
    (a, b) =>
      cmp(a.location.repo, b.location.repo) ||
      cmp(a.location.path, b.location.path) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      rank(a.severity) - rank(b.severity) ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.message, b.message),
  );
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
