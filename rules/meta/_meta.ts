// Findings the runner itself produces. They have ids, severities and doc pages like any rule,
// so they can be configured, suppressed and explained, but no check of their own.
import type { RuleMeta } from '../../runner/types.js';

const ALL_KINDS = ['wrapper', 'images', 'docs', 'resources'] as const;
const BOTH_MODES = ['release', 'dev'] as const;

export const META_RULES: readonly RuleMeta[] = [
  {
    id: 'meta/parse-error',
    description: 'A file a rule needs could not be read or parsed; the rules that need it could not check it.',
    kinds: ALL_KINDS,
    modes: BOTH_MODES,
    severity: 'error',
    docs: 'docs/rules/meta/parse-error.md',
    tags: ['correctness'],
    precision: 'very-high',
  },
  {
    id: 'meta/unused-suppression',
    description: 'A porgs-lint-disable comment suppresses nothing, or lacks the required reason.',
    kinds: ALL_KINDS,
    modes: BOTH_MODES,
    severity: 'warning',
    docs: 'docs/rules/meta/unused-suppression.md',
    tags: ['maintainability'],
    precision: 'very-high',
  },
  {
    id: 'meta/internal-error',
    description: 'A rule failed unexpectedly; the run is incomplete (this is a porgs-lint bug: please report it).',
    kinds: ALL_KINDS,
    modes: BOTH_MODES,
    severity: 'error',
    docs: 'docs/rules/meta/internal-error.md',
    tags: ['porgs-lint'],
    precision: 'very-high',
  },
  {
    id: 'meta/stale-baseline-entry',
    description: 'A baseline entry matches no current finding: the finding was fixed, so the entry can be pruned.',
    kinds: ALL_KINDS,
    modes: BOTH_MODES,
    severity: 'note',
    docs: 'docs/rules/meta/stale-baseline-entry.md',
    tags: ['maintainability'],
    precision: 'very-high',
  },
  {
    id: 'meta/config-relaxed',
    description: 'With --config-rev, the checked-out config or baseline weakens the trusted config of that revision.',
    details:
      'A pull request can carry its own porgs-lint config. With --config-rev <base>, the gate applies the config of that trusted revision, and reports each way the checked-out config relaxes it: a rule turned off or lowered, options changed, ignore globs added, the mode forced or decided otherwise, repos added, signature checks turned off, baseline entries added. No suppression comment or baseline entry hides this finding.',
    kinds: ALL_KINDS,
    modes: BOTH_MODES,
    severity: 'error',
    docs: 'docs/rules/meta/config-relaxed.md',
    tags: ['security'],
    precision: 'very-high',
  },
];
