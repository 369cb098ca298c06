// The config file, described once as data: its keys, types, enums and descriptions, the message
// each mistake gets, and the checks a JSON Schema cannot express (safe globs and patterns, branch
// names). The loader validates with it (runner/config-validate.ts) and the build turns it into the
// JSON Schema editors use (runner/config-schema.ts); neither has a second copy of these facts.
import { refNameProblem } from './ref-names.js';
import { unsafeGlobReason } from './safe-glob.js';
import { compileSafeRegex } from './safe-regex.js';
import { MODES, REPO_KINDS, SEVERITIES, type SeveritySetting } from './types.js';
import { MATCHERS, MAX_POLICY_INPUT, POLICY_ID, POLICY_ID_RULE, POLICY_INSIDE } from './local-policies.js';

/**
 * Messages are templates: `{path}` is the key path as written (`kinds.images.release-tag`,
 * `policy[0].id`), `{key}` its last key, `{value}` the value, `{didYouMean}` a suggestion, and each
 * map names its key for the values below it (`{rule}`, `{kind}`, `{repo}`).
 */
interface Base {
  description: string;
  /** The value has the wrong type. */
  typeError?: string;
  /** A node used in several places: the JSON Schema holds it once, under this name in `definitions`. */
  ref?: string;
}

/** A semantic check: why the value is not acceptable (completing "<key> ..."), or undefined. */
export type Check = (value: string) => string | undefined;

export interface StringNode extends Base {
  type: 'string';
  enum?: readonly string[];
  /** The value is not one of `enum`. */
  enumError?: string;
  /** A pattern the value must match, as JavaScript source (also the JSON Schema `pattern`). */
  pattern?: { source: string; error: string };
  /** Checks beyond the type; the message is `{check}` in `checkError`. */
  check?: Check;
  checkError?: string;
  /** For the JSON Schema: `regex` for a regular expression. */
  format?: 'regex';
}
export interface BooleanNode extends Base {
  type: 'boolean';
}
export interface ListNode extends Base {
  type: 'list';
  items: StringNode | TableNode;
  /** The list must hold at least one item (an empty one would make a policy check nothing, silently). */
  nonEmpty?: boolean;
}
export interface TableNode extends Base {
  type: 'table';
  keys: Readonly<Record<string, Node>>;
  /** Keys accepted but not listed in "allowed: ..." (editor metadata such as `$schema`). */
  unlisted?: readonly string[];
  required?: readonly string[];
  /** A required key is missing. */
  requiredError?: string;
  /** Exactly one of these keys must be present. */
  exactlyOne?: readonly string[];
  exactlyOneError?: string;
}
/** A table whose keys are names: repo kinds, rule ids or repo names. */
export interface MapNode extends Base {
  type: 'map';
  /** The placeholder the key fills in messages below it. */
  keyName: string;
  keys: { type: 'enum'; values: readonly string[]; error: string } | { type: 'rule-id' } | { type: 'pattern'; source: string; check: Check; error: string };
  values: Node;
}
/** A value that may take either form, chosen by its type (a severity string or a settings table). */
export interface EitherNode extends Base {
  type: 'either';
  options: readonly [StringNode, TableNode];
  typeError: string;
}
/** The options of the rule named by the enclosing `{rule}` key, as the rule declares them. */
export interface RuleOptionsNode extends Base {
  type: 'rule-options';
}

export type Node = StringNode | BooleanNode | ListNode | TableNode | MapNode | EitherNode | RuleOptionsNode;

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'note', 'warning', 'error'];
const REPO_KIND_ERROR = 'unknown repo kind "{value}"{didYouMean}';

const stringList = (description: string, check?: Pick<StringNode, 'check' | 'checkError'>, nonEmpty?: boolean): ListNode => ({
  type: 'list',
  description,
  ...(nonEmpty ? { nonEmpty } : {}),
  typeError: '"{path}" must be a list of strings',
  items: { type: 'string', description, ...check },
});

const branchList = (description: string) =>
  stringList(description, {
    check: (name) => {
      const problem = refNameProblem(`refs/heads/${name}`);
      return problem || name === '' ? `is not a branch name git accepts (refs/heads/${name} ${problem ?? 'is empty'})` : undefined;
    },
    checkError: '"{listPath}": "{value}" {check}',
  });

const releasePattern = (description: string): StringNode => ({
  type: 'string',
  description: `${description} A regular expression of the safe subset (no backreferences, lookaround or nested quantifiers), matched against names of at most 100 characters.`,
  format: 'regex',
  typeError: '{key} must be a regular expression string',
  check: (pattern) => {
    const compiled = compileSafeRegex(pattern);
    return compiled.ok ? undefined : compiled.reason;
  },
  checkError: '{key} {check}',
});

const policyPattern = (description: string): StringNode => ({
  type: 'string',
  description: `${description} A regular expression of the safe subset, matched against lines of at most ${MAX_POLICY_INPUT} characters.`,
  format: 'regex',
  typeError: '{key} must be a regular expression string',
  check: (pattern) => {
    const compiled = compileSafeRegex(pattern, MAX_POLICY_INPUT);
    return compiled.ok ? undefined : compiled.reason;
  },
  checkError: '{key} {check}',
});

const severity: StringNode = {
  type: 'string',
  ref: 'severity',
  description: 'off, note, warning or error.',
  enum: SEVERITY_SETTINGS,
  typeError: 'severity of {rule} must be one of off, note, warning, error',
  enumError: 'severity of {rule} must be one of off, note, warning, error{didYouMean}',
};

/** `[rules]`, at the top level or per kind. */
const rules: MapNode = {
  type: 'map',
  ref: 'rules',
  description: 'Severity (off, note, warning, error) and options of rules, by rule id.',
  typeError: '"{path}" must be a table of rule ids',
  keyName: 'rule',
  keys: { type: 'rule-id' },
  values: {
    type: 'either',
    description: 'A severity, or a table with a severity and options.',
    typeError: 'setting of {rule} must be a severity string or a table { severity, options }',
    options: [
      severity,
      {
        type: 'table',
        description: 'The severity and options of the rule.',
        keys: {
          severity,
          options: { type: 'rule-options', description: 'Options of the rule (porgs-lint explain <rule-id> lists them).', typeError: 'options of {rule} must be a table' },
        },
      },
    ],
  },
};

const policyEntry: TableNode = {
  type: 'table',
  description: 'A policy of your own: a rule written as data, with one matcher (forbid-line, require or command).',
  typeError: '"{path}" must be a table',
  required: ['id', 'description', 'kinds', 'severity', 'message', 'files'],
  requiredError: '{path} needs "{missing}"',
  exactlyOne: Object.keys(MATCHERS),
  exactlyOneError: '{path} needs exactly one matcher: forbid-line, require or command{found}',
  keys: {
    id: {
      type: 'string',
      description: `The rule id: local/<name>, ${POLICY_ID_RULE}.`,
      pattern: { source: POLICY_ID.source, error: `policy id "{value}" is not allowed: write local/<name>, ${POLICY_ID_RULE}` },
      typeError: `"{path}" must be a string: local/<name>`,
    },
    description: { type: 'string', description: 'One sentence: what must hold (--list-rules, explain, SARIF).', typeError: '"{path}" must be a string' },
    kinds: {
      type: 'list',
      nonEmpty: true,
      description: 'Repo kinds the policy applies to.',
      typeError: '"{path}" must be a list of repo kinds',
      items: { type: 'string', description: 'A repo kind.', enum: REPO_KINDS, enumError: REPO_KIND_ERROR },
    },
    modes: {
      type: 'list',
      nonEmpty: true,
      description: 'Modes the policy runs in; default both.',
      typeError: '"{path}" must be a list of modes',
      items: { type: 'string', description: 'release or dev.', enum: MODES, enumError: 'unknown mode "{value}"{didYouMean}; use release or dev' },
    },
    severity: {
      type: 'string',
      description: 'error, warning or note.',
      enum: SEVERITIES,
      typeError: '"{path}" must be one of error, warning, note',
      enumError: '"{path}" must be one of error, warning, note{didYouMean}',
    },
    message: {
      type: 'string',
      description: 'What a finding says: what is wrong and what to do. {{match}} (forbid-line, command), {{pattern}} (require) and {{function}} (command) insert the finding\'s data.',
      typeError: '"{path}" must be a string',
    },
    files: stringList(
      'Globs of the files the policy reads (picomatch, without braces or extglobs).',
      { check: unsafeGlobReason, checkError: 'files glob "{value}" {check}' },
      true,
    ),
    'forbid-line': policyPattern(MATCHERS['forbid-line']),
    require: policyPattern(MATCHERS.require),
    command: {
      type: 'table',
      description: MATCHERS.command,
      typeError: '"{path}" must be a table { name, args, inside }',
      required: ['name'],
      requiredError: '{path} needs "{missing}"',
      keys: {
        name: stringList('Command names, exactly as written (pip, pip3, python3).', undefined, true),
        args: policyPattern('A pattern the command\'s arguments (joined by one space) must match for a finding; default: any arguments.'),
        inside: {
          type: 'string',
          description: 'anywhere (default), or install-functions: only inside functions named install_*.',
          enum: POLICY_INSIDE,
          typeError: '"{path}" must be one of anywhere, install-functions',
          enumError: '"{path}" must be one of anywhere, install-functions{didYouMean}',
        },
      },
    },
  },
};

export const CONFIG_DEFINITION: TableNode = {
  type: 'table',
  description: 'porgs-lint configuration (porgs-lint.toml, .yaml, .yml or .json): data only, never executed.',
  typeError: 'the config must be a table of settings',
  unlisted: ['$schema'],
  keys: {
    $schema: { type: 'string', description: 'The JSON Schema of this file, for editors; porgs-lint ignores it.', typeError: '"$schema" must be a string' },
    ignore: stringList('Globs of files whose findings are dropped (picomatch, without braces or extglobs).', {
      check: unsafeGlobReason,
      checkError: 'ignore glob "{value}" {check}',
    }),
    rules,
    kinds: {
      type: 'map',
      description: 'Settings for one kind of repo: its release policy and rule settings.',
      typeError: '"{path}" must be a table keyed by repo kind',
      keyName: 'kind',
      keys: { type: 'enum', values: REPO_KINDS, error: REPO_KIND_ERROR },
      values: {
        type: 'table',
        ref: 'kind-settings',
        description: 'The release policy of this kind of repo, and its rule settings.',
        typeError: '"{path}" must be a table',
        keys: {
          'release-branches': branchList('Branches releases are made from.'),
          'release-tag': releasePattern('Tags that are releases.'),
          'tag-format': releasePattern('What a pushed tag that looks like a version must match.'),
          'dev-branches': branchList('Branches that must contain the release branch.'),
          'protected-branches': branchList('Branches the pre-push hook refuses to delete.'),
          rules,
        },
      },
    },
    repos: {
      type: 'map',
      description: 'Workspace members, linted when no folder is given.',
      typeError: '"{path}" must be a table keyed by repo name',
      keyName: 'repo',
      keys: {
        type: 'pattern',
        source: '^[A-Za-z0-9](?:[A-Za-z0-9_-]|\\.(?!\\.)){0,63}$',
        check: (name) => (REPO_NAME.test(name) && !name.includes('..') ? undefined : REPO_NAME_RULE),
        error: 'repo name "{value}" is not allowed: {check}',
      },
      values: {
        type: 'table',
        description: 'A repo of the workspace.',
        typeError: '"{path}" must be a table with a path',
        required: ['path'],
        requiredError: '"{path}.path" is required and must be a string',
        keys: {
          path: { type: 'string', description: 'Folder of the repo, relative to this file.', typeError: '"{path}" is required and must be a string' },
          kind: { type: 'string', description: 'wrapper, images, docs or resources (default: detected from files).', enum: REPO_KINDS, enumError: REPO_KIND_ERROR, typeError: REPO_KIND_ERROR },
          mode: { type: 'string', description: 'auto (default), release or dev.', enum: ['auto', ...MODES], enumError: 'mode must be auto, release or dev', typeError: 'mode must be auto, release or dev' },
        },
      },
    },
    hook: {
      type: 'table',
      description: 'Settings of the pre-push hook.',
      typeError: '"{path}" must be a table',
      keys: {
        'verify-signatures': { type: 'boolean', description: 'Verify release tag signatures with gpg/ssh (false: only require a signature).', typeError: '{key} must be true or false' },
      },
    },
    policy: {
      type: 'list',
      description: 'Policies of your own ([[policy]] in TOML): rules written as data (docs/policies.md).',
      typeError: '"{path}" must be a list of tables ([[policy]] in TOML)',
      items: policyEntry,
    },
  },
};

/**
 * Repo names become file names (`--format sarif=reports/{repo}.sarif`): letters, digits, `.`, `_`
 * and `-`, starting with a letter or digit, at most 64, and no `..`.
 */
export const REPO_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const REPO_NAME_RULE = 'use letters, digits, ".", "_" and "-", start with a letter or digit, at most 64 characters, no ".."';
