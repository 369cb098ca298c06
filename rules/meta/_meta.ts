// Findings the runner itself produces. They have ids, severities, messages and doc pages like any
// rule, so they can be configured, suppressed and explained, but no check of their own.
import { metaFromDefinition, type RuleMeta } from '../../runner/types.js';

const ALL_KINDS = ['wrapper', 'images', 'docs', 'resources'] as const;
const GATE = '; the gate applies the config at {{rev}} until such a change is reviewed and merged';

export const META_RULES: readonly RuleMeta[] = [
  metaFromDefinition('meta/parse-error', {
    description: 'A file a rule needs could not be read or parsed; the rules that need it could not check it.',
    kinds: ALL_KINDS,
    severity: 'error',
    messages: {
      cannotRead: 'cannot read {{path}}: {{reason}}',
      cannotParse: '{{path}} could not be parsed as {{language}}: {{error}}; fix the syntax so the rules can check it',
      cannotListFolder: 'cannot read folder {{folder}}: {{reason}}; what the rules would find in it is missing from this report',
    },
    identity: ['path', 'folder', 'language'],
    tags: ['correctness'],
    precision: 'very-high',
  }),
  metaFromDefinition('meta/unused-suppression', {
    description: 'A porgs-lint-disable comment suppresses nothing, or lacks the required reason.',
    kinds: ALL_KINDS,
    severity: 'warning',
    messages: {
      noReason: 'suppression without a reason is ignored; write it as "porgs-lint-disable-... {{rules}} -- <why>"',
      noRuleId: 'suppression names no rule id; name the rule it is for',
      unused: 'unused suppression of {{rules}}: nothing is reported on line {{line}}; remove it',
    },
    identity: ['comment', 'rules'],
    tags: ['maintainability'],
    precision: 'very-high',
  }),
  metaFromDefinition('meta/internal-error', {
    description: 'A rule failed unexpectedly, or a plugin could not be loaded; the run is incomplete.',
    kinds: ALL_KINDS,
    severity: 'error',
    messages: {
      ruleFailed: 'rule {{rule}} failed: {{error}}; its findings are missing from this report',
      checkFailed: 'check {{rule}} failed: {{error}}; the push was not fully checked',
      pluginFailed: 'plugin {{plugin}} could not be loaded: {{error}}; its rules did not run: fix the plugin or leave it out',
    },
    identity: ['rule', 'plugin'],
    tags: ['porgs-lint'],
    precision: 'very-high',
  }),
  metaFromDefinition('meta/stale-baseline-entry', {
    description: 'A baseline entry matches no current finding: the finding was fixed, so the entry can be pruned.',
    kinds: ALL_KINDS,
    severity: 'note',
    messages: {
      stale: 'baseline entry for {{rule}} no longer matches a finding ("{{message}}"); it was fixed: prune it with --prune-baseline',
    },
    identity: ['entry'],
    tags: ['maintainability'],
    precision: 'very-high',
  }),
  metaFromDefinition('meta/config-relaxed', {
    description: 'With --config-rev, the checked-out config or baseline weakens the trusted config of that revision.',
    details:
      'A pull request can carry its own porgs-lint config. With --config-rev <base>, the gate applies the config of that trusted revision, and reports each way the checked-out config relaxes it: a rule turned off or lowered, options changed, ignore globs added, the mode forced or decided otherwise, repos added, signature checks turned off, baseline entries added, a policy removed, lowered, narrowed or changed. No suppression comment or baseline entry hides this finding.',
    kinds: ALL_KINDS,
    severity: 'error',
    messages: {
      ruleOff: 'turns {{rule}} off{{scope}} ({{was}} in the config at {{rev}})' + GATE,
      ruleLowered: 'lowers {{rule}} to {{now}}{{scope}} ({{was}} in the config at {{rev}})' + GATE,
      optionsChanged: 'changes option {{options}} of {{rule}}{{scope}} from the config at {{rev}}' + GATE,
      ignoreAdded: 'ignores "{{glob}}", which the config at {{rev}} does not' + GATE,
      policyChanged: 'changes {{what}}, against the config at {{rev}}' + GATE,
      repoAdded: 'adds {{folder}} to the workspace as repo {{repo}}, which the config at {{rev}} does not' + GATE,
      modeForced: 'forces {{mode}} mode on repo {{repo}}, against the config at {{rev}}' + GATE,
      kindSet: 'sets the kind of repo {{repo}} to {{kind}}, against the config at {{rev}}' + GATE,
      signaturesOff: 'turns hook.verify-signatures off, against the config at {{rev}}' + GATE,
      baselineEntryAdded: 'adds a baseline entry that hides {{rule}} at {{path}} ("{{message}}"), which is not in the baseline at {{rev}}' + GATE,
      localPolicyRemoved: 'removes policy {{rule}} ({{was}} in the config at {{rev}})' + GATE,
      localPolicyChanged: 'policy {{rule}} {{what}}, against the config at {{rev}}' + GATE,
    },
    identity: ['setting'],
    tags: ['security'],
    precision: 'very-high',
  }),
];

export const META_RULES_BY_ID: ReadonlyMap<string, RuleMeta> = new Map(META_RULES.map((m) => [m.id, m]));

/** A runner finding's metadata; the ids above are the only ones. */
export const metaRule = (id: string): RuleMeta => META_RULES_BY_ID.get(id)!;
