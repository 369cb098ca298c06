// `porgs-lint init` in a folder someone else prepared: it creates one new file in that folder and
// writes through nothing already there, and folder names it copies into the config or its output
// stay data.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawUnsafe } from '../helpers/actions-log.js';
import { loadConfig } from '../../runner/config.js';
import { allRuleMeta } from '../../runner/registry.js';
import { runCli } from '../helpers/cli.js';
import { makeFolder } from '../helpers/git.js';
import { tempFolders } from '../helpers/hostile.js';

const track = tempFolders();

describe('porgs-lint init in a prepared folder', () => {
  it('does not write through a link planted at porgs-lint.toml, even a dangling one (exit 2)', async () => {
    const outside = track(await makeFolder());
    const dir = track(await makeFolder({ files: { 'update-resources.sh': '#!/bin/bash\n' } }));
    const victim = path.join(outside, 'victim.toml');
    await fs.symlink(victim, path.join(dir, 'porgs-lint.toml'));
    const res = await runCli(['init', dir]);
    expect([res.code, res.stdout]).toEqual([2, '']);
    expect(res.stderr).toMatch(/^porgs-lint: init: .*porgs-lint\.toml already exists; porgs-lint init does not replace a config/);
    expect(existsSync(victim)).toBe(false);
    expect(await fs.readdir(outside)).toEqual([]);
  });

  it('copies a hostile folder name into the config as data, and into its output escaped', async () => {
    const name = 'Exegol\u001b[2J\u202e"]\n[hook]';
    const dir = track(await makeFolder({ files: { [`${name}/update-resources.sh`]: '#!/bin/bash\n' } }));
    const res = await runCli(['init', dir]);
    expect(res.code).toBe(0);
    expect(rawUnsafe(res.stdout)).toEqual([]);
    expect(res.stdout).toContain('Exegol\\x1b[2J\\u202e"]\\n[hook] (resources)');
    const config = await loadConfig(path.join(dir, 'porgs-lint.toml'), await allRuleMeta());
    expect(config.repos.map((r) => [r.name, r.path, r.kind])).toEqual([['Exegol-2J-hook-', path.join(dir, name), 'resources']]);
    expect(await fs.readdir(dir)).toEqual([name, 'porgs-lint.toml'].sort());
  });
});
