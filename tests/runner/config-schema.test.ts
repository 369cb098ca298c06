// The JSON Schema editors use is made from the same definition the loader validates with: the
// shipped file is what the definition produces, the configs of the docs validate, and the schema
// and the loader agree on what is a mistake.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../runner/config.js';
import { configJsonSchema, SCHEMA_FILE, schemaText } from '../../runner/config-schema.js';
import { allRuleMeta } from '../../runner/registry.js';
import { PACKAGE_ROOT } from '../../runner/tool.js';
import { configValidator, fencedBlocks } from '../helpers/config-schema.js';
import { NO_LATEST_MASTER, PIPX_ONLY, SOURCES_COMMON } from '../helpers/policies.js';

const read = (file: string) => readFileSync(path.join(PACKAGE_ROOT, file), 'utf8');

async function loaderAccepts(text: string, file: string): Promise<true | string> {
  try {
    await parseConfig(text, await allRuleMeta(), { file, displayFile: file, baseDir: '/nowhere' });
    return true;
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
}

describe('the config schema', () => {
  it(`${SCHEMA_FILE} is what the definition and the rules produce (npm run build writes it)`, async () => {
    expect(read(SCHEMA_FILE)).toBe(schemaText(await allRuleMeta()));
  });

  it('completes every rule id with its options', async () => {
    const schema = configJsonSchema(await allRuleMeta()) as { definitions: { rules: { properties: Record<string, { anyOf: Array<{ properties?: { options: { properties: object } } }> }> } } };
    const pinned = schema.definitions.rules.properties['workflow/actions-pinned'];
    expect(Object.keys(pinned.anyOf[1].properties!.options.properties)).toEqual(Object.keys((await allRuleMeta()).find((r) => r.id === 'workflow/actions-pinned')!.options!));
    expect(Object.keys(schema.definitions.rules.properties)).toEqual((await allRuleMeta()).map((r) => r.id));
  });

  it('validates the demo config, the README example and the policies of the docs', async () => {
    const validate = await configValidator();
    const configs = [read('examples/demo/porgs-lint.toml'), ...fencedBlocks(read('README.md'), 'toml'), ...fencedBlocks(read('docs/policies.md'), 'toml')];
    expect(configs.length).toBeGreaterThan(3);
    for (const text of configs) {
      expect([validate(parseToml(text)), validate.errors ?? []]).toEqual([true, []]);
      expect(await loaderAccepts(text, 'porgs-lint.toml')).toBe(true);
    }
  });

  it('takes $schema in YAML and JSON, and the #:schema line in TOML', async () => {
    const validate = await configValidator();
    const url = 'https://example.org/porgs-lint.schema.json';
    const yaml = `$schema: ${url}\nrules:\n  wrapper/version-format: warning\n`;
    const json = JSON.stringify({ $schema: url, ignore: ['vendor/**'] });
    const toml = `#:schema ${url}\nignore = ["vendor/**"]\n`;
    expect([validate(parseYaml(yaml)), validate(JSON.parse(json)), validate(parseToml(toml))]).toEqual([true, true, true]);
    expect([await loaderAccepts(yaml, 'porgs-lint.yaml'), await loaderAccepts(json, 'porgs-lint.json'), await loaderAccepts(toml, 'porgs-lint.toml')]).toEqual([true, true, true]);
  });

  it('agrees with the loader on what is a mistake', async () => {
    const validate = await configValidator();
    const valid = [PIPX_ONLY, SOURCES_COMMON, NO_LATEST_MASTER, '[rules]\n"images/temp-fix-expired" = { severity = "warning" }\n', '[repos.docs]\npath = "../Exegol-docs"\nmode = "auto"\n'];
    const invalid = [
      '[rulez]\n',
      '[rules]\n"wrapper/version-format" = "eror"\n',
      '[rules]\n"workflow/actions-pinned" = { options = { nope = 1 } }\n',
      '[rules]\n"workflow/actions-pinned" = { options = { allow-unpinned = "x" } }\n',
      '[kinds.wraper]\n',
      '[kinds.images]\nrelease-branches = "main"\n',
      '[repos."../x"]\npath = "x"\n',
      '[repos.docs]\nkind = "docs"\n',
      '[repos.docs]\npath = "x"\nmode = "beta"\n',
      '[hook]\nverify-signatures = "yes"\n',
      NO_LATEST_MASTER.replace("forbid-line = 'latest master'", ''),
      `${NO_LATEST_MASTER}require = 'x'\n`,
      NO_LATEST_MASTER.replace('local/no-latest-master', 'local/No'),
      NO_LATEST_MASTER.replace('["docs"]', '["doc"]'),
      NO_LATEST_MASTER.replace('["docs"]', '[]'),
      PIPX_ONLY.replace('name = ["pip", "pip3", "python3"]', 'name = []'),
      NO_LATEST_MASTER.replace('severity = "warning"', 'severity = "off"'),
      PIPX_ONLY.replace('"install-functions"', '"everywhere"'),
      PIPX_ONLY.replace('name = ["pip", "pip3", "python3"]', 'name = "pip"'),
    ];
    const verdicts = async (text: string) => [validate(parseToml(text)), (await loaderAccepts(text, 'porgs-lint.toml')) === true];
    expect(await Promise.all(valid.map(verdicts))).toEqual(valid.map(() => [true, true]));
    expect(await Promise.all(invalid.map(verdicts))).toEqual(invalid.map(() => [false, false]));
  });
});
