#!/bin/bash

set -e

# shellcheck source=package_base.sh
source package_base.sh
# shellcheck source=package_misc.sh
source package_misc.sh

if declare -f "$1" > /dev/null; then
  "$@"
else
  echo "'$1' is not a known function name" >&2
  exit 1
fi
