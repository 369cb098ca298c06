// The SARIF referee (`sarif-check.cjs`, vendored beside this file) run offline: the OASIS
// schema with ajv, the upload-sarif action's own schema gate with `jsonschema` 1.5.0, and GitHub
// code scanning's documented ingestion checks, with `--repo-root` checking every location against
// the checked-out files. Both schemas are the copies under tests/schemas/sarif. One change to the
// vendored copy: a related location with its own uriBaseId (the other repo of a cross-repo
// finding) is checked against the folder run.originalUriBaseIds gives that base.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./sarif-check.cjs', import.meta.url));
const SCHEMAS = fileURLToPath(new URL('../schemas/sarif/', import.meta.url));

export interface RefereeVerdict {
  errors: number;
  warnings: number;
  /** One line per problem: `FILE: error|warning [check-id] json.path: message`. */
  problems: string[];
}

/** Referees SARIF files that all describe the repository checked out at `repoRoot`. */
export function referee(files: readonly string[], repoRoot: string): Promise<RefereeVerdict> {
  const args = [
    SCRIPT,
    '--no-multitool',
    '--schema', `${SCHEMAS}sarif-schema-2.1.0.json`,
    '--action-schema', `${SCHEMAS}github-codeql-action/sarif-schema-2.1.0.json`,
    '--repo-root', repoRoot,
    ...files,
  ];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const lines = stdout.split('\n').filter(Boolean);
      const summary = /^sarif-check: (\d+) errors, (\d+) warnings$/.exec(lines[lines.length - 1] ?? '');
      if (!summary) return reject(new Error(`sarif-check gave no verdict (${err?.message ?? 'no error'}): ${stderr || stdout}`));
      resolve({ errors: Number(summary[1]), warnings: Number(summary[2]), problems: lines.slice(0, -1) });
    });
  });
}
