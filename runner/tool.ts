// Name, version and home of porgs-lint, read once from its package.json.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, whether running from the sources or from dist/. */
export const PACKAGE_ROOT = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'porgs-lint') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('porgs-lint: cannot find its own package.json');
    dir = parent;
  }
})();

const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string; homepage?: string };

export const TOOL = {
  name: 'porgs-lint',
  version: pkg.version,
  informationUri: pkg.homepage ?? 'https://github.com/ThePorgs/porgs-lint',
};
