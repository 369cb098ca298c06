// The built rule index (dist/rules/index.json): exactly the rules, with their metadata, so a run
// can read metadata without importing modules and import only the kinds it checks.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const INDEX = `${DIST}rules/index.json`;

describe.skipIf(!existsSync(INDEX))('dist/rules/index.json', () => {
  it('holds every built rule module with the metadata the module declares', async () => {
    const index = JSON.parse(readFileSync(INDEX, 'utf8')) as Array<{ id: string; file: string } & Record<string, unknown>>;
    expect(index.length).toBeGreaterThanOrEqual(44);
    for (const entry of index) {
      const rule = (await import(pathToFileURL(`${DIST}rules/${entry.file}`).href)).default as Record<string, unknown>;
      const { check, ...meta } = rule;
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
    const all = (await registry.allRuleMeta()).map((r) => r.id);
    expect(all).toEqual(expect.arrayContaining(['wrapper/version-no-prerelease', 'images/arch-fallback', 'meta/parse-error', 'hook/tag-signed']));
  });
});
