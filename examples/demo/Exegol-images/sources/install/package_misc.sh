#!/bin/bash
# Author: The Exegol Project

source common.sh

function install_searchsploit() {
    colorecho "Installing searchsploit"
    local temp_fix_limit="2026-05-15"
    if check_temp_fix_expiry "$temp_fix_limit"; then
      # the gitlab mirror is broken, using github until it is fixed
      git -C /opt/tools/ clone --depth 1 https://github.com/offensive-security/exploitdb
    fi
    add-aliases searchsploit
    add-history searchsploit
    add-test-command "searchsploit --help"
    add-to-list "searchsploit,https://gitlab.com/exploit-database/exploitdb,A command line search tool for Exploit-DB"
}

function install_trilium() {
    # CODE-CHECK-WHITELIST=add-alias,add-history
    colorecho "Installing Trilium"
    git -C /opt/tools/ clone -b stable --depth 1 https://github.com/zadam/trilium.git
    add-test-command "trilium-start;sleep 20;trilium-stop"
    add-to-list "trilium,https://github.com/zadam/trilium,Personal knowledge management system"
}

function install_tldr() {
    colorecho "Installing tldr"
    fapt tldr
    add-aliases tldr
    add-history tldr
    add-test-command "tldr --version"
    add-to-list "tldr,https://github.com/tldr-pages/tldr,Collaborative cheatsheets for console commands"
}

# Package dedicated to offensive miscellaneous tools
function package_misc() {
    install_searchsploit        # Exploitdb local search engine
    install_trilium             # notes taking tool
    # install_tldr              # FIXME: tldr client broken upstream
}
