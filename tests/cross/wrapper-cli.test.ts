// The wrapper's command line read from its Python source: actions, options inherited along the
// bases (mixins), attributes an action sets to something else, global options; in a work tree and
// at another commit through git objects.
import { describe, expect, it } from 'vitest';
import { memoryGit } from '../../runner/memory-git.js';
import { MemorySource } from '../../runner/memory-source.js';
import { lint } from '../../runner/run.js';
import { defineRule, ruleFromDefinition } from '../../runner/types.js';
import type { RepoView } from '../../runner/context-api.js';
import { checkedCli, cliAtCommit } from '../../rules/docs/_cross.js';
import { flagsOf, type WrapperCli } from '../../rules/docs/_wrapper-cli.js';
import { WRAPPER_51, wrapperHistory } from './workspace.js';

/** Runs `read` on the wrapper fixture through a throwaway rule, so it sees the real context. */
async function readWith(read: (ctx: RepoView) => Promise<unknown>): Promise<unknown> {
  let out: unknown;
  const probe = ruleFromDefinition('test/probe', defineRule({ description: 'x', kinds: ['wrapper'], severity: 'note', messages: { x: 'x' }, check: async (ctx) => void (out = await read(ctx)) }));
  const result = await lint({ repos: [{ name: 'Exegol', source: new MemorySource(WRAPPER_51), git: memoryGit(wrapperHistory()) }], kind: 'wrapper', mode: 'dev', rules: [probe.id], extraRules: [probe], env: {} });
  expect(result.diagnostics).toEqual([]);
  return out;
}

const flagsByAction = (cli: WrapperCli | undefined) => Object.fromEntries((cli?.actions ?? []).map((a) => [a.name, flagsOf(a).map((f) => f.flag).sort()]));

describe('the wrapper CLI reader', () => {
  it('finds the actions and their own and inherited flags in the work tree', async () => {
    const cli = (await readWith((ctx) => checkedCli(ctx))) as WrapperCli;
    const global = ['--accept-eula', '--arch', '--offline', '--quiet', '--verbose', '-q', '-v'];
    expect(flagsByAction(cli)).toEqual({
      exec: [...global, '--background', '--cap', '--env', '--hostname', '--network', '--tmp', '--volume', '--workspace', '-V', '-b', '-e', '-w'].sort(),
      install: global.sort(),
      restart: [...global, '--cap', '--env', '--log', '--shell', '-e', '-l', '-s'].sort(),
      start: [...global, '--cap', '--env', '--hostname', '--log', '--network', '--shell', '--volume', '--workspace', '-V', '-e', '-l', '-s', '-w'].sort(),
      upgrade: [...global, '--force', '--image', '-F'].sort(),
      version: global.sort(),
    });
    expect(cli.unreadable).toEqual([]);
  });

  it('says where each option is defined, which are global, and drops an attribute an action sets to None', async () => {
    const cli = (await readWith((ctx) => checkedCli(ctx))) as WrapperCli;
    const exec = cli.actions.find((a) => a.name === 'exec')!;
    expect(exec.options.map((o) => o.attr)).not.toContain('containertag');
    expect(exec.options.map((o) => o.attr)).toContain('selector');
    const env = exec.options.find((o) => o.attr === 'envs')!;
    expect(env).toMatchObject({ definedIn: 'ContainerStart', file: 'exegol/console/cli/actions/GenericParameters.py', global: false });
    expect(env.flags.map((f) => [f.flag, f.at.line, f.at.column])).toEqual([
      ['-e', 37, 28],
      ['--env', 37, 34],
    ]);
    expect(exec.options.find((o) => o.attr === 'quiet')).toMatchObject({ definedIn: 'Command', global: true });
    expect(cli.actions.find((a) => a.name === 'upgrade')).toMatchObject({ className: 'Upgrade', file: 'exegol/console/cli/actions/ExegolParameters.py', at: { line: 41 }, unresolvedBases: [] });
  });

  it('reads the previous release from git objects, without the work tree', async () => {
    const cli = (await readWith(async (ctx) => cliAtCommit(ctx, (await ctx.git.resolve('5.0.0'))!))) as WrapperCli;
    expect(Object.keys(flagsByAction(cli))).toEqual(['exec', 'install', 'restart', 'start', 'version']);
    expect(flagsByAction(cli).start).not.toContain('--network');
    expect(flagsByAction(cli).start).not.toContain('--accept-eula');
  });

  it('names a base it cannot find, and reads nothing from a missing folder', async () => {
    const files = { 'exegol/console/cli/actions/X.py': 'class Command:\n    pass\n\n\nclass Ping(Command, RemoteMixin):\n    def __init__(self):\n        self.count = Option("-c", "--count")\n' };
    const run = async (f: Record<string, string>) => {
      let out: unknown;
      const probe = ruleFromDefinition('test/probe', defineRule({ description: 'x', kinds: ['wrapper'], severity: 'note', messages: { x: 'x' }, check: async (ctx) => void (out = await checkedCli(ctx)) }));
      await lint({ repos: [{ name: 'w', source: new MemorySource(f) }], kind: 'wrapper', mode: 'dev', rules: [probe.id], extraRules: [probe], env: {} });
      return out as WrapperCli | undefined;
    };
    const cli = await run(files);
    expect(cli?.actions.map((a) => [a.name, a.unresolvedBases, flagsOf(a).map((f) => f.flag)])).toEqual([['ping', ['RemoteMixin'], ['-c', '--count']]]);
    expect(await run({ 'README.md': '# x\n' })).toBeUndefined();
  });
});

describe('the wrapper CLI at another commit', () => {
  it('reads regular files only: a symbolic link whose target reads as Python is not a file of actions', async () => {
    const evil = 'exegol/console/cli/actions/Evil.py';
    const state = wrapperHistory();
    state.commits[0].files = { ...state.commits[0].files, [evil]: { symlink: 'class Evil(Command): pass' } };
    let out: unknown;
    const probe = ruleFromDefinition('test/probe', defineRule({ description: 'x', kinds: ['wrapper'], severity: 'note', messages: { x: 'x' }, check: async (ctx) => void (out = await cliAtCommit(ctx, (await ctx.git.resolve('5.0.0'))!)) }));
    await lint({ repos: [{ name: 'Exegol', source: new MemorySource(WRAPPER_51), git: memoryGit(state) }], kind: 'wrapper', mode: 'dev', rules: [probe.id], extraRules: [probe], env: {} });
    const cli = out as WrapperCli;
    expect(cli.actions.map((a) => a.name)).toEqual(['exec', 'install', 'restart', 'start', 'version']);
    expect(cli.unreadable).toEqual([]);
  });
});

describe('a hostile actions folder', () => {
  it('a chain of 1,000 classes is followed 64 classes deep, the rest named as unknown bases, without failing the rule', async () => {
    const chain = Array.from({ length: 1000 }, (_, i) => `class C${i}${i ? `(C${i - 1})` : ''}:\n    def __init__(self):\n        self.o${i} = Option("--o${i}")\n`).join('\n');
    const files = { 'exegol/console/cli/actions/Deep.py': `${chain}\nclass Command:\n    pass\n\nclass Deep(Command, C999):\n    pass\n` };
    let out: unknown;
    const probe = ruleFromDefinition('test/probe', defineRule({ description: 'x', kinds: ['wrapper'], severity: 'note', messages: { x: 'x' }, check: async (ctx) => void (out = await checkedCli(ctx)) }));
    const result = await lint({ repos: [{ name: 'w', source: new MemorySource(files) }], kind: 'wrapper', mode: 'dev', rules: [probe.id], extraRules: [probe], env: {} });
    expect(result.diagnostics).toEqual([]);
    const deep = (out as WrapperCli).actions.find((a) => a.name === 'deep')!;
    expect(flagsOf(deep)).toHaveLength(63); // the action and 63 bases: 64 classes
    expect(deep.unresolvedBases).toEqual(['C936']);
  });
});
