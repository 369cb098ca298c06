// `porgs-lint init`: a starter config for the kinds found, valid against the schema as written and
// with every example uncommented, never replacing a config.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../runner/config.js';
import { schemaUrl } from '../../runner/config-schema.js';
import { allRuleMeta } from '../../runner/registry.js';
import { tmpDir } from '../helpers/git.js';
import { runMain } from '../helpers/main.js';
import { configValidator } from '../helpers/config-schema.js';

async function tree(files: Record<string, string>): Promise<string> {
  const dir = tmpDir('porgs-init-');
  for (const [file, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await fs.writeFile(path.join(dir, file), text);
  }
  return dir;
}

/** The examples turned on: `#key = value` lines lose their `#`; prose (`# ...`) and `#:schema` stay comments. */
const uncommented = (text: string) => text.replace(/^#(?=[["a-z])/gm, '');

async function expectValid(text: string) {
  const validate = await configValidator();
  expect([validate(parseToml(text)), validate.errors ?? []]).toEqual([true, []]);
  return parseConfig(text, await allRuleMeta(), { file: 'porgs-lint.toml', displayFile: 'porgs-lint.toml', baseDir: '/nowhere' });
}

describe('porgs-lint init', () => {
  it('writes a starter config for an images repo, valid as written and with every example on', async () => {
    const dir = await tree({ 'sources/install/entrypoint.sh': '#!/bin/bash\n' });
    const res = await runMain(['init', dir], '/');
    expect(res).toEqual({ code: 0, stdout: `wrote ${path.join(dir, 'porgs-lint.toml')} for this images repo (sources/install/entrypoint.sh exists); every setting in it is a commented example\n`, stderr: '' });
    const text = await fs.readFile(path.join(dir, 'porgs-lint.toml'), 'utf8');
    expect(text.split('\n')[0]).toBe(`#:schema ${schemaUrl()}`);
    const asWritten = await expectValid(text);
    expect([asWritten.rules.size, asWritten.policies.length, Object.keys(asWritten.kinds)]).toEqual([0, 0, ['images']]);
    const allOn = await expectValid(uncommented(text));
    const imagesRules = (await allRuleMeta()).filter((r) => r.kinds.includes('images')).map((r) => r.id);
    expect([[...allOn.rules.keys()], allOn.policies.map((p) => p.id), allOn.ignore]).toEqual([imagesRules, ['local/pipx-only'], ['tests/fixtures/**']]);
    expect(allOn.kinds.images?.releaseBranches).toEqual(['main']);
  });

  it('in a folder of checkouts, lists each repo it finds with its kind, and skips links and other folders', async () => {
    const dir = await tree({ 'Exegol/exegol/config/ConstantConfig.py': '__version__ = "5.1.4"\n', 'Exegol-docs/docs/.vitepress/config.mts': 'export default {}\n', 'notes/readme.txt': 'x\n' });
    await fs.symlink(path.join(dir, 'Exegol'), path.join(dir, 'linked'));
    expect((await runMain(['init'], dir)).code).toBe(0);
    const text = await fs.readFile(path.join(dir, 'porgs-lint.toml'), 'utf8');
    await expectValid(uncommented(text));
    const config = await loadConfig(path.join(dir, 'porgs-lint.toml'), await allRuleMeta());
    expect(config.repos.map((r) => [r.name, r.path, r.kind])).toEqual([
      ['Exegol', path.join(dir, 'Exegol'), 'wrapper'],
      ['Exegol-docs', path.join(dir, 'Exegol-docs'), 'docs'],
    ]);
    expect(Object.keys((await expectValid(uncommented(text))).kinds)).toEqual(['docs', 'wrapper']);
  });

  it('takes the kind from --kind where nothing tells it', async () => {
    const dir = await tree({});
    expect((await runMain(['init', '--kind', 'resources', dir], '/')).code).toBe(0);
    const allOn = await expectValid(uncommented(await fs.readFile(path.join(dir, 'porgs-lint.toml'), 'utf8')));
    expect(allOn.policies.map((p) => p.id)).toEqual(['local/https-links']);
  });

  it('refuses to replace a config of any syntax (exit 2), and leaves it as it was', async () => {
    const dir = await tree({ 'update-resources.sh': '#!/bin/bash\n', 'porgs-lint.yaml': 'ignore: []\n' });
    const res = await runMain(['init', '.'], dir);
    expect(res).toEqual({ code: 2, stdout: '', stderr: 'porgs-lint: init: porgs-lint.yaml already exists; porgs-lint init does not replace a config: edit it, or remove it first\n' });
    expect(await fs.readdir(dir)).toEqual(['porgs-lint.yaml', 'update-resources.sh']);
    expect(await fs.readFile(path.join(dir, 'porgs-lint.yaml'), 'utf8')).toBe('ignore: []\n');
  });

  it('says so when it finds no repo (exit 2), and writes nothing', async () => {
    const dir = await tree({ 'notes.txt': 'x\n' });
    const res = await runMain(['init', dir], '/');
    expect([res.code, res.stderr]).toEqual([2, expect.stringMatching(/^porgs-lint: init \/.*: no Exegol repository here or in its sub-folders \(none has exegol\/config\/ConstantConfig\.py \(wrapper\), .*give the kind with --kind\n$/)]);
    expect(await fs.readdir(dir)).toEqual(['notes.txt']);
  });
});
