import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, isValidRepoName, loadConfig, ruleSetting, safeRepoName } from '../../runner/config.js';
import type { RuleMeta } from '../../runner/types.js';
import { tmpDir } from '../helpers/git.js';

const RULES: RuleMeta[] = [
  {
    id: 'wrapper/version-format',
    description: 'x',
    kinds: ['wrapper'],
    modes: ['release', 'dev'],
    severity: 'error',
    docs: 'docs/rules/wrapper/version-format.md',
    messages: {},
    precision: 'high',
  },
  {
    id: 'images/temp-fix-expired',
    description: 'y',
    kinds: ['images'],
    modes: ['release', 'dev'],
    severity: 'error',
    docs: 'docs/rules/images/temp-fix-expired.md',
    messages: {},
    precision: 'high',
    options: { grace: { type: 'number', default: 0, description: 'days', min: 0 }, scope: { type: 'string', default: 'all', enum: ['all', 'local'], description: 'which' } },
  },
];

async function write(name: string, text: string): Promise<string> {
  const file = path.join(tmpDir(), name);
  await fs.writeFile(file, text);
  return file;
}

async function errorOf(name: string, text: string): Promise<string> {
  const file = await write(name, text);
  try {
    await loadConfig(file, RULES, name);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a config error');
}

describe('config', () => {
  it('reads severities, options, kinds and repos from TOML', async () => {
    const file = await write(
      'porgs-lint.toml',
      [
        'ignore = ["vendor/**"]',
        '[rules]',
        '"wrapper/version-format" = "warning"',
        '"images/temp-fix-expired" = { severity = "note", options = { grace = 3 } }',
        '[kinds.images]',
        'release-branches = ["main", "stable"]',
        'rules = { "images/temp-fix-expired" = "off" }',
        '[repos.docs]',
        'path = "../Exegol-docs"',
        'kind = "docs"',
      ].join('\n'),
    );
    const config = await loadConfig(file, RULES);
    expect(config.ignore).toEqual(['vendor/**']);
    expect(ruleSetting(config, RULES[0], 'wrapper').severity).toBe('warning');
    expect(ruleSetting(config, RULES[1], 'wrapper')).toEqual({ severity: 'note', options: { grace: 3, scope: 'all' } });
    expect(ruleSetting(config, RULES[1], 'images').severity).toBe('off');
    expect(config.kinds.images?.releaseBranches).toEqual(['main', 'stable']);
    expect(config.repos).toEqual([{ name: 'docs', path: path.resolve(path.dirname(file), '../Exegol-docs'), kind: 'docs', mode: undefined }]);
  });

  it('reads YAML and JSON too', async () => {
    const yaml = await loadConfig(await write('porgs-lint.yaml', 'rules:\n  wrapper/version-format: note\n'), RULES);
    expect(ruleSetting(yaml, RULES[0], 'wrapper').severity).toBe('note');
    const json = await loadConfig(await write('porgs-lint.json', '{"rules": {"wrapper/version-format": "off"}}'), RULES);
    expect(ruleSetting(json, RULES[0], 'wrapper').severity).toBe('off');
  });

  it('names the line of an unknown key with a suggestion', async () => {
    expect(await errorOf('porgs-lint.toml', 'ignore = []\n[rulez]\n')).toBe(
      'porgs-lint.toml:2:1: unknown key "rulez" (did you mean "rules"?); allowed: ignore, rules, kinds, repos, hook, policy',
    );
  });

  it('rejects unknown rule ids with a suggestion', async () => {
    expect(await errorOf('porgs-lint.toml', '[rules]\n"wrapper/version-formt" = "error"\n')).toBe(
      'porgs-lint.toml:2:1: unknown rule id "wrapper/version-formt" (did you mean "wrapper/version-format"?); see porgs-lint --list-rules',
    );
  });

  it('rejects wrong types and bad severities', async () => {
    expect(await errorOf('porgs-lint.toml', '[rules]\n"wrapper/version-format" = "eror"\n')).toMatch(
      /^porgs-lint\.toml:2:1: severity of wrapper\/version-format must be one of off, note, warning, error \(did you mean "error"\?\)$/,
    );
    expect(await errorOf('porgs-lint.toml', 'ignore = "vendor"\n')).toBe('porgs-lint.toml:1:1: "ignore" must be a list of strings');
    expect(await errorOf('porgs-lint.yaml', 'rules:\n  images/temp-fix-expired:\n    options:\n      grace: soon\n')).toBe(
      'porgs-lint.yaml:4:7: option "grace" of images/temp-fix-expired must be a number',
    );
    expect(await errorOf('porgs-lint.toml', '[rules]\n"images/temp-fix-expired" = { options = { grace = -1 } }\n')).toBe(
      'porgs-lint.toml:2:30: option "grace" of images/temp-fix-expired must be at least 0',
    );
    expect(await errorOf('porgs-lint.toml', '[rules]\n"images/temp-fix-expired" = { options = { scope = "locl" } }\n')).toBe(
      'porgs-lint.toml:2:30: option "scope" of images/temp-fix-expired must be one of all, local (did you mean "local"?)',
    );
    expect(await errorOf('porgs-lint.json', '{"kinds": {"wraper": {}}}')).toBe(
      'porgs-lint.json:1:12: unknown repo kind "wraper" (did you mean "wrapper"?)',
    );
  });

  it('reports syntax errors with their position', async () => {
    expect(await errorOf('porgs-lint.toml', '[rules\n')).toMatch(/^porgs-lint\.toml:1:\d+: invalid TOML: /);
    expect(await errorOf('porgs-lint.json', '{"rules": }')).toMatch(/^porgs-lint\.json:1:\d+: invalid JSON: /);
  });

  it('takes only repo names that are plain file names, at their line', async () => {
    for (const name of ['../../x', '.hidden', 'a..b', 'a/b', 'x'.repeat(65), 'a b']) {
      expect(await errorOf('porgs-lint.toml', `[repos.ok]\npath = "."\n[repos.${JSON.stringify(name)}]\npath = "x"\n`), name).toMatch(
        new RegExp(`^porgs-lint\\.toml:3:\\d+: repo name ".*" is not allowed: use letters, digits`),
      );
    }
    expect(await errorOf('porgs-lint.toml', '[repos.Docs]\npath = "a"\n[repos.docs]\npath = "b"\n')).toMatch(/^porgs-lint\.toml:3:1: repos\.docs and repos\.Docs differ only in case/);
    expect(['Exegol', 'Exegol-images', 'a.b_c-1', 'x'.repeat(64)].every(isValidRepoName)).toBe(true);
  });

  it('makes a valid repo name of any folder name', () => {
    const names = ['Exegol', '..', '.git', 'a b;$(rm -rf ~)', '\u001b[31mred', 'x'.repeat(100), '日本'];
    expect(names.map((n) => safeRepoName(n))).toEqual(['Exegol', 'repo', 'git', 'a-b-rm--rf-', '31mred', 'x'.repeat(60), 'repo']);
    expect(names.map((n) => safeRepoName(n)).every(isValidRepoName)).toBe(true);
  });
});
