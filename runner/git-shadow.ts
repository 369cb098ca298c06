// The git folder porgs-lint runs git against: a private temp folder (mode 0700) that borrows the
// checked repo's objects through `objects/info/alternates` and holds the refs porgs-lint read and
// validated itself. git never opens the repo's own config, hooks or info files, so nothing there
// (fsmonitor, filters, textconv, pagers, aliases, hooks, includes, promisor remotes, credential
// helpers, gpg programs, keys git adds later) can make it run a program.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GitDiskError, type HeadState, type RefSnapshot } from './git-disk.js';
import type { RepoFormat } from './git-locate.js';

export interface ShadowSpec {
  /** The repo's object folder, real path. */
  objectsDir: string;
  format: RepoFormat;
  head: HeadState;
  refs: RefSnapshot;
  /** Commits where the history is cut (`shallow`), so git knows a cut from a missing object. */
  shallow: readonly string[];
}

const live = new Set<string>();

/** Whether `dir` is a git folder porgs-lint made (the process gateway runs git only on those). */
export const isShadowDir = (dir: string): boolean => live.has(dir);

function removeAll(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
}

let cleanupRegistered = false;

/** Temp folders go at exit, and on a signal that would end the process anyway. */
function registerCleanup(): void {
  if (cleanupRegistered) return;
  cleanupRegistered = true;
  process.on('exit', removeAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    if (process.listenerCount(signal) > 0) continue; // the host handles it (and exits, which cleans up)
    const onSignal = () => {
      removeAll();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

function configText(format: RepoFormat): string {
  const sha256 = format.objectFormat === 'sha256';
  return [
    '[core]',
    `\trepositoryformatversion = ${sha256 ? 1 : 0}`,
    '\tbare = true',
    '\tfsmonitor = false',
    '\thooksPath = /dev/null',
    '[protocol]',
    '\tallow = never',
    ...(sha256 ? ['[extensions]', '\tobjectformat = sha256'] : []),
    '',
  ].join('\n');
}

function packedRefsText(refs: RefSnapshot): string {
  const lines = ['# pack-refs with: '];
  for (const [name, oid] of refs.refs) lines.push(`${oid} ${name}`);
  return lines.join('\n') + '\n';
}

export function createShadow(spec: ShadowSpec): string {
  if (/[\n\r"]/.test(spec.objectsDir)) throw new GitDiskError('the path of the repository cannot be written to an alternates file');
  registerCleanup();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'porgs-lint-git-'));
  live.add(dir);
  try {
    mkdirSync(path.join(dir, 'objects', 'info'), { recursive: true });
    mkdirSync(path.join(dir, 'refs'));
    writeFileSync(path.join(dir, 'objects', 'info', 'alternates'), `${spec.objectsDir}\n`);
    writeFileSync(path.join(dir, 'config'), configText(spec.format));
    writeFileSync(path.join(dir, 'HEAD'), spec.head.symref ? `ref: ${spec.head.symref}\n` : `${spec.head.oid}\n`);
    writeFileSync(path.join(dir, 'packed-refs'), packedRefsText(spec.refs));
    for (const [name, target] of spec.refs.symrefs) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), `ref: ${target}\n`);
    }
    if (spec.shallow.length) writeFileSync(path.join(dir, 'shallow'), spec.shallow.join('\n') + '\n');
  } catch (err) {
    removeShadow(dir);
    throw err;
  }
  return dir;
}

export function removeShadow(dir: string): void {
  if (!live.delete(dir)) return;
  rmSync(dir, { recursive: true, force: true });
}
