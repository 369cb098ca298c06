// The install_* functions: the calls each one makes or whitelists, the whitelist comments, and
// whether each is defined once and called.
import { RuleTester } from '../../../runner/testing.js';
import { AD, BASE, COMMON, MISC, edit, images } from '../fixture.js';

const tester = new RuleTester();

// install_tldr with none of the four calls, and without its asset files.
const tldrCallsRemoved = images({
  [MISC]: edit(
    '    add-aliases tldr\n    add-history tldr\n    add-test-command "tldr --version"\n    add-to-list "tldr,https://github.com/tldr-pages/tldr,Collaborative cheatsheets for console commands"\n',
    '',
  ),
  'sources/assets/shells/aliases.d/tldr': null,
  'sources/assets/shells/history.d/tldr': null,
});
const tldr = { function: 'install_tldr', tool: 'tldr' };

for (const rule of ['images/install-add-aliases', 'images/install-add-history', 'images/install-add-test-command', 'images/install-add-to-list']) {
  tester.run(rule, {
    valid: [{ name: 'the fixture as committed', files: images() }],
    invalid: [{ name: 'install_tldr without its calls', files: tldrCallsRemoved, findings: [{ messageId: 'missingCall', path: MISC, line: 21, column: 10, data: tldr }] }],
  });
}

tester.run('images/install-colorecho', {
  valid: [
    {
      name: 'a call nested in an if branch or a pipeline counts',
      files: images({ [AD]: edit('    colorecho "Installing Impacket scripts"\n', '    if true; then\n        colorecho "Installing Impacket scripts" | tee /dev/null\n    fi\n') }),
    },
    { name: 'only install_* functions of package_*.sh are checked', files: images({ [COMMON]: (old) => `${old}\nfunction install_helper() {\n    echo helper\n}\n` }) },
  ],
  invalid: [
    {
      name: 'a call inside a comment or a string does not count',
      files: images({ [AD]: edit('    colorecho "Installing Impacket scripts"\n', '    # colorecho "Installing Impacket scripts"\n    echo "colorecho Installing"\n') }),
      findings: [{ messageId: 'missingCall', path: AD, line: 6, column: 10, data: { function: 'install_impacket', tool: 'impacket' } }],
    },
  ],
});

tester.run('images/install-add-aliases', {
  valid: [{ name: 'the whitelist is honoured (install_go, install_trilium)', files: images() }],
  invalid: [
    {
      name: 'a whitelist for another check does not count',
      files: images({ [BASE]: edit('    # CODE-CHECK-WHITELIST=add-aliases,add-history\n', '    # CODE-CHECK-WHITELIST=add-history\n') }),
      findings: [{ messageId: 'missingCall', path: BASE, line: 20, column: 10, data: { function: 'install_go', tool: 'go' } }],
    },
  ],
});

tester.run('images/whitelist-syntax', {
  valid: [{ name: 'the fixture as committed', files: images() }],
  invalid: [
    {
      name: 'unknown names, spaces, empty entries, repeats and a malformed prefix',
      files: images({
        [MISC]: edit('    # CODE-CHECK-WHITELIST=add-aliases,add-history\n', '    # CODE-CHECK-WHITELIST=add-alias,add-history, colorecho,,add-history\n'),
        [AD]: edit('    colorecho "Installing Impacket scripts"\n', '    # code-check-whitelist add-aliases\n    colorecho "Installing Impacket scripts"\n'),
      }),
      findings: [
        { messageId: 'notExactSyntax', path: AD, line: 7, column: 5, data: { comment: '# code-check-whitelist add-aliases', list: 'add-aliases' } },
        { messageId: 'unknownCheck', path: MISC, line: 38, column: 28, endColumn: 37, data: { name: 'add-alias', closest: 'add-aliases' } },
        { messageId: 'spacesAroundName', path: MISC, line: 38, column: 50, endColumn: 60, data: { name: ' colorecho', list: 'add-alias,add-history,colorecho,add-history' } },
        { messageId: 'emptyName', path: MISC, line: 38, column: 61, endColumn: 62, data: {} },
        { messageId: 'listedTwice', path: MISC, line: 38, column: 62, endColumn: 73, data: { name: 'add-history' } },
      ],
    },
    {
      name: 'a name close to no known check',
      files: images({ [MISC]: edit('    # CODE-CHECK-WHITELIST=add-aliases,add-history\n', '    # CODE-CHECK-WHITELIST=everything\n') }),
      findings: [{ messageId: 'unknownCheckNoneClose', path: MISC, line: 38, column: 28, data: { name: 'everything' } }],
    },
  ],
});

tester.run('images/whitelist-unneeded', {
  valid: [{ name: 'the fixture as committed', files: images() }],
  invalid: [
    {
      name: 'the function makes the whitelisted call anyway',
      files: images({ [BASE]: edit('    # CODE-CHECK-WHITELIST=add-history\n', '    # CODE-CHECK-WHITELIST=add-history,add-aliases\n') }),
      findings: [{ messageId: 'unneeded', path: BASE, line: 52, column: 40, endColumn: 51, data: { function: 'install_fzf', check: 'add-aliases', callLine: 56 }, related: [{ line: 56, column: 5, label: 'the add-aliases call' }] }],
    },
  ],
});

tester.run('images/whitelist-placement', {
  valid: [{ name: 'the fixture as committed', files: images() }],
  invalid: [
    {
      name: 'after the first command, and outside any function',
      files: images({
        [BASE]: edit('    # CODE-CHECK-WHITELIST=add-history\n    colorecho "Installing fzf"\n', '    colorecho "Installing fzf"\n    # CODE-CHECK-WHITELIST=add-history\n'),
        [AD]: edit('function install_impacket() {\n', '# CODE-CHECK-WHITELIST=add-history\nfunction install_impacket() {\n'),
      }),
      findings: [
        { messageId: 'outsideFunction', path: AD, line: 6, column: 1, data: { next: 'install_impacket' } },
        { messageId: 'afterFirstCommand', path: BASE, line: 53, column: 5, data: { function: 'install_fzf', firstCommandLine: 52 }, related: [{ line: 52, column: 5, label: 'its first command' }] },
      ],
    },
    {
      name: 'after the last function',
      files: images({ [AD]: (old) => `${old}# CODE-CHECK-WHITELIST=add-history\n` }),
      findings: [{ messageId: 'outsideFunctionNoneAfter', path: AD, line: 46, column: 1, data: {} }],
    },
  ],
});

tester.run('images/install-fn-not-called', {
  valid: [{ name: 'the fixture as committed', files: images() }],
  invalid: [
    {
      name: 'a function only called from a comment, or never',
      files: images({ [MISC]: (old) => `${old}\nfunction install_pwntools() {\n    colorecho "Installing pwntools"\n}\n\nfunction install_unused() {\n    colorecho "Installing unused"\n}\n` }),
      findings: [
        { messageId: 'calledFromComment', path: MISC, line: 68, column: 10, data: { function: 'install_pwntools', commentPath: MISC, commentLine: 54 }, related: [{ line: 54, label: 'the commented-out call' }] },
        { messageId: 'neverCalled', path: MISC, line: 72, column: 10, data: { function: 'install_unused' } },
      ],
    },
  ],
});

tester.run('images/install-fn-undefined', {
  valid: [
    { name: 'the fixture as committed', files: images() },
    {
      name: 'a call whose name is built at run time is not taken for an undefined function',
      files: images({ [MISC]: edit('    set_env\n    install_searchsploit', '    set_env\n    for t in tldr; do install_"$t"; done\n    install_searchsploit') }),
    },
  ],
  invalid: [
    {
      name: 'a call to a function nothing defines',
      files: images({ [MISC]: edit('    install_trilium             # notes taking tool\n', '    install_trilium             # notes taking tool\n    install_obsidian\n') }),
      findings: [{ messageId: 'notDefined', path: MISC, line: 54, column: 5, data: { function: 'install_obsidian' } }],
    },
  ],
});

tester.run('images/install-fn-duplicate', {
  valid: [{ name: 'the fixture as committed', files: images() }],
  invalid: [
    {
      name: 'the second definition, in the file sourced last',
      files: images({ [AD]: (old) => `${old}\nfunction install_tldr() {\n    colorecho "Installing tldr again"\n}\n` }),
      findings: [{ messageId: 'duplicate', path: MISC, line: 21, column: 10, data: { function: 'install_tldr', firstPath: AD, firstLine: 47 }, related: [{ path: AD, line: 47, column: 10, label: 'the first definition' }] }],
    },
  ],
});
