// How file bytes become text for every rule: line endings (CRLF, lone CR) and UTF-16 with a byte
// order mark, from the work tree and from a commit alike.
import { promises as fs, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pretty } from '../../../reporters/pretty.js';
import { lint } from '../../../runner/run.js';
import { commitAll, makeFolder, makeRepo } from '../../helpers/git.js';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

// install_a (line 4) lacks add-history; install_b (line 8) has it.
const SCRIPT = ['#!/bin/bash', '# Package a', '', 'function install_a() {', '  colorecho "Installing a"', '}', '', 'function install_b() {', '  add-history b', '}', ''];
const PACKAGE = 'sources/install/package_a.sh';
const EXPECTED = ['images/install-add-history sources/install/package_a.sh:4:10'];

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);

async function repoWith(bytes: Buffer, opts: { git?: boolean } = {}): Promise<string> {
  const files = { 'sources/install/entrypoint.sh': '#!/bin/bash\nsource package_a.sh\n' };
  const dir = opts.git ? await makeRepo({ files }) : await makeFolder({ files });
  created.push(dir);
  await fs.writeFile(path.join(dir, PACKAGE), bytes);
  if (opts.git) await commitAll(dir, 'package');
  return dir;
}

const run = (dir: string, rev?: string) =>
  lint({ dirs: [dir], kind: 'images', mode: 'dev', rev, rules: ['images/install-add-history', 'meta/parse-error'], env: {}, today: '2026-01-15' });
const found = async (dir: string, rev?: string) => (await run(dir, rev)).diagnostics.map((d) => `${d.ruleId} ${d.location.path}:${d.location.line}:${d.location.column}`);

describe('line endings', () => {
  it('LF, CRLF and lone CR (classic Mac) put the finding on the same line', async () => {
    for (const eol of ['\n', '\r\n', '\r']) expect([JSON.stringify(eol), await found(await repoWith(Buffer.from(SCRIPT.join(eol))))]).toEqual([JSON.stringify(eol), EXPECTED]);
  });

  it('every reader sees those lines: a suppression in a lone-CR file applies to its next line', async () => {
    const suppressed = [...SCRIPT.slice(0, 3), '# porgs-lint-disable-next-line images/install-add-history -- a library, no history', ...SCRIPT.slice(3)];
    const result = await lint({ dirs: [await repoWith(Buffer.from(suppressed.join('\r')))], kind: 'images', mode: 'dev', env: {}, today: '2026-01-15', rules: ['images/install-add-history'] });
    expect(result.diagnostics.map((d) => `${d.ruleId} ${d.location.line}`)).toEqual([]);
  });

  it('the pretty excerpt of a lone-CR file shows the finding line', async () => {
    const out = pretty(await run(await repoWith(Buffer.from(SCRIPT.join('\r')))), { color: false, cwd: process.cwd() });
    expect(out).toContain('    4 | function install_a() {\n');
  });

  it('a lone-CR file in a commit (--rev) reads the same', async () => {
    expect(await found(await repoWith(Buffer.from(SCRIPT.join('\r')), { git: true }), 'HEAD')).toEqual(EXPECTED);
  });
});

describe('UTF-16', () => {
  it('with a byte order mark (LE or BE) is decoded, not read as a binary file', async () => {
    for (const encode of [utf16le, utf16be]) expect(await found(await repoWith(encode(SCRIPT.join('\n'))))).toEqual(EXPECTED);
  });

  it('in a commit (--rev) is decoded too', async () => {
    expect(await found(await repoWith(utf16le(SCRIPT.join('\r\n')), { git: true }), 'HEAD')).toEqual(EXPECTED);
  });

  it('cut in the middle of a character is reported as unreadable, saying why', async () => {
    const dir = await repoWith(utf16le(SCRIPT.join('\n')).subarray(0, 41));
    const result = await run(dir);
    expect(result.diagnostics.map((d) => `${d.ruleId} ${d.location.path}:${d.location.line} ${d.message}`)).toEqual([
      `meta/parse-error ${PACKAGE}:1 cannot read ${PACKAGE}: UTF-16 LE text with an odd number of bytes (truncated?); save it as UTF-8`,
    ]);
  });
});
