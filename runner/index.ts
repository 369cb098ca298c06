// The public API of the `porgs-lint` package: what a program may import and rely on across minor
// releases (README, "What the version number promises"). Everything else under dist/ is internal.
export { lint, type LintOptions, type ProvidedRepo } from './run.js';
export { UsageError } from './errors.js';
export { ConfigError } from './config.js';
export {
  defineRule,
  type Diagnostic,
  type Location,
  type MessageData,
  type Mode,
  type RelatedLocation,
  type RepoInfo,
  type RepoKind,
  type ReportInput,
  type Reporter,
  type ReporterOptions,
  type Rule,
  type RuleDefinition,
  type RuleMeta,
  type RuleOption,
  type RuleOptions,
  type RunResult,
  type RunSummary,
  type Severity,
  type Span,
} from './types.js';
export type { RuleContext, RepoView, FileEntry } from './context-api.js';
export { definePlugin, type PluginDefinition } from './plugin-api.js';
export { MemorySource, type MemoryFile } from './memory-source.js';
export { memoryGit, type GitState, type GitFile } from './memory-git.js';
export type { GitFacts } from './git-facts.js';
export type { Source } from './source.js';
export { json, JSON_SCHEMA_VERSION } from '../reporters/json.js';
export { sarif, FINGERPRINT_KEY } from '../reporters/sarif.js';
export { pretty } from '../reporters/pretty.js';
export { github } from '../reporters/github.js';
