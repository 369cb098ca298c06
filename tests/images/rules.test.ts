// Images rules on a realistic images repo (tests/fixtures/images): clean as committed, then one
// mistake at a time, the way maintainers make them.
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../runner/registry.js';
import { editedFixture, edit, type Change } from '../helpers/fixture-edit.js';
import { makeFolder, makeRepo, writeFiles } from '../helpers/git.js';
import { findings } from '../helpers/lint.js';

const IMAGES_RULES = (await loadRules()).filter((r) => r.id.startsWith('images/') || r.id.startsWith('workflow/')).map((r) => r.id);
const MISC = 'sources/install/package_misc.sh';
const AD = 'sources/install/package_ad.sh';
const BASE = 'sources/install/package_base.sh';

const images = (changes: Record<string, Change> = {}) => editedFixture('images', changes);

const lintImages = (dir: string, rules: string[], today = '2026-01-15') => findings(dir, rules, { kind: 'images', mode: 'dev', today });

describe('the images fixture', () => {
  it('is clean for every images and workflow rule, in a git repo on dev and on main', async () => {
    expect(IMAGES_RULES.length).toBeGreaterThanOrEqual(25);
    for (const branch of ['dev', 'main']) {
      const dir = await makeRepo({ fixture: 'images', branch });
      expect(await findings(dir, IMAGES_RULES)).toEqual([]);
    }
  });
});

describe('install_* calls (images/install-*)', () => {
  it('fire for each missing call, at the function name', async () => {
    const dir = await images({
      [MISC]: edit(
        '    add-aliases tldr\n    add-history tldr\n    add-test-command "tldr --version"\n    add-to-list "tldr,https://github.com/tldr-pages/tldr,Collaborative cheatsheets for console commands"\n',
        '',
      ),
      'sources/assets/shells/aliases.d/tldr': null,
      'sources/assets/shells/history.d/tldr': null,
    });
    expect(await lintImages(dir, ['images/install-add-aliases', 'images/install-add-history', 'images/install-add-test-command', 'images/install-add-to-list'])).toEqual([
      'images/install-add-aliases error sources/install/package_misc.sh:21 install_tldr does not call add-aliases; add `add-aliases tldr`, or whitelist it on the function\'s first line: # CODE-CHECK-WHITELIST=add-aliases',
      'images/install-add-history error sources/install/package_misc.sh:21 install_tldr does not call add-history; add `add-history tldr`, or whitelist it on the function\'s first line: # CODE-CHECK-WHITELIST=add-history',
      'images/install-add-test-command error sources/install/package_misc.sh:21 install_tldr does not call add-test-command; add `add-test-command "tldr --help"`, or whitelist it on the function\'s first line: # CODE-CHECK-WHITELIST=add-test-command',
      'images/install-add-to-list error sources/install/package_misc.sh:21 install_tldr does not call add-to-list; add `add-to-list "tldr,https://...,description"`, or whitelist it on the function\'s first line: # CODE-CHECK-WHITELIST=add-to-list',
    ]);
  });

  it('do not count a call inside a comment or a string', async () => {
    const dir = await images({
      [AD]: edit('    colorecho "Installing Impacket scripts"\n', '    # colorecho "Installing Impacket scripts"\n    echo "colorecho Installing"\n'),
    });
    expect(await lintImages(dir, ['images/install-colorecho'])).toEqual([
      'images/install-colorecho error sources/install/package_ad.sh:6 install_impacket does not call colorecho; add `colorecho "Installing impacket"`, or whitelist it on the function\'s first line: # CODE-CHECK-WHITELIST=colorecho',
    ]);
  });

  it('count a call nested in an if branch or a pipeline, and honour the whitelist', async () => {
    const dir = await images({
      [AD]: edit('    colorecho "Installing Impacket scripts"\n', '    if true; then\n        colorecho "Installing Impacket scripts" | tee /dev/null\n    fi\n'),
    });
    expect(await lintImages(dir, ['images/install-colorecho', 'images/install-add-aliases'])).toEqual([]);
  });

  it('check only install_* functions of package_*.sh', async () => {
    const dir = await images({ 'sources/install/common.sh': (old) => `${old}\nfunction install_helper() {\n    echo helper\n}\n` });
    expect(await lintImages(dir, ['images/install-colorecho'])).toEqual([]);
  });
});

describe('whitelists', () => {
  it('images/whitelist-syntax fires on unknown names, spaces, empty entries, repeats and a malformed prefix', async () => {
    const dir = await images({
      [MISC]: edit('    # CODE-CHECK-WHITELIST=add-aliases,add-history\n', '    # CODE-CHECK-WHITELIST=add-alias,add-history, colorecho,,add-history\n'),
      [AD]: edit('    colorecho "Installing Impacket scripts"\n', '    # code-check-whitelist add-aliases\n    colorecho "Installing Impacket scripts"\n'),
    });
    expect(await lintImages(dir, ['images/whitelist-syntax'])).toEqual([
      'images/whitelist-syntax error sources/install/package_ad.sh:7 "# code-check-whitelist add-aliases" is not read by the code check; write it exactly as "# CODE-CHECK-WHITELIST=add-aliases"',
      'images/whitelist-syntax error sources/install/package_misc.sh:38 "add-alias" is not a check the whitelist can name (did you mean "add-aliases"?); known: colorecho, add-aliases, add-history, add-test-command, add-to-list, temp-fix',
      'images/whitelist-syntax error sources/install/package_misc.sh:38 " colorecho" has spaces around it; separate the names with commas only: add-alias,add-history,colorecho,add-history',
      'images/whitelist-syntax error sources/install/package_misc.sh:38 empty name in the whitelist; remove the extra comma',
      'images/whitelist-syntax error sources/install/package_misc.sh:38 "add-history" is listed twice; remove one',
    ]);
  });

  it('images/whitelist-unneeded fires when the function makes the call anyway', async () => {
    const dir = await images({ [BASE]: edit('    # CODE-CHECK-WHITELIST=add-history\n', '    # CODE-CHECK-WHITELIST=add-history,add-aliases\n') });
    expect(await lintImages(dir, ['images/whitelist-unneeded'])).toEqual([
      'images/whitelist-unneeded warning sources/install/package_base.sh:52 install_fzf whitelists add-aliases but calls it at line 56; remove add-aliases from the whitelist',
    ]);
  });

  it('images/whitelist-placement fires after the first command and outside functions', async () => {
    const dir = await images({
      [BASE]: edit('    # CODE-CHECK-WHITELIST=add-history\n    colorecho "Installing fzf"\n', '    colorecho "Installing fzf"\n    # CODE-CHECK-WHITELIST=add-history\n'),
      [AD]: edit('function install_impacket() {\n', '# CODE-CHECK-WHITELIST=add-history\nfunction install_impacket() {\n'),
    });
    expect(await lintImages(dir, ['images/whitelist-placement'])).toEqual([
      'images/whitelist-placement warning sources/install/package_ad.sh:6 whitelist outside any function whitelists nothing; move it to the first line of install_impacket',
      'images/whitelist-placement warning sources/install/package_base.sh:53 whitelist in install_fzf comes after its first command (line 52); move it to the first line of the function',
    ]);
  });
});

describe('temporary fixes', () => {
  it('images/temp-fix-expired fires the day after the limit, not on the limit', async () => {
    const dir = await images();
    expect(await lintImages(dir, ['images/temp-fix-expired'], '2026-09-01')).toEqual([]);
    expect(await lintImages(dir, ['images/temp-fix-expired'], '2026-09-02')).toEqual([
      'images/temp-fix-expired error sources/install/package_misc.sh:8 temporary fix expired on 2026-09-01 (today is 2026-09-02): builds now stop with "Temp fix expired"; remove the fix if upstream is repaired, or move temp_fix_limit to a later date',
    ]);
  });

  it('images/temp-fix-date-format fires on impossible, malformed and computed dates; commented templates are ignored', async () => {
    const dir = await images({
      [MISC]: edit(
        '    local temp_fix_limit="2026-09-01"\n',
        '    # local temp_fix_limit="YYYY-MM-DD"\n    local temp_fix_limit="2026-02-30"\n    temp_fix_limit="01/09/2026"\n    temp_fix_limit="$(date +%F)"\n',
      ),
    });
    expect(await lintImages(dir, ['images/temp-fix-date-format', 'images/temp-fix-expired'])).toEqual([
      'images/temp-fix-date-format error sources/install/package_misc.sh:9 temp_fix_limit "2026-02-30" is not a real date; use an existing day, YYYY-MM-DD',
      'images/temp-fix-date-format error sources/install/package_misc.sh:10 temp_fix_limit "01/09/2026" is not a YYYY-MM-DD date; write it like "2026-12-31"',
      'images/temp-fix-date-format error sources/install/package_misc.sh:11 temp_fix_limit is computed at build time; write the limit as a literal date, e.g. temp_fix_limit="2026-12-31"',
    ]);
  });

  it('images/temp-fix-guarded fires when no check_temp_fix_expiry follows in the same function', async () => {
    const dir = await images({
      [MISC]: edit('    if check_temp_fix_expiry "$temp_fix_limit"; then\n', '    if true; then\n    # if check_temp_fix_expiry "$temp_fix_limit"; then\n'),
      [AD]: edit('    local curl_arch\n', '    local curl_arch\n    local temp_fix_limit="2026-05-01"\n'),
    });
    expect(await lintImages(dir, ['images/temp-fix-guarded'])).toEqual([
      'images/temp-fix-guarded error sources/install/package_ad.sh:19 temp_fix_limit is set in install_bloodhound-ce but never checked; wrap the fix in if check_temp_fix_expiry "$temp_fix_limit"; then ... fi so it expires',
      'images/temp-fix-guarded error sources/install/package_misc.sh:8 temp_fix_limit is set in install_searchsploit but never checked; wrap the fix in if check_temp_fix_expiry "$temp_fix_limit"; then ... fi so it expires',
    ]);
  });
  it('images/temp-fix-guarded accepts the inline guard written before check_temp_fix_expiry existed, when it stops the build', async () => {
    const inline = (stop: string) =>
      edit('    if check_temp_fix_expiry "$temp_fix_limit"; then\n', `    if [[ "$(date +%Y%m%d)" -gt "$(date -d $temp_fix_limit +%Y%m%d)" ]]; then\n      ${stop} "Temp fix expired. Exiting."\n    else\n`);
    expect(await lintImages(await images({ [MISC]: inline('criticalecho') }), ['images/temp-fix-guarded'])).toEqual([]);
    expect(await lintImages(await images({ [MISC]: inline('echo') }), ['images/temp-fix-guarded'])).toEqual([
      'images/temp-fix-guarded error sources/install/package_misc.sh:8 temp_fix_limit is set in install_searchsploit but never checked; wrap the fix in if check_temp_fix_expiry "$temp_fix_limit"; then ... fi so it expires',
    ]);
  });
});

describe('images/add-to-list-format', () => {
  it('fires on column count, an unquoted row, empty name or description, and a link that is not http(s)', async () => {
    const dir = await images({
      [AD]: edit(
        '    add-to-list "impacket,https://github.com/ThePorgs/impacket,Set of tools for working with network protocols (ThePorgs version)"\n',
        [
          '    add-to-list "impacket,https://github.com/ThePorgs/impacket,Set of tools, for network protocols"',
          '    add-to-list ",github.com/ThePorgs/impacket,"',
          '    add-to-list impacket,https://github.com/ThePorgs/impacket,Network tools',
          '    add-to-list "impacket,https://github.com/ThePorgs/impacket,$(impacket --version)"',
          '',
        ].join('\n'),
      ),
    });
    expect(await lintImages(dir, ['images/add-to-list-format'])).toEqual([
      'images/add-to-list-format error sources/install/package_ad.sh:13 add-to-list row "impacket,https://github.com/ThePorgs/impacket,Set of tools, for network protocols" has 4 columns; it needs exactly 3 (name,link,description) and "no comma allowed in description"',
      'images/add-to-list-format error sources/install/package_ad.sh:14 add-to-list row ",github.com/ThePorgs/impacket," has an empty description; say in a few words what the tool does',
      'images/add-to-list-format error sources/install/package_ad.sh:14 add-to-list row ",github.com/ThePorgs/impacket," has an empty name; put the tool\'s name first',
      'images/add-to-list-format error sources/install/package_ad.sh:14 add-to-list row ",github.com/ThePorgs/impacket," has link "github.com/ThePorgs/impacket", which is not an http(s):// URL',
      'images/add-to-list-format error sources/install/package_ad.sh:15 add-to-list got 2 arguments; quote the whole row: add-to-list "impacket,https://github.com/ThePorgs/impacket,Network tools"',
    ]);
  });
});

describe('aliases and history files', () => {
  it('images/aliases-file-exists and images/history-file-exists fire on a call whose file is missing', async () => {
    const dir = await images({ 'sources/assets/shells/aliases.d/impacket': null, 'sources/assets/shells/history.d/impacket': null });
    expect(await lintImages(dir, ['images/aliases-file-exists', 'images/history-file-exists'])).toEqual([
      'images/aliases-file-exists error sources/install/package_ad.sh:9 add-aliases impacket reads sources/assets/shells/aliases.d/impacket, which does not exist: the build would skip it silently; create the file, or fix the name',
      'images/history-file-exists error sources/install/package_ad.sh:10 add-history impacket reads sources/assets/shells/history.d/impacket, which does not exist: the build would skip it silently; create the file, or fix the name',
    ]);
  });

  it('orphan rules fire on files nothing installs, and accept files copied by path such as _init', async () => {
    const dir = await images({
      'sources/assets/shells/aliases.d/oldtool': "alias oldtool='oldtool -v'\n",
      'sources/assets/shells/history.d/oldtool': 'oldtool --target "$TARGET"\n',
    });
    expect(await lintImages(dir, ['images/orphan-aliases-file', 'images/orphan-history-file'])).toEqual([
      "images/orphan-aliases-file warning sources/assets/shells/aliases.d/oldtool:1 no install function calls add-aliases oldtool, so this file never reaches the image; add the call to the tool's install function, or delete the file",
      "images/orphan-history-file warning sources/assets/shells/history.d/oldtool:1 no install function calls add-history oldtool, so this file never reaches the image; add the call to the tool's install function, or delete the file",
    ]);
    const noInit = await images({ [BASE]: edit('    cp -v /root/sources/assets/shells/aliases.d/_init /opt/.exegol_aliases\n', '') });
    expect(await lintImages(noInit, ['images/orphan-aliases-file'])).toEqual([
      "images/orphan-aliases-file warning sources/assets/shells/aliases.d/_init:1 no install function calls add-aliases _init, so this file never reaches the image; add the call to the tool's install function, or delete the file",
    ]);
  });

  it('stay silent when the asset folders do not exist', async () => {
    const dir = await images({ 'sources/assets': null });
    expect(await lintImages(dir, ['images/orphan-aliases-file', 'images/orphan-history-file'])).toEqual([]);
  });
});

describe('images/arch-fallback', () => {
  it('fires on a $(uname -m) chain without else, and on an else without criticalecho-noexit', async () => {
    const dir = await images({
      [AD]: edit(`    else\n        criticalecho-noexit "This installation function doesn't support architecture $(uname -m)" && return\n    fi\n`, '    fi\n'),
      [BASE]: edit(`        criticalecho-noexit "This installation function doesn't support architecture $(uname -m)" && return\n`, '        echo "unsupported" && return\n'),
    });
    expect(await lintImages(dir, ['images/arch-fallback'])).toEqual([
      'images/arch-fallback error sources/install/package_ad.sh:19 the $(uname -m) chain in install_bloodhound-ce has no else, so other architectures install nothing silently; end it with: else criticalecho-noexit "This installation function doesn\'t support architecture $(uname -m)" && return',
      'images/arch-fallback error sources/install/package_base.sh:33 the else of the $(uname -m) chain in install_go does not call criticalecho-noexit; make it: else criticalecho-noexit "This installation function doesn\'t support architecture $(uname -m)" && return',
    ]);
  });

  it('checks a case on $(uname -m) for a *) branch that calls criticalecho-noexit', async () => {
    const fn = (name: string, fallback: string) =>
      `\nfunction install_${name}() {\n    colorecho "Installing ${name}"\n    case "$(uname -m)" in\n      x86_64) fapt ${name} ;;\n      aarch64|arm64) fapt ${name}-arm ;;${fallback}\n    esac\n}\n`;
    const dir = await images({
      [MISC]: (old) => old + fn('a', '') + fn('b', '\n      *) echo "unsupported" ;;') + fn('c', `\n      *) criticalecho-noexit "This installation function doesn't support architecture $(uname -m)" && return ;;`),
    });
    expect(await lintImages(dir, ['images/arch-fallback'])).toEqual([
      'images/arch-fallback error sources/install/package_misc.sh:70 the case on $(uname -m) in install_a has no *) branch, so other architectures install nothing silently; add before esac: *) criticalecho-noexit "This installation function doesn\'t support architecture $(uname -m)" && return ;;',
      'images/arch-fallback error sources/install/package_misc.sh:81 the *) branch of the case on $(uname -m) in install_b does not call criticalecho-noexit; make it: *) criticalecho-noexit "This installation function doesn\'t support architecture $(uname -m)" && return ;;',
    ]);
  });

  it('checks chains and cases on a variable set from $(uname -m), in its function or at the top level', async () => {
    const dir = await images({
      [MISC]: (old) =>
        `${old}
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
`,
    });
    expect(await lintImages(dir, ['images/arch-fallback'])).toEqual([
      'images/arch-fallback error sources/install/package_misc.sh:71 the $arch (set from $(uname -m) at line 70) chain in install_v1 has no else, so other architectures install nothing silently; end it with: else criticalecho-noexit "This installation function doesn\'t support architecture $(uname -m)" && return',
      'images/arch-fallback error sources/install/package_misc.sh:82 the case on $machine (set from $(uname -m) at line 81) in install_v2 has no *) branch, so other architectures install nothing silently; add before esac: *) criticalecho-noexit "This installation function doesn\'t support architecture $(uname -m)" && return ;;',
      'images/arch-fallback error sources/install/package_misc.sh:106 the else of the $HOST_ARCH (set from $(uname -m) at line 100) chain in install_v4 does not call criticalecho-noexit; make it: else criticalecho-noexit "This installation function doesn\'t support architecture $(uname -m)" && return',
    ]);
  });

  it('ignores chains and cases that do not test the architecture, and uname -m inside a string', async () => {
    const dir = await images({
      [AD]: edit('    local curl_arch\n', '    local curl_arch\n    if [[ "$(echo uname -m)" == x ]]; then\n        echo x\n    fi\n    case "$(uname -s)" in\n      Linux) echo linux ;;\n    esac\n'),
    });
    expect(await lintImages(dir, ['images/arch-fallback'])).toEqual([]);
  });
});

describe('install functions defined and called', () => {
  it('images/install-fn-not-called fires on a function only called from a comment, or never', async () => {
    const dir = await images({
      [MISC]: (old) => `${old}\nfunction install_pwntools() {\n    colorecho "Installing pwntools"\n}\n\nfunction install_unused() {\n    colorecho "Installing unused"\n}\n`,
    });
    expect(await lintImages(dir, ['images/install-fn-not-called'])).toEqual([
      'images/install-fn-not-called warning sources/install/package_misc.sh:68 install_pwntools is only called from a comment (sources/install/package_misc.sh:54), so its tool is not installed; restore the call in a package function, or remove install_pwntools',
      'images/install-fn-not-called warning sources/install/package_misc.sh:72 install_unused is never called, so its tool is not installed; call it from a package function, or remove it',
    ]);
  });

  it('images/install-fn-undefined fires on a call to a function nothing defines', async () => {
    const dir = await images({ [MISC]: edit('    install_trilium             # notes taking tool\n', '    install_trilium             # notes taking tool\n    install_obsidian\n') });
    expect(await lintImages(dir, ['images/install-fn-undefined'])).toEqual([
      'images/install-fn-undefined error sources/install/package_misc.sh:54 install_obsidian is called but not defined in any sources/install/*.sh; define it, or remove the call',
    ]);
  });

  it('images/install-fn-duplicate fires on the second definition', async () => {
    const dir = await images({ [AD]: (old) => `${old}\nfunction install_tldr() {\n    colorecho "Installing tldr again"\n}\n` });
    expect(await lintImages(dir, ['images/install-fn-duplicate'])).toEqual([
      'images/install-fn-duplicate error sources/install/package_misc.sh:21 install_tldr is already defined at sources/install/package_ad.sh:47; the definition sourced last wins, so keep one and remove the other',
    ]);
  });
});

describe('build wiring', () => {
  it('images/dockerfile-fn-defined fires on an unknown function and on one whose file is not sourced', async () => {
    const dir = await images({
      Dockerfile: edit('RUN ./entrypoint.sh package_ad\n', 'RUN ./entrypoint.sh package_adx\n'),
      'light.dockerfile': edit('    ./entrypoint.sh package_base\n', '    ./entrypoint.sh package_extra\n'),
      'sources/install/package_extra.sh': '#!/bin/bash\nsource common.sh\n\nfunction package_extra() {\n    colorecho "extra"\n}\n',
    });
    expect(await lintImages(dir, ['images/dockerfile-fn-defined', 'images/package-file-sourced'])).toEqual([
      'images/dockerfile-fn-defined error Dockerfile:24 package_adx is not defined in any file sources/install/entrypoint.sh sources; the build step would fail with "is not a known function name": fix the name or define the function',
      'images/dockerfile-fn-defined error light.dockerfile:10 package_extra is defined in sources/install/package_extra.sh, which sources/install/entrypoint.sh does not source; source that file from entrypoint.sh',
      'images/package-file-sourced error sources/install/package_extra.sh:1 sources/install/entrypoint.sh does not source package_extra.sh, directly or through the files it sources, so RUN ./entrypoint.sh cannot run its functions; add "source package_extra.sh" to it',
    ]);
  });

  it('images/package-file-sourced fires on a sourced file that does not exist', async () => {
    const dir = await images({ 'sources/install/entrypoint.sh': edit('source package_ad.sh\n', 'source package_ad.sh\nsource package_web.sh\n') });
    expect(await lintImages(dir, ['images/package-file-sourced'])).toEqual([
      'images/package-file-sourced error sources/install/entrypoint.sh:11 sources package_web.sh, but sources/install/package_web.sh does not exist; every build step would fail here: fix the name or remove the line',
    ]);
  });

  it('images/package-file-sourced accepts a package file sourced through another sourced file, and checks the nested source lines', async () => {
    const extra = '#!/bin/bash\nsource common.sh\n\nfunction package_extra() {\n    colorecho "extra"\n}\n';
    const dir = await images({
      'sources/install/package_extra.sh': extra,
      [BASE]: edit('source common.sh\n', 'source common.sh\n# shellcheck source=package_extra.sh\nsource package_extra.sh\n'),
    });
    expect(await lintImages(dir, ['images/package-file-sourced', 'images/dockerfile-fn-defined'])).toEqual([]);
    const broken = await images({
      'sources/install/package_extra.sh': extra,
      [BASE]: edit('source common.sh\n', 'source common.sh\nsource package_extar.sh\n'),
    });
    expect(await lintImages(broken, ['images/package-file-sourced'])).toEqual([
      'images/package-file-sourced error sources/install/package_base.sh:5 sources package_extar.sh, but sources/install/package_extar.sh does not exist; every build step would fail here: fix the name or remove the line',
      'images/package-file-sourced error sources/install/package_extra.sh:1 sources/install/entrypoint.sh does not source package_extra.sh, directly or through the files it sources, so RUN ./entrypoint.sh cannot run its functions; add "source package_extra.sh" to it',
    ]);
  });

  it('images/package-file-sourced says "cannot verify" for an unsourced package file while a script of the chain cannot be parsed', async () => {
    const dir = await images({
      'sources/install/package_extra.sh': '#!/bin/bash\nfunction package_extra() {\n    if true; then\n}\n',
      [BASE]: edit('source common.sh\n', 'source common.sh\nsource package_extra.sh\n'),
    });
    const ruleFindings = async () => (await lintImages(dir, ['images/package-file-sourced'])).filter((l) => l.startsWith('images/'));
    // The unparsable file is itself sourced, and no package file is left over: nothing to say.
    expect(await ruleFindings()).toEqual([]);
    await writeFiles(dir, { 'sources/install/package_more.sh': '#!/bin/bash\nfunction package_more() {\n    colorecho more\n}\n' });
    expect(await ruleFindings()).toEqual([
      'images/package-file-sourced note sources/install/package_extra.sh:1 cannot verify: sources/install/package_extra.sh cannot be parsed, so the files it sources are unknown; whether sources/install/package_more.sh is sourced cannot be told',
    ]);
  });

  it('say "cannot verify" when entrypoint.sh sources a computed path', async () => {
    const dir = await images({ 'sources/install/entrypoint.sh': edit('source package_ad.sh\n', 'for f in package_*.sh; do\n  source "$f"\ndone\n') });
    expect(await lintImages(dir, ['images/dockerfile-fn-defined', 'images/package-file-sourced'])).toEqual([
      'images/dockerfile-fn-defined note sources/install/entrypoint.sh:11 cannot verify: sources/install/entrypoint.sh sources "$f", a path computed at run time; the functions RUN ./entrypoint.sh can call cannot be listed without running it',
      'images/package-file-sourced note sources/install/entrypoint.sh:11 cannot verify: sources/install/entrypoint.sh sources "$f", a path computed at run time; which package files are sourced cannot be told without running it',
    ]);
  });

  it('images/shellcheck-config-consistent fires when .shellcheckrc and SHELLCHECK_OPTS differ, or .shellcheckrc is missing', async () => {
    const dir = await images({ '.shellcheckrc': edit('disable=SC1071,SC2148,SC1090,SC1091,SC2317\n', 'disable=SC1071,SC2148,SC1090,SC1091\ndisable=SC2034\n') });
    expect(await lintImages(dir, ['images/shellcheck-config-consistent'])).toEqual([
      'images/shellcheck-config-consistent error .shellcheckrc:2 only SHELLCHECK_OPTS (.github/workflows/sub_code_check.yml:18) excludes SC2317; only .shellcheckrc disables SC2034; make both list the same codes',
    ]);
    const missing = await images({ '.shellcheckrc': null });
    expect(await lintImages(missing, ['images/shellcheck-config-consistent'])).toEqual([
      'images/shellcheck-config-consistent error .github/workflows/sub_code_check.yml:18 SHELLCHECK_OPTS excludes SC1071, SC1090, SC1091, SC2148, SC2317 but there is no .shellcheckrc; create it with disable=SC1071,SC1090,SC1091,SC2148,SC2317 so local runs match',
    ]);
  });
});

describe('edge cases found in review', () => {
  it('a computed source inside an install function does not stop the build-wiring rules', async () => {
    const dir = await images({
      [BASE]: edit('    cd /tmp/ || exit\n', '    cd /tmp/ || exit\n    source "$HOME/.cargo/env"\n'),
      Dockerfile: edit('RUN ./entrypoint.sh package_ad\n', 'RUN ./entrypoint.sh package_typo\n'),
    });
    expect(await lintImages(dir, ['images/dockerfile-fn-defined', 'images/package-file-sourced'])).toEqual([
      'images/dockerfile-fn-defined error Dockerfile:24 package_typo is not defined in any file sources/install/entrypoint.sh sources; the build step would fail with "is not a known function name": fix the name or define the function',
    ]);
  });

  it('reads RUN continuations and the exec form, and ignores entrypoint.sh inside a string', async () => {
    const dir = await images({
      Dockerfile: (old) =>
        `${old}\nRUN ./entrypoint.sh \\\n    package_typo1\n\nRUN ["./entrypoint.sh", "package_typo2"]\n\nRUN echo "see ./entrypoint.sh package_typo3" && \\\n    # a comment inside the instruction\n    ./entrypoint.sh package_base && ./entrypoint.sh package_typo4\n`,
    });
    expect((await lintImages(dir, ['images/dockerfile-fn-defined'])).map((l) => l.split(' is not defined')[0])).toEqual([
      'images/dockerfile-fn-defined error Dockerfile:33 package_typo1',
      'images/dockerfile-fn-defined error Dockerfile:35 package_typo2',
      'images/dockerfile-fn-defined error Dockerfile:39 package_typo4',
    ]);
  });

  it('a call whose name is built at run time is not taken for an undefined function', async () => {
    const dir = await images({ [MISC]: edit('    set_env\n    install_searchsploit', '    set_env\n    for t in tldr; do install_"$t"; done\n    install_searchsploit') });
    expect(await lintImages(dir, ['images/install-fn-undefined'])).toEqual([]);
  });

  it('SHELLCHECK_OPTS options other than -e/--exclude are not read as codes', async () => {
    const dir = await images({ '.github/workflows/sub_code_check.yml': edit('SHELLCHECK_OPTS: -e SC1071', 'SHELLCHECK_OPTS: --external-sources --enable=all -e SC1071') });
    expect(await lintImages(dir, ['images/shellcheck-config-consistent'])).toEqual([]);
  });

  it('a path reference kept in a variable counts as installing the file', async () => {
    const dir = await images({
      'sources/assets/shells/history.d/extra': 'extra --help\n',
      [BASE]: edit('    cp -v /root/sources/assets/shells/aliases.d/_init /opt/.exegol_aliases\n', '    cp -v /root/sources/assets/shells/aliases.d/_init /opt/.exegol_aliases\n    local extra=/root/sources/assets/shells/history.d/extra\n    cat "$extra" >> /opt/.exegol_history\n'),
    });
    expect(await lintImages(dir, ['images/orphan-history-file'])).toEqual([]);
  });
});

describe('bad input', () => {
  it('an unparsable package file gives one parse error, and the rules that need every script say "cannot verify" instead of guessing', async () => {
    const dir = await images({ [AD]: edit('    fi\n    curl -sSL', '    curl -sSL') });
    const got = await findings(dir, ['meta/parse-error', ...IMAGES_RULES], { kind: 'images', mode: 'dev' });
    expect(got.filter((l) => !l.includes(' note '))).toEqual([
      'meta/parse-error error sources/install/package_ad.sh:45 sources/install/package_ad.sh could not be parsed as bash: syntax error: missing "fi"; fix the syntax so the rules can check it',
    ]);
    expect(got.filter((l) => l.includes(' note ')).map((l) => l.split(' ')[0])).toEqual([
      'images/dockerfile-fn-defined',
      'images/install-fn-not-called',
      'images/install-fn-undefined',
      'images/orphan-aliases-file',
      'images/orphan-history-file',
    ]);
  });

  it('a repo without sources/install gives no finding and no crash', async () => {
    const dir = await makeFolder({ files: { 'README.md': '# images\n' } });
    expect(await findings(dir, IMAGES_RULES, { kind: 'images', mode: 'dev' })).toEqual([]);
  });

  it('a binary script is reported as unreadable, not parsed, and still counts as a package file', async () => {
    const dir = await images({ 'sources/install/package_blob.sh': '\u0000\u0001ELF' });
    const got = await findings(dir, IMAGES_RULES, { kind: 'images', mode: 'dev' });
    expect(got).toEqual([
      'images/package-file-sourced error sources/install/package_blob.sh:1 sources/install/entrypoint.sh does not source package_blob.sh, directly or through the files it sources, so RUN ./entrypoint.sh cannot run its functions; add "source package_blob.sh" to it',
      'meta/parse-error error sources/install/package_blob.sh:1 cannot read sources/install/package_blob.sh: binary file (contains NUL bytes)',
      'images/install-fn-not-called note sources/install/package_blob.sh:1 cannot verify: whether each install function is called cannot be checked while sources/install/package_blob.sh cannot be parsed',
      'images/install-fn-undefined note sources/install/package_blob.sh:1 cannot verify: whether each called install function is defined cannot be checked while sources/install/package_blob.sh cannot be parsed',
      'images/orphan-aliases-file note sources/install/package_blob.sh:1 cannot verify: which aliases files are installed cannot be checked while sources/install/package_blob.sh cannot be parsed',
      'images/orphan-history-file note sources/install/package_blob.sh:1 cannot verify: which history files are installed cannot be checked while sources/install/package_blob.sh cannot be parsed',
    ]);
  });
});
