#!/bin/bash

# DO NOT CHANGE the syntax or text of the following line, only increment the version number
# Spawn Version:3b
# The spawn version allow the wrapper to compare the current version of the spawn.sh inside the container compare to the one on the current wrapper version.

function shell_logging() {
    # First parameter is the method to use for shell logging (default to script)
    local method=$1
    echo "[*] Logging with $method"
}

shell_logging "$@"
