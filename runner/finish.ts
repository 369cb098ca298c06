// The end of a run: whole-repo findings anchored at a real file, ignore globs, suppressions
// (and the unused ones), fingerprints, and one stable order. Data in, data out.
import { CONFIG_RELAXED } from './config-relaxed.js';
import type { Config } from './config.js';
import { loadPicomatch, rawFinding, type RawFinding } from './context.js';
import { fingerprint, legacyFingerprint } from './fingerprint.js';
import { LEGACY_FINGERPRINTS } from './baseline.js';
import { v1Message } from './legacy-messages.js';
import { metaRule } from '../rules/meta/_meta.js';
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
  const file = cleanPath(f.path);
  if (file !== '.' && (f.ruleId.startsWith('meta/') || (await repo.ctx!.exists(file)))) return f;
  const anchor = await anchorFile(repo);
  if (!anchor) return f;
  // The finding keeps what identified it where it was meant to be: its identity, else the path.
  const identity = f.identity.length ? f.identity : [`path=${file}`];
  if (file === '.') return { ...f, path: anchor, at: { line: 1, column: 1 }, identity };
  return {
    ...f,
    severity: 'note',
    path: anchor,
    at: { line: 1, column: 1 },
    identity,
    message: `${f.message} (reported at ${anchor}: ${file} does not exist in ${repo.source.description})`,
  };
}

const cleanPath = (p: string) => p.replace(/\\/g, '/').replace(/^\.\//, '') || '.';

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
    const file = cleanPath(f.path);
    if (ignored(file)) continue;
    const line = Math.max(1, f.at?.line ?? 1);
    const column = Math.max(1, f.at?.column ?? 1);
    if (file !== '.' && !UNSUPPRESSIBLE.has(f.ruleId)) {
      const sups = await suppressionsOf(repo, file);
      const hit = sups.find((s) => s.target === line && s.reason && s.ruleIds.includes(f.ruleId));
      if (hit) {
        hit.used.add(f.ruleId);
        continue;
      }
    }
    const offending = lineText(repo.info.name, file, line)?.trim();
    const d: Diagnostic = {
      ruleId: f.ruleId,
      severity: f.severity,
      messageId: f.messageId,
      data: f.data,
      message: f.message,
      location: {
        repo: repo.info.name,
        path: file,
        line,
        column,
        ...(f.at?.endLine !== undefined ? { endLine: f.at.endLine } : {}),
        ...(f.at?.endColumn !== undefined ? { endColumn: f.at.endColumn } : {}),
      },
      ...(f.related ? { related: f.related } : {}),
      ...(f.suggestion ? { suggestion: f.suggestion } : {}),
      ...(f.unverified ? { unverified: true } : {}),
      fingerprint: fingerprint(f.ruleId, file, f.messageId, f.identity.length ? f.identity : [offending ?? '']),
    };
    const v1 = v1Message(d);
    LEGACY_FINGERPRINTS.set(d, legacyFingerprint(f.ruleId, file, offending ?? v1, v1));
    out.push(d);
  }

  // Suppressions in every file the run read: unused ones, and ones without a reason.
  for (const repo of repos) {
    const sev = severityOf('meta/unused-suppression', repo.info.kind);
    if (sev === 'off') continue;
    for (const file of [...repo.ctx!.texts.keys()].sort()) {
      if (ignored(file)) continue;
      for (const s of await suppressionsOf(repo, file)) {
        const ranHere = ran.get(repo.info.name)!;
        let messageId: string | undefined;
        let rules = s.ruleIds.join(', ');
        if (!s.reason) messageId = 'noReason';
        else if (s.ruleIds.length === 0) messageId = 'noRuleId';
        else {
          const unused = s.ruleIds.filter((id) => ranHere.has(id) && !s.used.has(id));
          if (unused.length) [messageId, rules] = ['unused', unused.join(', ')];
        }
        if (!messageId) continue;
        const f = rawFinding(metaRule('meta/unused-suppression'), sev, repo.info.name, {
          path: file,
          messageId,
          data: { rules, line: s.target, comment: s.text },
        });
        out.push({
          ruleId: f.ruleId,
          severity: sev,
          messageId,
          data: f.data,
          message: f.message,
          location: { repo: repo.info.name, path: file, line: s.line, column: s.column },
          fingerprint: fingerprint(f.ruleId, file, messageId, f.identity),
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
      cmp(a.messageId, b.messageId) ||
      cmp(a.fingerprint, b.fingerprint),
  );
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
