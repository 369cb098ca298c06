// The CLI's main() in this process, with its output collected: for commands that need no child
// process to be tested (init, explain, --list-rules).
import { main } from '../../runner/main.js';

export async function runMain(argv: string[], cwd: string, env: NodeJS.ProcessEnv = { NO_COLOR: '1' }): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const stream = (add: (s: string) => void) => ({ write: (s: string) => (add(s), true) }) as unknown as NodeJS.WritableStream;
  const code = await main(argv, { stdin: process.stdin, stdout: stream((s) => (stdout += s)), stderr: stream((s) => (stderr += s)), env, cwd });
  return { code, stdout, stderr };
}
