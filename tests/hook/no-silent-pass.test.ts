// A pre-push run that received nothing to check says so on stderr and lets the push through (git
// itself runs the hook with empty input when there is nothing to push).
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeRepo } from '../helpers/git.js';

describe('pre-push with no refs', () => {
  it('prints one line pointing at hook doctor and exits 0', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    const res = await runCli(['pre-push', 'origin', 'url'], { cwd: dir, input: '' });
    expect(res.stderr).toBe("porgs-lint: received no refs; if you pushed something, your hook manager does not forward git's input: run porgs-lint hook doctor\n");
    expect(res.code).toBe(0);
  });

  it('under pre-commit without a ref, says what pre-commit does not pass', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    const res = await runCli(['pre-push', 'origin', 'url'], { cwd: dir, input: '', env: { PRE_COMMIT: '1', PRE_COMMIT_REMOTE_NAME: 'origin' } });
    expect(res.stderr).toContain('porgs-lint: pre-commit passed no ref (it passes none for a tag on commits the remote has, a deletion, or a first push of a whole history)');
    expect(res.code).toBe(0);
  });
});
