// What the install functions add to the image: the tools list rows, and the aliases and history
// files add-aliases / add-history read.
import { RuleTester } from '../../../runner/testing.js';
import { AD, ALIASES, BASE, HISTORY, edit, images } from '../fixture.js';

const tester = new RuleTester();

const IMPACKET_ROW = '    add-to-list "impacket,https://github.com/ThePorgs/impacket,Set of tools for working with network protocols (ThePorgs version)"\n';
const rows = (...lines: string[]) => images({ [AD]: edit(IMPACKET_ROW, lines.map((l) => `    ${l}\n`).join('')) });

tester.run('images/add-to-list-format', {
  valid: [
    { name: 'the fixture as committed', files: images() },
    { name: 'a row built from a command is checked at build time', files: rows('add-to-list "impacket,https://github.com/ThePorgs/impacket,$(impacket --version)"') },
  ],
  invalid: [
    {
      name: 'column count, an unquoted row, empty name or description, and a link that is not http(s)',
      files: rows(
        'add-to-list "impacket,https://github.com/ThePorgs/impacket,Set of tools, for network protocols"',
        'add-to-list ",github.com/ThePorgs/impacket,"',
        'add-to-list impacket,https://github.com/ThePorgs/impacket,Network tools',
      ),
      findings: [
        { messageId: 'tooManyColumns', path: AD, line: 13, column: 17, data: { row: 'impacket,https://github.com/ThePorgs/impacket,Set of tools, for network protocols', count: 4 } },
        { messageId: 'emptyDescription', path: AD, line: 14, column: 17, data: { row: ',github.com/ThePorgs/impacket,' } },
        { messageId: 'emptyName', path: AD, line: 14, column: 17, data: { row: ',github.com/ThePorgs/impacket,' } },
        { messageId: 'linkNotHttp', path: AD, line: 14, column: 17, data: { row: ',github.com/ThePorgs/impacket,', link: 'github.com/ThePorgs/impacket' } },
        { messageId: 'unquotedRow', path: AD, line: 15, column: 71, data: { row: 'impacket,https://github.com/ThePorgs/impacket,Network tools', count: 2 } },
      ],
    },
    {
      name: 'no row, one column, two columns and an empty link',
      files: rows('add-to-list', 'add-to-list "impacket"', 'add-to-list "impacket,https://github.com/ThePorgs/impacket"', 'add-to-list "impacket,,Network tools"'),
      findings: [
        { messageId: 'noRow', path: AD, line: 13, column: 5, data: {} },
        { messageId: 'oneColumn', path: AD, line: 14, column: 17, data: { row: 'impacket', count: 1 } },
        { messageId: 'tooFewColumns', path: AD, line: 15, column: 17, data: { row: 'impacket,https://github.com/ThePorgs/impacket', count: 2 } },
        { messageId: 'emptyLink', path: AD, line: 16, column: 17, data: { row: 'impacket,,Network tools' } },
      ],
    },
  ],
});

const impacketAssetsRemoved = images({ [`${ALIASES}/impacket`]: null, [`${HISTORY}/impacket`]: null });

tester.run('images/aliases-file-exists', {
  valid: [{ name: 'the fixture as committed', files: images() }],
  invalid: [
    {
      name: 'a call whose file is missing',
      files: impacketAssetsRemoved,
      findings: [{ messageId: 'missingFile', path: AD, line: 9, column: 5, data: { name: 'impacket', folder: ALIASES } }],
    },
  ],
});

tester.run('images/history-file-exists', {
  valid: [{ name: 'the fixture as committed', files: images() }],
  invalid: [
    {
      name: 'a call whose file is missing',
      files: impacketAssetsRemoved,
      findings: [{ messageId: 'missingFile', path: AD, line: 10, column: 5, data: { name: 'impacket', folder: HISTORY } }],
    },
  ],
});

const oldtoolAssets = images({ [`${ALIASES}/oldtool`]: "alias oldtool='oldtool -v'\n", [`${HISTORY}/oldtool`]: 'oldtool --target "$TARGET"\n' });
const noAssetFolders = images({ 'sources/assets': null });

tester.run('images/orphan-aliases-file', {
  valid: [
    { name: 'files copied by path such as _init count as installed', files: images() },
    { name: 'no aliases folder', files: noAssetFolders },
  ],
  invalid: [
    {
      name: 'a file nothing installs',
      files: oldtoolAssets,
      findings: [{ messageId: 'notInstalled', path: `${ALIASES}/oldtool`, line: 1, column: 1, severity: 'warning', data: { name: 'oldtool' } }],
    },
    {
      name: '_init once nothing copies it',
      files: images({ [BASE]: edit('    cp -v /root/sources/assets/shells/aliases.d/_init /opt/.exegol_aliases\n', '') }),
      findings: [{ messageId: 'notInstalled', path: `${ALIASES}/_init`, line: 1, data: { name: '_init' } }],
    },
  ],
});

tester.run('images/orphan-history-file', {
  valid: [
    { name: 'files copied by path such as _init count as installed', files: images() },
    { name: 'no history folder', files: noAssetFolders },
    {
      name: 'a path reference kept in a variable counts as installing the file',
      files: images({
        [`${HISTORY}/extra`]: 'extra --help\n',
        [BASE]: edit(
          '    cp -v /root/sources/assets/shells/aliases.d/_init /opt/.exegol_aliases\n',
          '    cp -v /root/sources/assets/shells/aliases.d/_init /opt/.exegol_aliases\n    local extra=/root/sources/assets/shells/history.d/extra\n    cat "$extra" >> /opt/.exegol_history\n',
        ),
      }),
    },
  ],
  invalid: [
    {
      name: 'a file nothing installs',
      files: oldtoolAssets,
      findings: [{ messageId: 'notInstalled', path: `${HISTORY}/oldtool`, line: 1, column: 1, severity: 'warning', data: { name: 'oldtool' } }],
    },
  ],
});
