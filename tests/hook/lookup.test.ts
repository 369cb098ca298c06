// A repository that moved: the launcher recorded porgs-lint inside the work tree, so the same path
// from the work tree root still finds it after the absolute one is gone.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launcherScript } from '../../hook/launcher.js';
import { CLI } from '../helpers/cli.js';
import { commitAll, git, makeRepo, tmpDir, writeFiles } from '../helpers/git.js';
import { pushVia } from '../integration/hook-managers/managers.js';

describe('the launcher of a moved repository', () => {
  it('finds porgs-lint from the work tree root when the recorded absolute path is gone', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    await git(dir, 'rm', '-q', '.gitmodules');
    await writeFiles(dir, { '.gitignore': 'node_modules/\n' });
    await commitAll(dir, 'release');
    const remote = tmpDir('porgs-remote-');
    await git(remote, 'init', '-q', '--bare');
    await git(dir, 'remote', 'add', 'origin', remote);
    const marker = path.join(tmpDir('porgs-marker-'), 'ran');
    const local = 'node_modules/porgs-lint/dist/runner/cli.js';
    await writeFiles(dir, { [local]: `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, '');\nawait import(${JSON.stringify(CLI)});\n` });
    // As "hook install" writes it when porgs-lint lies in the repository's node_modules, recorded
    // at the repository's old place.
    await fs.writeFile(path.join(dir, '.git/hooks/pre-push'), launcherScript({ cli: `/old/place/${local}`, fromRoot: local }), { mode: 0o755 });
    await git(dir, 'tag', '5.1.4');
    const res = await pushVia(dir, { PATH: process.env.PATH }, 'origin', '5.1.4');
    expect(existsSync(marker)).toBe(true);
    expect(res.output).toContain('hook/tag-signed');
    expect(res.code).not.toBe(0);
  });
});
