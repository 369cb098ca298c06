// The built rule index (dist/rules/index.json): exactly the rules, with their metadata, so a run
// can read metadata without importing modules and import only the kinds it checks.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const INDEX = `${DIST}rules/index.json`;

// The unit and integration scripts build first: a missing index is a failure, not a skip.
describe('dist/rules/index.json', () => {
  it('exists', () => expect(existsSync(INDEX)).toBe(true));

  it('holds every built rule module with the metadata the module declares', async () => {
    const index = JSON.parse(readFileSync(INDEX, 'utf8')) as Array<{ id: string; file: string } & Record<string, unknown>>;
    expect(index.length).toBeGreaterThanOrEqual(44);
    for (const entry of index) {
      const definition = (await import(pathToFileURL(`${DIST}rules/${entry.file}`).href)).default;
      const { ruleFromDefinition } = await import(pathToFileURL(`${DIST}runner/types.js`).href);
      const { check, ...meta } = ruleFromDefinition(entry.id, definition) as Record<string, unknown>;
      expect(typeof check).toBe('function');
      const { file, ...indexed } = entry;
      expect(file).toBe(`${entry.id}.js`);
      expect(indexed).toEqual(JSON.parse(JSON.stringify(meta)));
    }
  });

  it('lets a run load only the rules of the kinds it checks', async () => {
    const registry = (await import(pathToFileURL(`${DIST}runner/registry.js`).href)) as { loadRules: (kinds?: string[]) => Promise<Array<{ id: string }>>; allRuleMeta: () => Promise<Array<{ id: string }>> };
    const resources = (await registry.loadRules(['resources'])).map((r) => r.id);
    expect(resources).toEqual(['resources/add-fn-called', 'resources/add-fn-has-list', 'resources/add-to-list-format', 'resources/list-in-sync', 'workflow/actions-pinned', 'workflow/pin-header-consistent']);
    const named = (await (registry.loadRules as unknown as (only: { ids: Set<string> }) => Promise<Array<{ id: string }>>)({ ids: new Set(['wrapper/version-format', 'images/arch-fallback']) })).map((r) => r.id);
    expect(named).toEqual(['images/arch-fallback', 'wrapper/version-format']);
    const all = (await registry.allRuleMeta()).map((r) => r.id);
    expect(all).toEqual(expect.arrayContaining(['wrapper/version-no-prerelease', 'images/arch-fallback', 'meta/parse-error', 'hook/tag-signed']));
  });
});

describe('a stale index', () => {
  it('is ignored once a rule module is newer than it, so wrong metadata in it never hides a rule', async () => {
    const { cpSync, symlinkSync, utimesSync, writeFileSync } = await import('node:fs');
    const { tmpDir } = await import('../helpers/git.js');
    const root = tmpDir('porgs-index-');
    cpSync(DIST, `${root}/dist`, { recursive: true });
    cpSync(fileURLToPath(new URL('../../package.json', import.meta.url)), `${root}/package.json`);
    symlinkSync(fileURLToPath(new URL('../../node_modules', import.meta.url)), `${root}/node_modules`);
    const index = JSON.parse(readFileSync(`${root}/dist/rules/index.json`, 'utf8')) as Array<{ id: string; kinds: string[] }>;
    for (const r of index) if (r.id === 'images/arch-fallback') r.kinds = ['docs'];
    writeFileSync(`${root}/dist/rules/index.json`, JSON.stringify(index));
    const past = new Date(Date.now() - 60_000);
    utimesSync(`${root}/dist/rules/index.json`, past, past);
    const registry = (await import(pathToFileURL(`${root}/dist/runner/registry.js`).href)) as { loadRules: (kinds?: string[]) => Promise<Array<{ id: string }>> };
    expect((await registry.loadRules(['images'])).map((r) => r.id)).toContain('images/arch-fallback');
  });
});
