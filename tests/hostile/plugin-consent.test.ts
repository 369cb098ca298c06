// Plugins are code: they load only from what the user names (`--plugin` with an absolute path or a
// package beside porgs-lint). A checked repository can neither name one in its config nor be the
// place one is loaded from. Each trap plugin writes a marker when imported: it must not appear.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeFolder, writeFiles } from '../helpers/git.js';
import { tempFolders, trapFolder } from '../helpers/hostile.js';

const keep = tempFolders();
const WRAPPER = { 'exegol/config/ConstantConfig.py': '__version__ = "5.2.0"\n' };
const ARGS = ['--mode', 'dev', '--no-cache', '--format', 'json'];

/** A plugin module that leaves `marker` behind as soon as anything imports it. */
function trapPlugin(marker: string, name = 'trap'): string {
  return [
    "import { writeFileSync } from 'node:fs';",
    `writeFileSync(${JSON.stringify(marker)}, 'imported');`,
    'export default {',
    `  name: ${JSON.stringify(name)},`,
    "  rules: { x: { description: 'x', kinds: ['wrapper'], severity: 'error', messages: { x: 'x' }, check() {} } },",
    '};',
    '',
  ].join('\n');
}

async function setUp() {
  const traps = trapFolder(keep);
  const marker = path.join(traps, 'plugin.imported');
  const outside = path.join(traps, 'trap.mjs');
  await fs.writeFile(outside, trapPlugin(marker));
  const repo = keep(await makeFolder({ files: { ...WRAPPER, 'evil.mjs': trapPlugin(marker) } }));
  return { traps, marker, outside, repo, inside: path.join(repo, 'evil.mjs') };
}

describe('a config found in a checked repo that names a plugin', () => {
  const forms: Array<[string, (plugin: string) => string]> = [
    ['porgs-lint.toml', (p) => `plugins = [${JSON.stringify(p)}]\n`],
    ['porgs-lint.yaml', (p) => `plugins:\n  - ${JSON.stringify(p)}\n`],
    ['porgs-lint.json', (p) => `{ "plugins": [${JSON.stringify(p)}] }\n`],
  ];
  it.each(forms)('is refused in %s with the reason and where plugins are named, and the plugin is never imported', async (name, text) => {
    const { marker, outside, repo } = await setUp();
    await writeFiles(repo, { [name]: text(outside) });
    const res = await runCli([...ARGS, repo]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain(`${name}:1:`);
    expect(res.stderr).toContain('a config file cannot name plugins, since a config may come with the checked repository; plugins are loaded only from --plugin');
    expect(existsSync(marker)).toBe(false);
  });

  it('is refused even when the user names other plugins on the command line', async () => {
    const { traps, marker, outside, repo } = await setUp();
    const own = path.join(traps, 'own.mjs');
    await fs.writeFile(own, "export default { name: 'own', rules: { x: { description: 'x', kinds: ['wrapper'], severity: 'note', messages: { x: 'x' }, check() {} } } };\n");
    await writeFiles(repo, { 'porgs-lint.toml': `plugins = [${JSON.stringify(outside)}]\n` });
    const res = await runCli([...ARGS, '--plugin', own, repo]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('a config file cannot name plugins');
    expect(existsSync(marker)).toBe(false);
  });
});

describe('a plugin module inside the linted repo', () => {
  it('is refused by absolute path, before it is imported', async () => {
    const { marker, repo, inside } = await setUp();
    const res = await runCli([...ARGS, '--plugin', inside, repo]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain(`porgs-lint: plugin ${inside}: ${inside} lies inside ${repo}, a repository being linted; porgs-lint never runs code from a checked repository`);
    expect(existsSync(marker)).toBe(false);
  });

  it('is refused through a link outside the repo that points into it', async () => {
    const { traps, marker, repo, inside } = await setUp();
    const link = path.join(traps, 'looks-outside.mjs');
    await fs.symlink(inside, link);
    const res = await runCli([...ARGS, '--plugin', link, repo]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`${link} lies inside ${repo}`);
    expect(existsSync(marker)).toBe(false);
  });

  it('is refused when the repo is the current folder and no folder is given', async () => {
    const { marker, repo, inside } = await setUp();
    const res = await runCli([...ARGS, '--plugin', inside], { cwd: repo });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('lies inside');
    expect(existsSync(marker)).toBe(false);
  });

  it('is refused by relative path, even with --list-rules and explain', async () => {
    const { marker, repo } = await setUp();
    for (const args of [[...ARGS, '--plugin', './evil.mjs'], ['--list-rules', '--plugin', './evil.mjs'], ['explain', 'trap/x', '--plugin', './evil.mjs']]) {
      const res = await runCli(args, { cwd: repo });
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr).toContain('plugin ./evil.mjs: give an absolute path or the name of a package installed beside porgs-lint; a relative path is refused');
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('is refused by explain for the repos it explains', async () => {
    const { marker, repo, inside } = await setUp();
    const res = await runCli(['explain', 'trap/x', '--plugin', inside, repo]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('lies inside');
    expect(existsSync(marker)).toBe(false);
  });

  it('is not found by package name in the repo\'s node_modules: names resolve beside porgs-lint only', async () => {
    const { marker, repo } = await setUp();
    const pkg = 'porgs-lint-plugin-planted';
    await writeFiles(repo, {
      [`node_modules/${pkg}/package.json`]: JSON.stringify({ name: pkg, version: '1.0.0', type: 'module', exports: './index.mjs' }),
      [`node_modules/${pkg}/index.mjs`]: trapPlugin(marker),
    });
    // Bare `evil.mjs` is a valid package name too: it is looked up beside porgs-lint, not in the repo.
    for (const spec of [pkg, 'evil.mjs']) {
      const res = await runCli([...ARGS, '--plugin', spec], { cwd: repo });
      expect(res.code, spec).toBe(2);
      const failed = JSON.parse(res.stdout).diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'meta/internal-error');
      expect(failed.map((d: { messageId: string; data: { plugin: string } }) => [d.messageId, d.data.plugin])).toEqual([['pluginFailed', spec]]);
    }
    expect(existsSync(marker)).toBe(false);
  });
});
