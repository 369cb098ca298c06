// porgs-lint's command in a lefthook config, edited as YAML in memory: comments and the user's
// commands kept, use_stdin always set, a hand-written porgs-lint command taken over, and removal
// giving back the text it started from.
import { describe, expect, it } from 'vitest';
import { addCommand, readEntry, removeCommand } from '../../hook/lefthook-config.js';
import { lefthookRun } from '../../hook/launcher.js';

const TEAM = "# the team's hooks\npre-push:\n  commands:\n    team-check:\n      run: echo ok # keep this comment\n";

describe('the lefthook config', () => {
  it('gets a pre-push command with use_stdin, keeping comments; removing it restores the text', () => {
    const added = addCommand(TEAM)!;
    expect(added.startsWith(TEAM)).toBe(true);
    expect(readEntry(added)).toEqual({ found: true, stdin: true, ours: true });
    expect(addCommand(added)).toBeUndefined();
    expect(removeCommand(added)).toBe(TEAM);
  });

  it('adds the hook to a config without one, and to a jobs list as a named job', () => {
    expect(readEntry(addCommand('# only pre-commit\npre-commit:\n  commands: {}\n')!)).toEqual({ found: true, stdin: true, ours: true });
    const jobs = addCommand('pre-push:\n  jobs:\n    - name: test\n      run: npm test\n')!;
    expect(jobs).toContain('- name: porgs-lint');
    expect(readEntry(jobs)).toEqual({ found: true, stdin: true, ours: true });
    expect(removeCommand(jobs)).toBe('pre-push:\n  jobs:\n    - name: test\n      run: npm test\n');
  });

  it('tells a porgs-lint command that gets no input, and takes it over', () => {
    const lost = 'pre-push:\n  commands:\n    porgs-lint:\n      run: node ./node_modules/porgs-lint/dist/runner/cli.js pre-push {1} {2}\n';
    expect(readEntry(lost)).toEqual({ found: true, stdin: false, ours: false });
    const fixed = addCommand(lost)!;
    expect(readEntry(fixed)).toEqual({ found: true, stdin: true, ours: true });
    expect(fixed.match(/^    porgs-lint:$/gm)).toHaveLength(1);
    expect(fixed).toContain(lefthookRun().split('\n')[0]);
  });

  it('refuses a config that is not YAML or not a mapping', () => {
    expect(() => addCommand('pre-push: [\n')).toThrow(/not valid YAML/);
    expect(() => addCommand('- a\n- b\n')).toThrow(/not a mapping/);
  });
});
