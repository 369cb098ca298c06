// The CLI's main() in this process, with its output collected: for commands that need no child
// process to be tested (init, explain, --list-rules).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { main } from '../../runner/main.js';
import { tmpDir } from './git.js';

export async function runMain(argv: string[], cwd: string, env: NodeJS.ProcessEnv = { NO_COLOR: '1' }): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const stream = (add: (s: string) => void) => ({ write: (s: string) => (add(s), true) }) as unknown as NodeJS.WritableStream;
  const code = await main(argv, { stdin: process.stdin, stdout: stream((s) => (stdout += s)), stderr: stream((s) => (stderr += s)), env, cwd });
  return { code, stdout, stderr };
}

/** A docs repo folder (a VitePress config with `srcDir: 'src'`) with `config` as its porgs-lint.toml. */
export async function docsRepoWithConfig(config: string): Promise<string> {
  const dir = tmpDir('porgs-docs-');
  await fs.mkdir(path.join(dir, 'docs/.vitepress'), { recursive: true });
  await fs.writeFile(path.join(dir, 'docs/.vitepress/config.mts'), "export default { srcDir: 'src' }\n");
  await fs.writeFile(path.join(dir, 'porgs-lint.toml'), config);
  return dir;
}
