// The one builder of a RunResult, for a lint run and for the pre-push hook alike.
import { TOOL } from './tool.js';
import type { Diagnostic, RepoInfo, RunResult, Severity, RuleMeta } from './types.js';
import { summarize } from './types.js';

export interface ResultParts {
  repos: RepoInfo[];
  diagnostics: Diagnostic[];
  rules?: Array<{ meta: RuleMeta; severity: Severity }>;
  rulesRun?: RunResult['rulesRun'];
  readFile?: RunResult['readFile'];
  startTime: string;
  executionSuccessful?: boolean;
}

export function runResult(parts: ResultParts): RunResult {
  return {
    tool: TOOL,
    repos: parts.repos,
    diagnostics: parts.diagnostics,
    rules: parts.rules ?? [],
    ...(parts.rulesRun ? { rulesRun: parts.rulesRun } : {}),
    summary: summarize(parts.diagnostics),
    readFile: parts.readFile ?? (() => undefined),
    startTime: parts.startTime,
    endTime: new Date().toISOString(),
    executionSuccessful: parts.executionSuccessful ?? true,
  };
}
