#!/usr/bin/env node
// Entry point. Kept tiny: the pre-push hook must not pay for the rule runner's modules.
const argv = process.argv.slice(2);

// A reader that stops early (`porgs-lint | head`) closes the pipe: the rest of the output has
// nowhere to go, which is no error of the run. Its exit status stays that of the run.
let outputFailed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') return;
    outputFailed = true;
    process.exitCode = 2;
    if (stream === process.stdout) process.stderr.write(`porgs-lint: cannot write the output: ${err.code ?? err.message}\n`);
  });
}

function workingDirectory(): string | undefined {
  try {
    return process.cwd();
  } catch {
    return undefined; // the folder was deleted under the shell
  }
}

async function start(cwd: string): Promise<number> {
  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd };
  if (argv[0] === 'pre-push' || argv[0] === 'hook') return (await import('../hook/main.js')).hookMain(argv, io);
  return (await import('./main.js')).main(argv, io);
}

const cwd = workingDirectory();
if (cwd === undefined) {
  process.stderr.write('porgs-lint: the current folder no longer exists; cd to an existing folder and run again\n');
  process.exitCode = 2;
} else {
  start(cwd).then(
    (code) => {
      process.exitCode = outputFailed ? 2 : code;
    },
    async (err: unknown) => {
      process.exitCode = 2;
      const { visible } = await import('./escape.js');
      process.stderr.write(`porgs-lint: internal error: ${visible(err instanceof Error ? err.message : String(err))}\n`);
    },
  );
}
