// docs/stale-reference reads pages and the other repos' trees and texts, all chosen by the checked
// repos: a line built to make a pattern backtrack, a page of broken code, a tree too large to walk
// or to read as one object. Each must end, quickly and bounded, with no finding it could not
// stand behind ("cannot verify" instead).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintCase } from '../../runner/testing.js';
import { runCli } from '../helpers/cli.js';
import { GIT_ENV, git, makeFolder, makeRepo } from '../helpers/git.js';
import { ALL, DOCS, IMAGES, MY_RESOURCES, NOTES, images, resources, wrapper } from '../cross/stale-workspace.js';

const RULE = 'docs/stale-reference';
const addLine = (line: string) => ({ ...DOCS, [MY_RESOURCES]: `${DOCS[MY_RESOURCES]}\n${line}\n` });

describe('pages built against the patterns', () => {
  it('a heading of 5,000 spaces before its last word (cubic for a lazy heading pattern) ends at once, with no finding', async () => {
    const found = await lintCase(RULE, { files: { ...DOCS, 'docs/src/wrapper/odd.md': `# a${' '.repeat(5000)}b\n\n\`setup.py\`\n` }, repos: ALL() });
    expect(found).toEqual([]);
  }, 5_000);

  it('unclosed fences, backtick runs, control characters and words of 100,000 characters give no finding and no failure', async () => {
    const page = ['```bash', 'git -C', 'git checkout', '`'.repeat(5000), `\u0000\u001b[31m/opt/x/\u0007y ${'a/'.repeat(20000)}`, `\`${'A_'.repeat(50_000)}x\` ${'b.'.repeat(50_000)}c`, '# ```', '~~~'].join('\n');
    const found = await lintCase(RULE, { files: { ...DOCS, 'docs/src/images/bad.md': page }, repos: ALL() });
    expect(found.map((d) => `${d.ruleId} ${d.messageId}`)).toEqual([]);
  });
});

describe('work that grows with the references', () => {
  it('40 long missing paths against 20,000 files: the "did you mean" hints stay bounded', async () => {
    const many: Record<string, string> = { ...IMAGES };
    for (let i = 0; i < 20_000; i++) many[`sources/f${'q'.repeat(150)}${i}.sh`] = '';
    const lines = Array.from({ length: 40 }, (_, i) => `- \`sources/${'q'.repeat(200)}${i}.sh\``).join('\n');
    const found = await lintCase(RULE, { files: { ...DOCS, 'docs/src/contribute/images.md': `# Images release process\n\n${lines}\n` }, repos: [wrapper(), images(many), resources()] });
    expect(found.filter((d) => d.messageId === 'missingPath')).toHaveLength(40);
    expect(found.every((d) => d.data?.hint === undefined || d.data.hint === '')).toBe(true);
  }, 10_000);

  it('400 stale paths inside the image against 870 KB of script text: each reported, the texts indexed once', async () => {
    const text = `cp x /opt/tools/present/\n${'echo filler line of a script\n'.repeat(30_000)}`;
    const imagesFiles = { ...IMAGES, 'sources/assets/big.sh': text };
    const lines = Array.from({ length: 400 }, (_, i) => `- \`/opt/tools/present/gone${i}\``).join('\n');
    const found = await lintCase(RULE, { files: { ...DOCS, 'docs/src/images/tools.md': `# Tools\n\n${lines}\n` }, repos: [wrapper(), images(imagesFiles), resources()] });
    expect(found.filter((d) => d.messageId === 'unnamedImagePath')).toHaveLength(400);
  }, 10_000);
});

describe('repos too large to look through', () => {
  it('a folder of 50,001 files: a name not found is "cannot verify", not a finding', async () => {
    const huge: Record<string, string> = { ...IMAGES };
    for (let i = 0; i <= 50_000; i++) huge[`data/f${i}.txt`] = '';
    const found = await lintCase(RULE, {
      files: addLine('Packages are in `sources/install/package_old.sh` of the Exegol-images repo.'),
      repos: [wrapper(), { name: 'Exegol-images', kind: 'images', files: huge }, resources()],
    });
    expect(found.filter((d) => d.severity !== 'note' || d.unverified).map((d) => `${d.messageId} ${d.location.path}:${d.location.line}`)).toEqual([
      `noBranches ${NOTES}:7`,
      // The walk stops inside data/ (sorted first): even sources/ is not seen.
      `tooLarge ${MY_RESOURCES}:3`,
    ]);
  });

  it('a tree object over 5 MB at the release branch: its folder is not taken for an empty one', async () => {
    const repo = await makeRepo({ files: IMAGES, branch: 'main' });
    const gitIn = (input: string, ...args: string[]) => execFileSync('git', args, { cwd: repo, env: GIT_ENV, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim();
    const blob = await git(repo, 'hash-object', '-w', 'sources/install/package_base.sh');
    // 140,000 entries of about 40 bytes: a tree of 5.6 MB, more than is read as one object.
    const big = gitIn(Array.from({ length: 140_000 }, (_, i) => `100644 blob ${blob}\tf${String(i).padStart(7, '0')}.sh\n`).join(''), 'mktree');
    const root = gitIn(`${await git(repo, 'ls-tree', 'HEAD')}\n040000 tree ${big}\tbig\n`, 'mktree');
    await git(repo, 'update-ref', 'refs/heads/main', await git(repo, 'commit-tree', root, '-p', 'HEAD', '-m', 'a large folder'));
    const docs = await makeFolder({ files: addLine('Each tool has a script, e.g. `big/f0000001.sh` of the Exegol-images repo.') });
    const config = path.join(docs, 'workspace.toml');
    writeFileSync(config, `[repos.Exegol-docs]\npath = "."\nkind = "docs"\n[repos.Exegol-images]\npath = ${JSON.stringify(repo)}\nkind = "images"\n[rules]\n"${RULE}" = "warning"\n`);
    const res = await runCli(['--no-cache', '--rule', RULE, '--format', 'json', '--config', config], { cwd: docs });
    const found = (JSON.parse(res.stdout) as { diagnostics: Array<{ messageId: string; severity: string; location: { path: string; line: number } }> }).diagnostics;
    expect(found.filter((d) => d.severity !== 'note')).toEqual([]);
    expect(found.filter((d) => d.messageId === 'tooLarge').map((d) => `${d.location.path}:${d.location.line}`)).toEqual([`${MY_RESOURCES}:7`]);
  });
});
