#!/usr/bin/env node
// Entry point. Kept tiny: the pre-push hook must not pay for the rule runner's modules.
const argv = process.argv.slice(2);
const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };

async function start(): Promise<number> {
  if (argv[0] === 'pre-push' || argv[0] === 'hook') return (await import('../hook/main.js')).hookMain(argv, io);
  return (await import('./main.js')).main(argv, io);
}

start().then(
  (code) => {
    process.exitCode = code;
  },
  async (err: unknown) => {
    process.exitCode = 2;
    const { visible } = await import('./escape.js');
    process.stderr.write(`porgs-lint: internal error: ${visible(err instanceof Error ? err.message : String(err))}\n`);
  },
);
