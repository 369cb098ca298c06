// Every images rule on the images fixture as committed, on a repo without install scripts, and on
// scripts that cannot be read or parsed: rules that need every script say "cannot verify".
import { describe, expect, it } from 'vitest';
import { EMPTY_CONFIG } from '../../../runner/config.js';
import { MemorySource } from '../../../runner/memory-source.js';
import { loadRules } from '../../../runner/registry.js';
import { lint } from '../../../runner/run.js';
import { RuleTester, type ExpectedFinding } from '../../../runner/testing.js';
import type { Diagnostic } from '../../../runner/types.js';
import { fixtureFiles } from '../../helpers/fixture-files.js';
import { makeFolder } from '../../helpers/git.js';
import { AD, edit, images } from '../fixture.js';

const ALL_RULES = (await loadRules()).map((r) => r.id);
const IMAGES_RULES = ALL_RULES.filter((id) => id.startsWith('images/'));
const WORKFLOW_RULES = ALL_RULES.filter((id) => id.startsWith('workflow/'));

const adUnparsable = images({ [AD]: edit('    fi\n    curl -sSL', '    curl -sSL') });

/** What each rule that needs every install script says when package_ad.sh cannot be parsed; the others stay silent. */
const CANNOT_VERIFY_UNPARSED_AD: Record<string, ExpectedFinding> = {
  'images/dockerfile-fn-defined': { messageId: 'scriptUnparsed', path: AD, line: 1, unverified: true, data: { script: AD } },
  'images/install-fn-not-called': { messageId: 'unparsedScripts', path: AD, line: 1, unverified: true, data: { scripts: AD } },
  'images/install-fn-undefined': { messageId: 'unparsedScripts', path: AD, line: 1, unverified: true, data: { scripts: AD } },
  'images/orphan-aliases-file': { messageId: 'unparsedScripts', path: AD, line: 1, unverified: true, data: { scripts: AD } },
  'images/orphan-history-file': { messageId: 'unparsedScripts', path: AD, line: 1, unverified: true, data: { scripts: AD } },
};

describe('the images rules', () => {
  it('are all here, and every rule that says "cannot verify" on an unparsable script is one of them', () => {
    expect(IMAGES_RULES.length).toBeGreaterThanOrEqual(23);
    expect(Object.keys(CANNOT_VERIFY_UNPARSED_AD).filter((id) => !IMAGES_RULES.includes(id))).toEqual([]);
  });
});

const tester = new RuleTester();
for (const rule of [...IMAGES_RULES, ...WORKFLOW_RULES]) {
  const unparsed = CANNOT_VERIFY_UNPARSED_AD[rule];
  tester.run(rule, {
    valid: [
      { name: 'the images fixture, dev', files: images(), kind: 'images', mode: 'dev' },
      { name: 'the images fixture, release', files: images(), kind: 'images', mode: 'release' },
      { name: 'a repo without sources/install', files: { 'README.md': '# images\n' }, kind: 'images' },
      ...(rule.startsWith('images/') && !unparsed ? [{ name: 'an unparsable package file is not guessed at', files: adUnparsable }] : []),
    ],
    invalid: unparsed ? [{ name: 'an unparsable package file', files: adUnparsable, findings: [unparsed] }] : [],
  });
}

const asData = (d: Diagnostic) => ({ ruleId: d.ruleId, messageId: d.messageId, path: d.location.path, line: d.location.line, unverified: d.unverified ?? false, data: d.data });

describe('bad input', () => {
  it('an unparsable package file gives one parse error, at the position the parser gives', async () => {
    const result = await lint({
      repos: [{ name: 'images', source: new MemorySource(adUnparsable) }],
      kind: 'images',
      mode: 'dev',
      rules: ['meta/parse-error', ...IMAGES_RULES],
      today: '2026-01-15',
      config: EMPTY_CONFIG,
      env: {},
    });
    expect(result.diagnostics.filter((d) => !d.unverified).map(asData)).toEqual([
      { ruleId: 'meta/parse-error', messageId: 'cannotParse', path: AD, line: 45, unverified: false, data: { path: AD, language: 'bash', error: 'syntax error: missing "fi"' } },
    ]);
  });

  // A folder on disk: only a file read from disk can be binary (files given as data are text).
  it('a binary script is reported as unreadable, not parsed, and still counts as a package file', async () => {
    const blob = 'sources/install/package_blob.sh';
    const dir = await makeFolder({ files: { ...fixtureFiles('images'), [blob]: '\u0000\u0001ELF' } });
    const result = await lint({ dirs: [dir], kind: 'images', mode: 'dev', rules: IMAGES_RULES, env: {}, today: '2026-01-15' });
    const unparsed = { unverified: true, path: blob, line: 1, messageId: 'unparsedScripts', data: { scripts: blob } };
    expect(result.diagnostics.map(asData)).toEqual([
      { ruleId: 'images/package-file-sourced', messageId: 'notSourced', path: blob, line: 1, unverified: false, data: { name: 'package_blob.sh' } },
      { ruleId: 'meta/parse-error', messageId: 'cannotRead', path: blob, line: 1, unverified: false, data: { path: blob, reason: 'binary file (contains NUL bytes)' } },
      { ruleId: 'images/install-fn-not-called', ...unparsed },
      { ruleId: 'images/install-fn-undefined', ...unparsed },
      { ruleId: 'images/orphan-aliases-file', ...unparsed },
      { ruleId: 'images/orphan-history-file', ...unparsed },
    ]);
  });
});
