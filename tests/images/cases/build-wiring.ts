// How the build reaches the install functions: RUN ./entrypoint.sh <function> in the Dockerfiles,
// the package files entrypoint.sh sources, and the shellcheck settings of the code check.
import { RuleTester } from '../../../runner/testing.js';
import { BASE, ENTRYPOINT, edit, images } from '../fixture.js';

const tester = new RuleTester();

const EXTRA = 'sources/install/package_extra.sh';
const EXTRA_SCRIPT = '#!/bin/bash\nsource common.sh\n\nfunction package_extra() {\n    colorecho "extra"\n}\n';
const UNPARSABLE_SCRIPT = '#!/bin/bash\nfunction package_extra() {\n    if true; then\n}\n';
const moreScript = (name: string) => `#!/bin/bash\nfunction package_${name}() {\n    colorecho ${name}\n}\n`;

const typoAndUnsourced = images({
  Dockerfile: edit('RUN ./entrypoint.sh package_ad\n', 'RUN ./entrypoint.sh package_adx\n'),
  'light.dockerfile': edit('    ./entrypoint.sh package_base\n', '    ./entrypoint.sh package_extra\n'),
  [EXTRA]: EXTRA_SCRIPT,
});
const sourcedThroughBase = images({ [EXTRA]: EXTRA_SCRIPT, [BASE]: edit('source common.sh\n', 'source common.sh\n# shellcheck source=package_extra.sh\nsource package_extra.sh\n') });
const computedSource = images({ [ENTRYPOINT]: edit('source package_ad.sh\n', 'for f in package_*.sh; do\n  source "$f"\ndone\n') });
const unparsableSourced = (more: Record<string, string> = {}) =>
  images({ [EXTRA]: UNPARSABLE_SCRIPT, [BASE]: edit('source common.sh\n', 'source common.sh\nsource package_extra.sh\n'), ...more });
const computedSourceData = { script: ENTRYPOINT, written: '"$f"' };

tester.run('images/dockerfile-fn-defined', {
  valid: [
    { name: 'the fixture as committed', files: images() },
    { name: 'a function of a file sourced through another sourced file', files: sourcedThroughBase },
  ],
  invalid: [
    {
      name: 'an unknown function, and one whose file is not sourced',
      files: typoAndUnsourced,
      findings: [
        { messageId: 'notDefined', path: 'Dockerfile', line: 24, column: 21, data: { name: 'package_adx' } },
        { messageId: 'notSourced', path: 'light.dockerfile', line: 10, column: 21, data: { name: 'package_extra', definedIn: EXTRA } },
      ],
    },
    {
      name: 'a computed source inside an install function does not stop the check',
      files: images({
        [BASE]: edit('    cd /tmp/ || exit\n', '    cd /tmp/ || exit\n    source "$HOME/.cargo/env"\n'),
        Dockerfile: edit('RUN ./entrypoint.sh package_ad\n', 'RUN ./entrypoint.sh package_typo\n'),
      }),
      findings: [{ messageId: 'notDefined', path: 'Dockerfile', line: 24, column: 21, data: { name: 'package_typo' } }],
    },
    {
      name: 'RUN continuations and the exec form are read; entrypoint.sh inside a string is not a run',
      files: images({
        Dockerfile: (old) =>
          `${old}\nRUN ./entrypoint.sh \\\n    package_typo1\n\nRUN ["./entrypoint.sh", "package_typo2"]\n\nRUN echo "see ./entrypoint.sh package_typo3" && \\\n    # a comment inside the instruction\n    ./entrypoint.sh package_base && ./entrypoint.sh package_typo4\n`,
      }),
      findings: [
        { messageId: 'notDefined', path: 'Dockerfile', line: 33, column: 5, data: { name: 'package_typo1' } },
        { messageId: 'notDefined', path: 'Dockerfile', line: 35, column: 26, data: { name: 'package_typo2' } },
        { messageId: 'notDefined', path: 'Dockerfile', line: 39, column: 53, data: { name: 'package_typo4' } },
      ],
    },
    {
      name: 'entrypoint.sh sources a computed path',
      files: computedSource,
      findings: [{ messageId: 'sourceComputed', path: ENTRYPOINT, line: 11, column: 3, unverified: true, data: computedSourceData }],
    },
    {
      name: 'a sourced script cannot be parsed',
      files: unparsableSourced(),
      findings: [{ messageId: 'scriptUnparsed', path: EXTRA, line: 1, unverified: true, data: { script: EXTRA } }],
    },
    {
      name: 'entrypoint.sh is missing',
      files: images({ [ENTRYPOINT]: null }),
      findings: [{ messageId: 'entrypointUnreadable', path: 'Dockerfile', line: 20, column: 21, unverified: true, data: {} }],
    },
  ],
});

tester.run('images/package-file-sourced', {
  valid: [
    { name: 'the fixture as committed', files: images() },
    { name: 'a package file sourced through another sourced file', files: sourcedThroughBase },
    { name: 'a computed source inside an install function sources nothing', files: images({ [BASE]: edit('    cd /tmp/ || exit\n', '    cd /tmp/ || exit\n    source "$HOME/.cargo/env"\n') }) },
    { name: 'an unparsable file that is itself sourced, with no package file left over', files: unparsableSourced() },
  ],
  invalid: [
    {
      name: 'a package file entrypoint.sh does not source',
      files: typoAndUnsourced,
      findings: [{ messageId: 'notSourced', path: EXTRA, line: 1, column: 1, data: { name: 'package_extra.sh' } }],
    },
    {
      name: 'a sourced file that does not exist',
      files: images({ [ENTRYPOINT]: edit('source package_ad.sh\n', 'source package_ad.sh\nsource package_web.sh\n') }),
      findings: [{ messageId: 'sourcedFileMissing', path: ENTRYPOINT, line: 11, column: 1, data: { written: 'package_web.sh', target: 'sources/install/package_web.sh' } }],
    },
    {
      name: 'a missing file sourced by a sourced file',
      files: images({ [EXTRA]: EXTRA_SCRIPT, [BASE]: edit('source common.sh\n', 'source common.sh\nsource package_extar.sh\n') }),
      findings: [
        { messageId: 'sourcedFileMissing', path: BASE, line: 5, column: 1, data: { written: 'package_extar.sh', target: 'sources/install/package_extar.sh' } },
        { messageId: 'notSourced', path: EXTRA, line: 1, data: { name: 'package_extra.sh' } },
      ],
    },
    {
      name: 'an unsourced package file while a script of the chain cannot be parsed',
      files: unparsableSourced({ 'sources/install/package_more.sh': moreScript('more') }),
      findings: [{ messageId: 'unparsedHidesFile', path: EXTRA, line: 1, unverified: true, data: { script: EXTRA, files: 'sources/install/package_more.sh' } }],
    },
    {
      name: 'two unsourced package files while a script of the chain cannot be parsed',
      files: unparsableSourced({ 'sources/install/package_more.sh': moreScript('more'), 'sources/install/package_other.sh': moreScript('other') }),
      findings: [
        { messageId: 'unparsedHidesFiles', path: EXTRA, line: 1, unverified: true, data: { script: EXTRA, files: 'sources/install/package_more.sh, sources/install/package_other.sh' } },
      ],
    },
    {
      name: 'entrypoint.sh sources a computed path',
      files: computedSource,
      findings: [{ messageId: 'sourceComputed', path: ENTRYPOINT, line: 11, column: 3, unverified: true, data: computedSourceData }],
    },
  ],
});

const WORKFLOW = '.github/workflows/sub_code_check.yml';
const RC_LINE = 'disable=SC1071,SC2148,SC1090,SC1091,SC2317\n';

tester.run('images/shellcheck-config-consistent', {
  valid: [
    { name: 'the fixture as committed', files: images() },
    {
      name: 'SHELLCHECK_OPTS options other than -e/--exclude are not read as codes',
      files: images({ [WORKFLOW]: edit('SHELLCHECK_OPTS: -e SC1071', 'SHELLCHECK_OPTS: --external-sources --enable=all -e SC1071') }),
    },
  ],
  invalid: [
    {
      name: 'each side has a code the other lacks',
      files: images({ '.shellcheckrc': edit(RC_LINE, 'disable=SC1071,SC2148,SC1090,SC1091\ndisable=SC2034\n') }),
      findings: [{ messageId: 'bothDiffer', path: '.shellcheckrc', line: 2, column: 1, data: { workflow: WORKFLOW, line: 18, workflowOnly: 'SC2317', rcOnly: 'SC2034' }, related: [{ path: WORKFLOW, line: 18, label: 'SHELLCHECK_OPTS' }] }],
    },
    {
      name: 'only the workflow excludes a code',
      files: images({ '.shellcheckrc': edit(RC_LINE, 'disable=SC1071,SC2148,SC1090,SC1091\n') }),
      findings: [{ messageId: 'onlyWorkflowExcludes', path: '.shellcheckrc', line: 2, data: { workflow: WORKFLOW, line: 18, workflowOnly: 'SC2317' }, related: [{ path: WORKFLOW, line: 18 }] }],
    },
    {
      name: 'only .shellcheckrc disables a code',
      files: images({ '.shellcheckrc': edit(RC_LINE, `${RC_LINE}disable=SC2034\n`) }),
      findings: [{ messageId: 'onlyRcDisables', path: '.shellcheckrc', line: 2, data: { workflow: WORKFLOW, rcOnly: 'SC2034' }, related: [{ path: WORKFLOW, line: 18 }] }],
    },
    {
      name: '.shellcheckrc is missing',
      files: images({ '.shellcheckrc': null }),
      findings: [{ messageId: 'noRcFile', path: WORKFLOW, line: 18, column: 28, data: { codes: 'SC1071, SC1090, SC1091, SC2148, SC2317', disable: 'SC1071,SC1090,SC1091,SC2148,SC2317' } }],
    },
  ],
});
