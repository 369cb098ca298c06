// The identity log: views found by a file's identity (stat or blob id) in one append-only file per
// repository, each line checked before use, superseded lines dropped when they pile up.
import { promises as fs, readdirSync, statSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IdentityLog, SETTLED_MS, statIdentity } from '../../runner/identity-log.js';
import { tmpDir } from '../helpers/git.js';

const logFiles = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.log'));
const logPath = (dir: string) => path.join(dir, logFiles(dir)[0]);

describe('statIdentity', () => {
  const NOW = 1_800_000_000_000;
  const ns = (ms: number) => BigInt(ms) * 1_000_000n;
  const stat = (over: Partial<Record<'dev' | 'ino' | 'size' | 'mtimeNs' | 'ctimeNs', bigint>> = {}) =>
    ({ dev: 1n, ino: 2n, size: 3n, mtimeNs: ns(NOW - 60_000), ctimeNs: ns(NOW - 60_000), ...over }) as unknown as BigIntStats;

  it('names a settled file by device, inode, size and both times', () => {
    const base = statIdentity(stat(), NOW);
    expect(base).toBe(`stat:1:2:3:${ns(NOW - 60_000)}:${ns(NOW - 60_000)}`);
    const changed = [{ dev: 9n }, { ino: 9n }, { size: 9n }, { mtimeNs: ns(NOW - 50_000) }, { ctimeNs: ns(NOW - 50_000) }].map((o) => statIdentity(stat(o), NOW));
    expect(new Set([base, ...changed]).size).toBe(6);
  });

  it('gives none while either time is within the settling time, or ahead of the clock', () => {
    expect(statIdentity(stat({ mtimeNs: ns(NOW - SETTLED_MS + 1) }), NOW)).toBeUndefined();
    expect(statIdentity(stat({ ctimeNs: ns(NOW - 10) }), NOW)).toBeUndefined();
    expect(statIdentity(stat({ ctimeNs: ns(NOW + 60_000) }), NOW)).toBeUndefined();
    expect(statIdentity(stat({ mtimeNs: ns(NOW - SETTLED_MS), ctimeNs: ns(NOW - SETTLED_MS) }), NOW)).toBeDefined();
  });
});

describe('IdentityLog', () => {
  it('gives back what was appended, for the same parser, file and identity only', () => {
    const dir = tmpDir('porgs-log-');
    new IdentityLog(dir, '/repo').append('markdown:1', 'a.md', 'stat:1', { ok: true, value: [1] });
    const log = new IdentityLog(dir, '/repo');
    expect(log.get('markdown:1', 'a.md', 'stat:1')).toEqual({ ok: true, value: [1] });
    expect(log.get('markdown:1', 'a.md', 'stat:2')).toBeUndefined();
    expect(log.get('markdown:2', 'a.md', 'stat:1')).toBeUndefined();
    expect(log.get('markdown:1', 'b.md', 'stat:1')).toBeUndefined();
    expect(new IdentityLog(dir, '/other-repo').get('markdown:1', 'a.md', 'stat:1')).toBeUndefined();
  });

  it('keeps a work-tree view and a commit view of one file apart; the last line of a slot wins', () => {
    const dir = tmpDir('porgs-log-');
    const log = new IdentityLog(dir, '/repo');
    log.append('csv:1', 'x.csv', 'stat:1', 'work tree');
    log.append('csv:1', 'x.csv', 'blob:abc', 'commit');
    log.append('csv:1', 'x.csv', 'stat:2', 'edited');
    const again = new IdentityLog(dir, '/repo');
    expect([again.get('csv:1', 'x.csv', 'stat:1'), again.get('csv:1', 'x.csv', 'stat:2'), again.get('csv:1', 'x.csv', 'blob:abc')]).toEqual([undefined, 'edited', 'commit']);
  });

  it('refuses a line whose content was changed under its checksum, and one moved from another repository', async () => {
    const dir = tmpDir('porgs-log-');
    new IdentityLog(dir, '/repo').append('csv:1', 'x.csv', 'stat:1', { rows: 1 });
    const file = logPath(dir);
    const honest = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, honest.replace('"rows":1', '"rows":2'));
    expect(new IdentityLog(dir, '/repo').get('csv:1', 'x.csv', 'stat:1')).toBeUndefined();
    await fs.writeFile(file, honest);
    expect(new IdentityLog(dir, '/repo').get('csv:1', 'x.csv', 'stat:1')).toEqual({ rows: 1 });
    // The same line in the log of another repository (its file name) does not hold there.
    const other = new IdentityLog(dir, '/other');
    other.append('csv:1', 'y.csv', 'stat:9', 0);
    const otherFile = logFiles(dir).map((f) => path.join(dir, f)).find((f) => f !== file)!;
    await fs.appendFile(otherFile, honest);
    expect(new IdentityLog(dir, '/other').get('csv:1', 'x.csv', 'stat:1')).toBeUndefined();
  });

  it('skips a torn or garbled line and reads the others', async () => {
    const dir = tmpDir('porgs-log-');
    const log = new IdentityLog(dir, '/repo');
    log.append('p:1', 'a', 'stat:1', 'A');
    await fs.appendFile(logPath(dir), 'not a line\n\t\n0123 ["p:1","b","stat:1"]\t"B"\n');
    log.append('p:1', 'c', 'stat:1', 'C');
    const text = await fs.readFile(logPath(dir), 'utf8');
    await fs.writeFile(logPath(dir), text.slice(0, -5));
    const again = new IdentityLog(dir, '/repo');
    expect([again.get('p:1', 'a', 'stat:1'), again.get('p:1', 'b', 'stat:1'), again.get('p:1', 'c', 'stat:1')]).toEqual(['A', undefined, undefined]);
  });

  it('is rewritten with one line per slot once superseded lines pile up', async () => {
    const dir = tmpDir('porgs-log-');
    const log = new IdentityLog(dir, '/repo');
    for (let i = 0; i < 100; i++) log.append('p:1', 'a.md', `stat:${i}`, i);
    log.append('p:1', 'b.md', 'stat:0', 'b');
    const before = (await fs.readFile(logPath(dir), 'utf8')).split('\n').filter(Boolean);
    expect(before).toHaveLength(101);
    const again = new IdentityLog(dir, '/repo');
    expect(again.get('p:1', 'a.md', 'stat:99')).toBe(99);
    const after = (await fs.readFile(logPath(dir), 'utf8')).split('\n').filter(Boolean);
    expect(after).toEqual([before[99], before[100]]);
    expect(new IdentityLog(dir, '/repo').get('p:1', 'b.md', 'stat:0')).toBe('b');
  });

  it('writes a private file in a private shard, and nothing where the cache folder is open to others', async () => {
    const dir = tmpDir('porgs-log-');
    new IdentityLog(dir, '/repo').append('p:1', 'a', 'stat:1', 1);
    expect(statSync(logPath(dir)).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(logPath(dir))).mode & 0o077).toBe(0);
    const open = tmpDir('porgs-log-');
    await fs.chmod(open, 0o777);
    new IdentityLog(open, '/repo').append('p:1', 'a', 'stat:1', 1);
    expect(logFiles(open)).toEqual([]);
  });
});
