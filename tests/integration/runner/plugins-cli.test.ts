// A plugin module on disk, written against the public API and named with --plugin: its rules are
// listed, explained, configured, suppressed and reported like built-in ones; one that fails to
// load is meta/internal-error naming it, exit 2; a collision of names is a usage error.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from '../../helpers/cli.js';
import { makeFolder, tmpDir, writeFiles } from '../../helpers/git.js';

const API = pathToFileURL(path.join(path.dirname(CLI), 'index.js')).href;
const FILE = 'exegol/config/ConstantConfig.py';
const ARGS = ['--mode', 'dev', '--no-cache'];

const PLUGIN = `import { definePlugin, defineRule } from ${JSON.stringify(API)};

export default definePlugin({
  name: 'acme',
  docsUrl: 'https://example.com/acme/{rule}.md',
  rules: {
    'no-todo': defineRule({
      description: 'No TODO left in the version file.',
      details: 'A TODO in the version file is unfinished release work.',
      kinds: ['wrapper'],
      severity: 'warning',
      messages: { todo: '"{{word}}" left in {{path}}; finish it before the release' },
      identity: ['path'],
      options: { word: { type: 'string', default: 'TODO', description: 'The word that marks unfinished work.' } },
      async check(ctx) {
        const lines = (await ctx.read(${JSON.stringify(FILE)}))?.split('\\n') ?? [];
        lines.forEach((text, i) => {
          if (text.includes(ctx.options.word)) ctx.report({ path: ${JSON.stringify(FILE)}, at: { line: i + 1, column: 1 }, messageId: 'todo', data: { path: ${JSON.stringify(FILE)}, word: ctx.options.word } });
        });
      },
    }),
  },
});
`;

const pluginsDir = tmpDir('porgs-plugins-');
const plugin = path.join(pluginsDir, 'acme.mjs');
await fs.writeFile(plugin, PLUGIN);

const schema = JSON.parse(await fs.readFile(new URL('../../../docs/json-format.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

async function repoWith(extra: Record<string, string> = {}) {
  return makeFolder({ files: { [FILE]: '__version__ = "5.2.0b1"\n# TODO: drop the beta\n', ...extra } });
}

async function writePlugin(name: string, text: string): Promise<string> {
  const file = path.join(pluginsDir, name);
  await fs.writeFile(file, text);
  return file;
}

type Finding = { ruleId: string; severity: string; messageId: string; data: Record<string, string>; location: { line: number } };
const findingsOf = (stdout: string, prefix: string) => (JSON.parse(stdout).diagnostics as Finding[]).filter((d) => d.ruleId.startsWith(prefix));

describe('--plugin <absolute path>', () => {
  it('runs the plugin\'s rules under <plugin>/<rule>, at the severity and with the options the repo config sets', async () => {
    const repo = await repoWith({ 'porgs-lint.toml': '[rules]\n"acme/no-todo" = { severity = "error", options = { word = "beta" } }\n' });
    const res = await runCli([...ARGS, '--format', 'json', '--plugin', plugin, repo]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(1);
    const report = JSON.parse(res.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(findingsOf(res.stdout, 'acme/').map((d) => [d.ruleId, d.severity, d.messageId, d.data.word, d.location.line])).toEqual([['acme/no-todo', 'error', 'todo', 'beta', 2]]);
  });

  it('honours a suppression of a plugin rule, and reports one that suppresses nothing', async () => {
    const repo = await repoWith({ [FILE]: '# porgs-lint-disable-next-line acme/no-todo -- nothing here\n__version__ = "5.2.0b1"\n# porgs-lint-disable-next-line acme/no-todo -- drop it with the beta\n# TODO: drop the beta\n' });
    const res = await runCli([...ARGS, '--format', 'json', '--plugin', plugin, repo]);
    expect(findingsOf(res.stdout, 'acme/')).toEqual([]);
    expect(findingsOf(res.stdout, 'meta/unused-suppression').map((d) => [d.data.rules, d.location.line])).toEqual([['acme/no-todo', 1]]);
  });

  it('describes plugin rules in SARIF rules[] with the plugin\'s doc address', async () => {
    const repo = await repoWith();
    const res = await runCli([...ARGS, '--format', 'sarif', '--plugin', plugin, repo]);
    const run = JSON.parse(res.stdout).runs[0];
    const descriptor = run.tool.driver.rules.find((r: { id: string }) => r.id === 'acme/no-todo');
    expect(descriptor).toMatchObject({ helpUri: 'https://example.com/acme/no-todo.md', fullDescription: { text: 'A TODO in the version file is unfinished release work.' } });
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'acme/no-todo');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('acme/no-todo');
  });

  it('lists plugin rules with --list-rules and explains them, only when the plugin is named', async () => {
    const listed = await runCli(['--list-rules', '--plugin', plugin]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^acme\/no-todo +warning +release,dev +wrapper +No TODO left in the version file\.$/m);
    expect((await runCli(['--list-rules'])).stdout).not.toContain('acme/');

    const repo = await repoWith();
    const explained = await runCli(['explain', 'acme/no-todo', '--mode', 'dev', '--plugin', plugin, repo]);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain('A TODO in the version file is unfinished release work.');
    expect(explained.stdout).toContain('    word (string, default "TODO"): The word that marks unfinished work.');
    expect(explained.stdout).toContain('  doc page:         https://example.com/acme/no-todo.md');
    expect(explained.stdout).toMatch(/\(wrapper, dev mode: --mode dev\): runs: applies to wrapper repos in dev mode/);
    const unknown = await runCli(['explain', 'acme/no-todo', repo]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('explain acme/no-todo: unknown rule id');
  });

  it('is the only way a config may set a plugin rule: without it, the id is unknown', async () => {
    const repo = await repoWith({ 'porgs-lint.toml': '[rules]\n"acme/no-todo" = "error"\n' });
    const res = await runCli([...ARGS, repo]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/porgs-lint\.toml:2:1: unknown rule id "acme\/no-todo"/);
  });
});

describe('a plugin that fails to load', () => {
  it('is meta/internal-error naming it, exit 2; the built-in rules still run', async () => {
    const broken = await writePlugin('throws.mjs', "throw new Error('cannot start: missing ACME_TOKEN');\n");
    const repo = await repoWith();
    const res = await runCli([...ARGS, '--format', 'json', '--plugin', broken, repo]);
    expect(res.code).toBe(2);
    const failed = findingsOf(res.stdout, 'meta/internal-error');
    expect(failed.map((d) => [d.messageId, d.severity, d.data.plugin, d.data.error])).toEqual([['pluginFailed', 'error', broken, 'cannot start: missing ACME_TOKEN']]);
    expect(findingsOf(res.stdout, 'wrapper/').length).toBeGreaterThan(0);
  });

  it('is meta/internal-error when the file is missing or its default export is not a plugin', async () => {
    const repo = await repoWith();
    const notPlugin = await writePlugin('not-a-plugin.mjs', 'export default { rules: {} };\n');
    const missing = path.join(pluginsDir, 'missing.mjs');
    const res = await runCli([...ARGS, '--format', 'json', '--plugin', notPlugin, '--plugin', missing, repo]);
    expect(res.code).toBe(2);
    const failed = findingsOf(res.stdout, 'meta/internal-error').map((d) => [d.data.plugin, d.data.error]);
    expect(failed).toHaveLength(2);
    expect(failed).toContainEqual([notPlugin, 'plugin name undefined must be a lowercase letter, then lowercase letters, digits and "-", at most 32 characters']);
    expect(failed.find(([p]) => p === missing)?.[1]).toContain('Cannot find module');
  });

  it('says so when the config sets one of its rules, instead of only "unknown rule id"', async () => {
    const broken = await writePlugin('throws-too.mjs', "throw new Error('boom');\n");
    const repo = await repoWith({ 'porgs-lint.toml': '[rules]\n"acme/no-todo" = "error"\n' });
    const res = await runCli([...ARGS, '--plugin', broken, repo]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`unknown rule id "acme/no-todo"`);
    expect(res.stderr).toContain(`; plugin ${broken} could not be loaded (boom)`);
  });

  it('is a usage error for --list-rules and explain, which write no report to carry the finding', async () => {
    const broken = await writePlugin('throws-early.mjs', "throw new Error('boom');\n");
    for (const args of [['--list-rules', '--plugin', broken], ['explain', 'acme/no-todo', '--plugin', broken, await repoWith()]]) {
      const res = await runCli(args);
      expect(res.code, args[0]).toBe(2);
      expect(res.stdout).toBe('');
      expect(res.stderr).toBe(`porgs-lint: plugin ${broken} could not be loaded: boom\n`);
    }
  });
});

describe('plugin names that collide', () => {
  it('with a group of built-in rules is a usage error', async () => {
    const wrapperPlugin = await writePlugin('wrapper.mjs', PLUGIN.replace("name: 'acme'", "name: 'wrapper'"));
    const res = await runCli([...ARGS, '--plugin', wrapperPlugin, await repoWith()]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe(`porgs-lint: plugin ${wrapperPlugin}: plugin name "wrapper" is taken by porgs-lint's own rules (wrapper/...); rule ids must stay unique: rename the plugin\n`);
  });

  it('with another plugin is a usage error naming both', async () => {
    const twin = await writePlugin('acme-twin.mjs', PLUGIN);
    const res = await runCli([...ARGS, '--plugin', plugin, '--plugin', twin, await repoWith()]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(`porgs-lint: plugin ${twin}: plugin name "acme" is also the name of plugin ${plugin}; their rule ids would collide: load only one of them\n`);
  });
});

describe('a workspace config whose [repos] hold the plugin', () => {
  it('stops the run before any rule runs (the folders a config lists are known only once it is read)', async () => {
    const ws = tmpDir('porgs-ws-');
    const repo = path.join(ws, 'wrapper');
    await writeFiles(repo, { [FILE]: '__version__ = "5.2.0"\n', 'porgs-lint.toml': '[repos.wrapper]\npath = "."\n[repos.tools]\npath = "../tools"\n' });
    const inTools = path.join(ws, 'tools', 'acme.mjs');
    await writeFiles(path.join(ws, 'tools'), { 'acme.mjs': PLUGIN, [FILE]: '__version__ = "5.2.0"\n' });
    const res = await runCli([...ARGS, '--plugin', inTools], { cwd: repo, env: { CI: '' } });
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain(`${inTools} lies inside ${path.join(ws, 'tools')}, a repository being linted`);
  });
});
