// Plugins given to lint() as objects, on repos given as data: their rules run under their ids,
// with config severities and options, suppressions, SARIF rules[] and the checks on names and
// shapes. Plugins loaded from files (and the ones that must not load) are tested through the CLI.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildSarif } from '../../reporters/sarif.js';
import { json } from '../../reporters/json.js';
import { EMPTY_CONFIG, parseConfig, type Config } from '../../runner/config.js';
import { UsageError } from '../../runner/errors.js';
import { MemorySource } from '../../runner/memory-source.js';
import { definePlugin, type PluginDefinition } from '../../runner/plugin-api.js';
import { pluginProblem } from '../../runner/plugin-check.js';
import { pluginRules, type PluginSpec } from '../../runner/plugins.js';
import { allRuleMeta } from '../../runner/registry.js';
import { lint } from '../../runner/run.js';
import { defineRule } from '../../runner/types.js';

const FILE = 'exegol/config/ConstantConfig.py';
const TODO_FILES = { [FILE]: '__version__ = "5.2.0b1"\n# TODO: drop the beta\n' };

const noTodo = defineRule({
  description: 'No TODO left in the version file.',
  kinds: ['wrapper'],
  severity: 'warning',
  messages: { todo: '"{{word}}" left in {{path}}; finish it before the release' },
  identity: ['path', 'word'],
  options: { word: { type: 'string', default: 'TODO', description: 'The word that marks unfinished work.' } },
  async check(ctx) {
    const lines = (await ctx.read(FILE))?.split('\n') ?? [];
    lines.forEach((text, i) => {
      const column = text.indexOf(ctx.options.word);
      if (column >= 0) ctx.report({ path: FILE, at: { line: i + 1, column: column + 1 }, messageId: 'todo', data: { path: FILE, word: ctx.options.word } });
    });
  },
});

const acme = definePlugin({ name: 'acme-corp', docsUrl: 'https://example.com/rules/{rule}.md', rules: { 'no-todo': noTodo } });

function run(files: Record<string, string>, plugins: readonly PluginSpec[] = [acme], config: Config = EMPTY_CONFIG) {
  return lint({ repos: [{ name: 'repo', source: new MemorySource(files) }], kind: 'wrapper', mode: 'dev', today: '2026-01-15', env: {}, config, plugins });
}

const configOf = async (text: string) =>
  parseConfig(text, [...(await allRuleMeta()), ...pluginRules(acme)], { file: 'porgs-lint.toml', displayFile: 'porgs-lint.toml', baseDir: '/ws/repo' });

const ofPlugin = (result: Awaited<ReturnType<typeof run>>) => result.diagnostics.filter((d) => d.ruleId.startsWith('acme-corp/'));
const schema = JSON.parse(readFileSync(new URL('../../docs/json-format.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('plugin rules', () => {
  it('run under <plugin>/<rule> at their default severity, as data, in a JSON report that matches its schema', async () => {
    const result = await run(TODO_FILES);
    expect(ofPlugin(result).map((d) => [d.ruleId, d.severity, d.messageId, d.data, d.location.line, d.location.column])).toEqual([
      ['acme-corp/no-todo', 'warning', 'todo', { path: FILE, word: 'TODO' }, 2, 3],
    ]);
    expect(result.executionSuccessful).toBe(true);
    const report = JSON.parse(json(result, { color: false, cwd: '/' }));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('take their severity and options from the config, like built-in rules', async () => {
    const config = await configOf('[rules]\n"acme-corp/no-todo" = { severity = "error", options = { word = "beta" } }\n');
    const found = ofPlugin(await run(TODO_FILES, [acme], config));
    expect(found.map((d) => [d.severity, d.data.word, d.location.line])).toEqual([
      ['error', 'beta', 2],
    ]);
  });

  it('have their options checked by the config loader', async () => {
    await expect(configOf('[rules]\n"acme-corp/no-todo" = { options = { wrod = "x" } }\n')).rejects.toThrow(/acme-corp\/no-todo has no option "wrod" \(did you mean "word"\?\)/);
    await expect(configOf('[rules]\n"acme-corp/no-todo" = { options = { word = 3 } }\n')).rejects.toThrow(/option "word" of acme-corp\/no-todo must be a string/);
  });

  it('are suppressed by a comment naming them, and an unused suppression of one is reported', async () => {
    const suppressed = { [FILE]: '__version__ = "5.2.0b1"\n# porgs-lint-disable-next-line acme-corp/no-todo -- tracked in the release notes\n# TODO: drop the beta\n' };
    const result = await run(suppressed);
    expect(result.rules.map((r) => r.meta.id)).toContain('acme-corp/no-todo');
    expect(ofPlugin(result)).toEqual([]);
    expect(result.diagnostics.filter((d) => d.ruleId === 'meta/unused-suppression')).toEqual([]);
    const unused = { [FILE]: '# porgs-lint-disable-next-line acme-corp/no-todo -- nothing to hide\n__version__ = "5.2.0b1"\n' };
    const reported = (await run(unused)).diagnostics.filter((d) => d.ruleId === 'meta/unused-suppression');
    expect(reported.map((d) => [d.messageId, d.data.rules, d.location.line])).toEqual([['unused', 'acme-corp/no-todo', 1]]);
  });

  it('are described in SARIF rules[] with the plugin\'s doc address as helpUri, or no helpUri when it gives none', async () => {
    const sarif = buildSarif(await run(TODO_FILES));
    const run0 = sarif.runs[0];
    const descriptor = run0.tool.driver.rules.find((r) => r.id === 'acme-corp/no-todo');
    expect(descriptor).toMatchObject({ helpUri: 'https://example.com/rules/no-todo.md', shortDescription: { text: 'No TODO left in the version file.' }, defaultConfiguration: { level: 'warning' } });
    const result = run0.results.find((r) => r.ruleId === 'acme-corp/no-todo')!;
    expect(run0.tool.driver.rules[result.ruleIndex!].id).toBe('acme-corp/no-todo');

    const undocumented = definePlugin({ name: 'plain', rules: { 'no-todo': noTodo } });
    const bare = buildSarif(await run(TODO_FILES, [undocumented])).runs[0].tool.driver.rules.find((r) => r.id === 'plain/no-todo')!;
    expect('helpUri' in bare).toBe(false);
    expect(JSON.stringify(bare)).not.toContain('docs/rules/plain');
  });

  it('that throw become meta/internal-error naming the rule, and the run is incomplete', async () => {
    const failing = definePlugin({ name: 'acme-corp', rules: { broken: defineRule({ ...noTodo, check: () => Promise.reject(new Error('boom')) }) } });
    const result = await run(TODO_FILES, [failing]);
    expect(result.diagnostics.filter((d) => d.ruleId === 'meta/internal-error').map((d) => [d.messageId, d.data])).toEqual([['ruleFailed', { rule: 'acme-corp/broken', error: 'boom' }]]);
    expect(result.executionSuccessful).toBe(false);
  });
});

describe('plugin names', () => {
  it('may not take the group of a built-in rule, nor local', async () => {
    for (const name of ['wrapper', 'meta', 'hook', 'local']) {
      const err = await run(TODO_FILES, [{ ...acme, name }]).catch((e: unknown) => e);
      expect(err, name).toBeInstanceOf(UsageError);
      expect((err as Error).message).toContain(`plugin name "${name}" is taken by porgs-lint's own rules`);
    }
  });

  it('may not be shared by two plugins', async () => {
    const other: PluginDefinition = { name: 'acme-corp', rules: { other: noTodo } };
    const err = await run(TODO_FILES, [acme, other]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(/plugin name "acme-corp" is also the name of plugin plugins\[0\] \(acme-corp\); their rule ids would collide/);
  });

  it('refuse a module named by a relative path, which could resolve inside the linted folder', async () => {
    for (const spec of ['./acme.mjs', '../plugins/acme.mjs', 'plugins/acme.mjs']) {
      const err = await run(TODO_FILES, [spec]).catch((e: unknown) => e);
      expect(err, spec).toBeInstanceOf(UsageError);
      expect((err as Error).message).toContain(`plugin ${spec}: give an absolute path or the name of a package installed beside porgs-lint`);
    }
  });
});

describe('a plugin that is not a plugin', () => {
  it('is meta/internal-error naming it (pluginFailed); its rules do not run, the others do, and the run is incomplete', async () => {
    const broken = { name: 'acme-corp', rules: { 'no-todo': { ...noTodo, kinds: ['windows'] } } } as unknown as PluginDefinition;
    const result = await run({ [FILE]: '__version__ = "5.2.0-beta1"\n# TODO\n' }, [broken]);
    const failed = result.diagnostics.filter((d) => d.ruleId === 'meta/internal-error');
    expect(failed.map((d) => [d.messageId, d.data.plugin, d.severity])).toEqual([['pluginFailed', 'plugins[0] (acme-corp)', 'error']]);
    expect(failed[0].data.error).toBe('rule acme-corp/no-todo kinds must list repo kinds among wrapper, images, docs, resources');
    expect(ofPlugin(result)).toEqual([]);
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('wrapper/version-format');
    expect(result.executionSuccessful).toBe(false);
  });

  const valid = { name: 'acme', rules: { 'no-todo': noTodo } };
  const cases: Array<[string, unknown, string]> = [
    ['not an object', 42, 'its default export is not a plugin'],
    ['a name with capitals', { ...valid, name: 'Acme' }, 'plugin name "Acme" must be a lowercase letter'],
    ['a name with a slash', { ...valid, name: 'acme/x' }, 'plugin name "acme/x" must be'],
    ['no rules', { ...valid, rules: {} }, 'it has no rules'],
    ['a rule name with a slash', { ...valid, rules: { 'a/b': noTodo } }, 'rule name "a/b" must be'],
    ['a rule without check', { ...valid, rules: { x: { ...noTodo, check: undefined } } }, 'rule acme/x has no check(ctx) function'],
    ['an unknown severity', { ...valid, rules: { x: { ...noTodo, severity: 'fatal' } } }, 'rule acme/x severity must be one of error, warning, note'],
    ['no messages', { ...valid, rules: { x: { ...noTodo, messages: {} } } }, 'rule acme/x needs messages'],
    ['a messageId JSON reports refuse', { ...valid, rules: { x: { ...noTodo, messages: { 'no-todo': 'x' } } } }, 'messageId "no-todo" must be a letter'],
    ['an unknown parser', { ...valid, rules: { x: { ...noTodo, parsers: ['cobol'] } } }, 'rule acme/x parsers must list parsers among'],
    ['an option default of the wrong type', { ...valid, rules: { x: { ...noTodo, options: { word: { type: 'number', default: 'x', description: 'd' } } } } }, 'the default of option "word" must be a number'],
    ['a docsUrl that is not https', { ...valid, docsUrl: 'http://example.com/{rule}' }, 'must be an https: address'],
    ['a docsUrl without {rule}', { ...valid, docsUrl: 'https://example.com/rules' }, 'must say where the rule\'s name goes with {rule}'],
  ];
  it.each(cases)('is refused for %s', (_what, plugin, expected) => {
    expect(pluginProblem(plugin)).toContain(expected);
  });

  it('is accepted when every field is as documented', () => {
    expect(pluginProblem(acme)).toBeUndefined();
    expect(pluginProblem({ ...valid, docsUrl: 'https://example.com/{rule}', rules: { 'rule-2': { ...noTodo, modes: ['release'], parsers: ['python'], precision: 'medium' } } })).toBeUndefined();
  });
});
