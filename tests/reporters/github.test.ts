import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeFolder, tmpDir } from '../helpers/git.js';

const CC = 'exegol/config/ConstantConfig.py';

describe('--format github', () => {
  it('writes escaped workflow commands and a job summary', async () => {
    const dir = await makeFolder({ files: { [CC]: '__version__ = "5.2.0b1"\n' } });
    const summary = path.join(tmpDir(), 'summary.md');
    const res = await runCli(['--mode', 'release', '--rule', 'wrapper/version-no-prerelease', '--format', 'github', dir], { env: { GITHUB_STEP_SUMMARY: summary }, cwd: path.dirname(dir) });
    expect(res.code).toBe(1);
    expect(res.stdout).toContain(
      `::error file=${path.basename(dir)}/exegol/config/ConstantConfig.py,line=1,col=15,endLine=1,endColumn=24,title=wrapper/version-no-prerelease::version 5.2.0b1 has a pre-release tag; on a release branch use 5.2.0 (fix: set the version to "5.2.0")`,
    );
    const md = await fs.readFile(summary, 'utf8');
    expect(md).toContain('## porgs-lint: 1 error(s), 0 warning(s), 0 note(s)');
    expect(md).toContain('| error | `');
  });

  it('stays within the per-level annotation cap and says how many were left out', async () => {
    const files: Record<string, string> = { [CC]: '__version__ = "5.1.4"\n', 'requirements.txt': '', 'pyproject.toml': '[project]\ndependencies = []\n' };
    const dir = await makeFolder({ files });
    const lines = Array.from({ length: 12 }, (_, i) => `from tests.missing_${i} import x`).join('\n') + '\n';
    await fs.mkdir(path.join(dir, 'tests'), { recursive: true });
    await fs.writeFile(path.join(dir, 'tests/__init__.py'), lines);
    const res = await runCli(['--mode', 'dev', '--rule', 'wrapper/tests-import-exists', '--format', 'github', dir]);
    expect(res.stdout.match(/^::error /gm)).toHaveLength(10);
    expect(res.stdout).toContain('::notice title=porgs-lint::2 more finding(s) not annotated');
  });
});
