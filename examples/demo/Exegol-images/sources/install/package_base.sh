#!/bin/bash
# Author: The Exegol Project

source common.sh

function deploy_exegol() {
    colorecho "Installing Exegol things"
    cp -v /root/sources/assets/shells/aliases.d/_init /opt/.exegol_aliases
    cp -v /root/sources/assets/shells/history.d/_init /opt/.exegol_history
}

function install_go() {
    # CODE-CHECK-WHITELIST=add-aliases,add-history
    colorecho "Installing go (Golang)"
    if [[ $(uname -m) = 'x86_64' ]]; then
        wget -O /tmp/go.tar.gz https://go.dev/dl/go1.22.2.linux-amd64.tar.gz
    elif [[ $(uname -m) = 'aarch64' ]]; then
        wget -O /tmp/go.tar.gz https://go.dev/dl/go1.22.2.linux-arm64.tar.gz
    fi
    tar -C /usr/local -xzf /tmp/go.tar.gz
    add-test-command "go version"
    add-to-list "go,https://go.dev,A programming language often used to create command line tools"
}

function package_base() {
    deploy_exegol
    install_go                  # Golang language
}
