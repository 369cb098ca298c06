// images/arch-fallback: chains and cases on the architecture end with criticalecho-noexit.
import { RuleTester } from '../../../runner/testing.js';
import { AD, BASE, MISC, edit, images } from '../fixture.js';

const FALLBACK = `criticalecho-noexit "This installation function doesn't support architecture $(uname -m)" && return`;
const UNAME = { tested: '$(uname -m)', subject: '$(uname -m)' };

const caseFunction = (name: string, fallback: string) =>
  `\nfunction install_${name}() {\n    colorecho "Installing ${name}"\n    case "$(uname -m)" in\n      x86_64) fapt ${name} ;;\n      aarch64|arm64) fapt ${name}-arm ;;${fallback}\n    esac\n}\n`;

const ARCH_VARIABLES = `
function install_v1() {
    colorecho "Installing v1"
    local arch=$(uname -m)
    if [[ "$arch" == "x86_64" ]]; then
        fapt v1
    elif [[ \${arch} == "aarch64" ]]; then
        fapt v1-arm
    fi
}

function install_v2() {
    colorecho "Installing v2"
    local machine
    machine="$(uname -m)"
    case $machine in
      x86_64) fapt v2 ;;
    esac
    wget "https://example.org/v2-\${machine}.tar.gz"
}

function install_v3() {
    colorecho "Installing v3"
    local arch=amd64
    if [[ "$arch" == "amd64" ]]; then
        fapt v3
    fi
    local archive
    if [[ "$archives" == "x" ]]; then
        fapt v3
    fi
}

HOST_ARCH=\`uname -m\`

function install_v4() {
    colorecho "Installing v4"
    if [ "$HOST_ARCH" = "x86_64" ]; then
        fapt v4
    else
        echo "no v4 here"
    fi
}
`;

new RuleTester().run('images/arch-fallback', {
  valid: [
    { name: 'the fixture as committed', files: images() },
    {
      name: 'chains and cases that do not test the architecture, and uname -m inside a string',
      files: images({
        [AD]: edit('    local curl_arch\n', '    local curl_arch\n    if [[ "$(echo uname -m)" == x ]]; then\n        echo x\n    fi\n    case "$(uname -s)" in\n      Linux) echo linux ;;\n    esac\n'),
      }),
    },
  ],
  invalid: [
    {
      name: 'a $(uname -m) chain without else, and an else without criticalecho-noexit',
      files: images({
        [AD]: edit(`    else\n        ${FALLBACK}\n    fi\n`, '    fi\n'),
        [BASE]: edit(`        ${FALLBACK}\n`, '        echo "unsupported" && return\n'),
      }),
      findings: [
        { messageId: 'chainNoElse', path: AD, line: 19, column: 5, data: { ...UNAME, function: 'install_bloodhound-ce' } },
        { messageId: 'elseNoFallback', path: BASE, line: 33, column: 5, data: { ...UNAME, function: 'install_go' } },
      ],
    },
    {
      name: 'a case on $(uname -m) without a *) branch, and a *) branch without criticalecho-noexit',
      files: images({ [MISC]: (old) => old + caseFunction('a', '') + caseFunction('b', '\n      *) echo "unsupported" ;;') + caseFunction('c', `\n      *) ${FALLBACK} ;;`) }),
      findings: [
        { messageId: 'caseNoDefault', path: MISC, line: 70, column: 5, data: { ...UNAME, function: 'install_a' } },
        { messageId: 'defaultNoFallback', path: MISC, line: 81, column: 7, data: { ...UNAME, function: 'install_b' } },
      ],
    },
    {
      name: 'chains and cases on a variable set from $(uname -m), in its function or at the top level',
      files: images({ [MISC]: (old) => old + ARCH_VARIABLES }),
      findings: [
        { messageId: 'chainNoElse', path: MISC, line: 71, column: 5, data: { tested: '$arch (set from $(uname -m) at line 70)', subject: '$arch', function: 'install_v1' }, related: [{ line: 70, label: 'where $arch is set' }] },
        { messageId: 'caseNoDefault', path: MISC, line: 82, column: 5, data: { tested: '$machine (set from $(uname -m) at line 81)', subject: '$machine', function: 'install_v2' }, related: [{ line: 81 }] },
        { messageId: 'elseNoFallback', path: MISC, line: 106, column: 5, data: { tested: '$HOST_ARCH (set from $(uname -m) at line 100)', subject: '$HOST_ARCH', function: 'install_v4' }, related: [{ line: 100 }] },
      ],
    },
    {
      name: 'chains and cases at the top level of a script',
      files: images({
        [AD]: (old) => `${old}\nif [[ $(uname -m) = 'x86_64' ]]; then\n  echo x\nfi\ncase "$(uname -m)" in\n  x86_64) echo x ;;\n  *) echo other ;;\nesac\n`,
        [MISC]: (old) => `${old}\nif [[ $(uname -m) = 'x86_64' ]]; then\n  echo x\nelse\n  echo y\nfi\ncase "$(uname -m)" in\n  x86_64) echo x ;;\nesac\n`,
      }),
      findings: [
        { messageId: 'chainNoElseTopLevel', path: AD, line: 47, column: 1, data: UNAME },
        { messageId: 'defaultNoFallbackTopLevel', path: AD, line: 52, column: 3, data: UNAME },
        { messageId: 'elseNoFallbackTopLevel', path: MISC, line: 70, column: 1, data: UNAME },
        { messageId: 'caseNoDefaultTopLevel', path: MISC, line: 73, column: 1, data: UNAME },
      ],
    },
  ],
});
