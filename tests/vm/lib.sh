# shellcheck shell=bash
# Shared helpers of the VM tests (sourced).

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

skip() {
    echo "SKIP: $*"
    exit 77
}

step() { echo "== $*"; }
