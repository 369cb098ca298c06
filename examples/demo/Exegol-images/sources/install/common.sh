#!/bin/bash
# Author: The Exegol Project

function colorecho () {
    echo -e "${BLUE}[EXEGOL] $*${NOCOLOR}"
}

function criticalecho-noexit () {
    echo -e "${RED}[EXEGOL ERROR] $*${NOCOLOR}" 2>&1
}

function add-to-list() {
  echo "$1" >> "/.exegol/installed_tools.csv"
}

function add-aliases() {
    grep -vE "^\s*$" "/root/sources/assets/shells/aliases.d/$*" | tee -a /opt/.exegol_aliases
}

function add-history() {
    grep -vE "^\s*$" "/root/sources/assets/shells/history.d/$*" | tee -a /opt/.exegol_history
}

function add-test-command() {
    echo "$*" >> "/.exegol/build_pipeline_tests/all_commands.txt"
}

function check_temp_fix_expiry() {
    [[ "$PIPELINE_TESTS" == "local" ]] || [[ "$(date +%Y%m%d)" -le "$(date -d "$1" +%Y%m%d)" ]] || criticalecho "Temp fix expired. Exiting."
}

function post_install() {
    colorecho "Cleaning..."
    rm -rfv /tmp/*
}
