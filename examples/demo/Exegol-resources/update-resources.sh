#!/bin/bash
# Downloads the offline resources and writes resources_list.csv.

function info () {
  echo -e "\033[1;34m[*] $*\033[0m"
}

function add-to-list() {
  echo "$1" >> "resources_list.csv"
}

function add_ligolo-ng() {
  info "Downloading ligolo-ng agents"
  mkdir -p ./linux/ligolo-ng/
  URL=$(curl --location --silent --output /dev/null --write-out %{url_effective} https://github.com/nicocha30/ligolo-ng/releases/latest)
  VERSION=${URL##*v}
  wget -O- "https://github.com/nicocha30/ligolo-ng/releases/latest/download/ligolo-ng_agent_${VERSION}_linux_amd64.tar.gz" | tar -xzvf - -C ./linux/ligolo-ng
  add-to-list "ligolo-ng,https://github.com/nicocha30/ligolo-ng,Tunneling tool that uses a TUN interface"
}

function add_webshells() {
  info "Downloading webshells"
  mkdir -p ./webshells/PHP/wso-webshell/
  wget -O ./webshells/PHP/wso-webshell/wso.php "https://raw.githubusercontent.com/mIcHyAmRaNe/wso-webshell/master/wso.php"
  add-to-list "Some webshells,,PHP and ASPX webshells"
}

function add_winpwn() {
  info "Downloading WinPwn"
  mkdir -p ./windows/WinPwn/
  wget -O ./windows/WinPwn/WinPwn.ps1 "https://raw.githubusercontent.com/S3cur3Th1sSh1t/WinPwn/master/WinPwn.ps1"
  add-to-list "WinPwn,https://github.com/S3cur3Th1sSh1t/WinPwn,Automation for AD pentesting"
}

# Package dedicated to the download of resources
function add_resources() {
  rm -f resources_list.csv
  add-to-list "Resource,Link,Description"
  add_ligolo-ng
  add_webshells
  add_winpwn
}

add_resources
