// The wording of messages as baselines of schemaVersion 1 hashed them, for messages reworded since
// (a second place they named as "(line 4)" is now a related location). Used only to re-match such
// baselines: the data of a finding still holds every value, so its old message renders exactly.
import { CANNOT_VERIFY_PREFIX, renderMessage } from './messages.js';
import type { Diagnostic } from './types.js';

const HEADER = '"# Pinned GitHub Actions" header';
const SCRIPT = 'update-resources.sh';

export const V1_MESSAGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'workflow/pin-header-consistent': {
    notListed: `{{action}} is not listed under the ${HEADER} (line {{headerLine}}); add "#   {{action}} <version> @ {{sha}}"`,
    notListedUnpinned: `{{action}} is not listed under the ${HEADER} (line {{headerLine}}); add "#   {{action}} <version> @ <sha>"`,
    otherCommit: '{{action}} is used at {{ref}} but the header lists it @ {{listed}} (line {{entryLine}}); make them the same commit',
    otherCommitNoRef: '{{action}} is used at (no ref) but the header lists it @ {{listed}} (line {{entryLine}}); make them the same commit',
    otherVersion: '{{action}} is commented "# {{comment}}" here but the header says {{version}} (line {{entryLine}}) for the same commit; make the versions agree',
  },
  'wrapper/spawn-version': {
    second: 'second spawn version line (the first is line {{firstLine}}); keep exactly one "# Spawn Version:N"',
  },
  'images/whitelist-unneeded': {
    unneeded: '{{function}} whitelists {{check}} but calls it at line {{callLine}}; remove {{check}} from the whitelist',
  },
  'images/whitelist-placement': {
    afterFirstCommand: 'whitelist in {{function}} comes after its first command (line {{firstCommandLine}}); move it to the first line of the function',
  },
  'images/install-fn-duplicate': {
    duplicate: '{{function}} is already defined at {{firstPath}}:{{firstLine}}; the definition sourced last wins, so keep one and remove the other',
  },
  'images/install-fn-not-called': {
    calledFromComment:
      '{{function}} is only called from a comment ({{commentPath}}:{{commentLine}}), so its tool is not installed; restore the call in a package function, or remove {{function}}',
  },
  'images/shellcheck-config-consistent': {
    onlyWorkflowExcludes: 'only SHELLCHECK_OPTS ({{workflow}}:{{line}}) excludes {{workflowOnly}}; make both list the same codes',
    bothDiffer: 'only SHELLCHECK_OPTS ({{workflow}}:{{line}}) excludes {{workflowOnly}}; only .shellcheckrc disables {{rcOnly}}; make both list the same codes',
  },
  'resources/add-fn-called': {
    notCalled: '{{function}} is not called from add_resources (line {{entryLine}}), so its resource is never downloaded; call it there, or remove it',
  },
  'resources/add-fn-has-list': {
    noRow: '{{function}} (called from add_resources at line {{callLine}}) never calls add-to-list, so its resource is missing from resources_list.csv; add add-to-list "Name,https://...,description"',
  },
  'resources/list-in-sync': {
    missingRow: `resources_list.csv ends at line {{line}} but ${SCRIPT} also writes "{{written}}" ({{function}}, ${SCRIPT}:{{scriptLine}}); add the missing rows`,
    otherRow: `line {{line}} is "{{listed}}" but ${SCRIPT} writes "{{written}}" ({{function}}, ${SCRIPT}:{{scriptLine}}); update resources_list.csv to match the script`,
  },
};

/** A finding's message as a schemaVersion 1 baseline recorded it. */
export function v1Message(d: Pick<Diagnostic, 'ruleId' | 'messageId' | 'data' | 'message' | 'unverified'>): string {
  const messages = V1_MESSAGES[d.ruleId];
  if (!messages || !Object.hasOwn(messages, d.messageId)) return d.message;
  try {
    return `${d.unverified ? CANNOT_VERIFY_PREFIX : ''}${renderMessage(d.ruleId, messages, d.messageId, d.data)}`;
  } catch {
    return d.message;
  }
}
