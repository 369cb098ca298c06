#!/bin/bash
# Author: The Exegol Project

RED='\033[1;31m'
BLUE='\033[1;34m'
GREEN='\033[1;32m'
YELLOW='\033[1;33m'
NOCOLOR='\033[0m'

function info () {
  echo -e "${BLUE}[*] $@${NOCOLOR}"
}

function debug() {
  echo -e "${YELLOW}[D] $@${NOCOLOR}"
}

function success() {
  echo -e "${GREEN}[+] $@${NOCOLOR}"
}

function add-to-list() {
  echo "$1" >> "resources_list.csv"
}

function chkfs() {
  debug "mkdir $@ if not exist"
  mkdir -p $@
}

function init_list() {
  rm -f resources_list.csv
  add-to-list "Resource,Link,Description"
}

function add_sysinternals() {
  info "Downloading SysinternalsSuite"
  chkfs "./windows/"
  wget -O ./windows/SysinternalsSuite.zip "https://download.sysinternals.com/files/SysinternalsSuite.zip"
  unzip -o -d ./windows/SysinternalsSuite ./windows/SysinternalsSuite.zip
  rm -v ./windows/SysinternalsSuite.zip
  add-to-list "SysInternals,https://learn.microsoft.com/en-us/sysinternals,Windows utilities signed by Microsoft"
}

function add_pspy() {
  info "Downloading pspy"
  chkfs "./linux/pspy/"
  wget -O ./linux/pspy/pspy32 "https://github.com/DominicBreuker/pspy/releases/latest/download/pspy32"
  wget -O ./linux/pspy/pspy64 "https://github.com/DominicBreuker/pspy/releases/latest/download/pspy64"
  add-to-list "pspy,https://github.com/DominicBreuker/pspy,Monitor linux processes without root permissions"
}

function add_chisel() {
  info "Downloading Chisel"
  chkfs "./windows/chisel/"
  chkfs "./linux/chisel/"
  URL=$(curl --location --silent --output /dev/null --write-out %{url_effective} https://github.com/jpillora/chisel/releases/latest)
  VERSION=${URL##*v}
  wget -O - "https://github.com/jpillora/chisel/releases/latest/download/chisel_${VERSION}_linux_amd64.gz" | gzip -d > ./linux/chisel/chisel64
  add-to-list "Chisel,https://github.com/jpillora/chisel,A fast TCP/UDP tunnel over HTTP"
}

function add_webshells() {
  info "Downloading webshells"
  chkfs "./webshells/PHP/wso-webshell/"
  wget -O ./webshells/PHP/wso-webshell/wso.php "https://raw.githubusercontent.com/mIcHyAmRaNe/wso-webshell/master/wso.php"
  add-to-list "Some webshells,,PHP and ASPX webshells"
}

function update_submodules() {
  info "Updating git submodules"
  git submodule update --init --recursive --remote --merge
  add-to-list "mimipenguin,https://github.com/huntergregal/mimipenguin,A tool to dump the login password from the current linux user"
  add-to-list "PowerSploit,https://github.com/PowerShellMafia/PowerSploit,A PowerShell Post-Exploitation Framework"
}

# Package dedicated to the download of resources
function add_resources() {
  init_list
  add_sysinternals
  add_pspy
  add_chisel
  add_webshells
  update_submodules
}

add_resources
success "Done updating Exegol-resources"
