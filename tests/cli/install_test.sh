#!/usr/bin/env bash
# `cmake --install` into a temporary prefix; the installed binary must find its bundled pack and
# rule docs there (not in the source tree) and lint a draft from any working directory.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT

cmake --install "$build" --prefix "$prefix" >/dev/null
test -x "$prefix/bin/factlint"
test -f "$prefix/share/factlint/rules/default/pack.yaml"

# Run from an unrelated directory on a copy of the example, so nothing can come from the tree.
work=$(mktemp -d)
trap 'rm -rf "$prefix" "$work"' EXIT
cp "$source/examples/draft-may-2025.md" "$work/draft.md"
cd "$work"
status=0
output=$("$prefix/bin/factlint" --quiet draft.md) || status=$?
if [[ $status -ne 1 ]]; then
    echo "installed factlint exited $status, expected 1 (findings):"
    echo "$output"
    exit 1
fi
grep -q "^draft.md:9:9: warning: stale figure: .*\[stale-figure\]$" <<<"$output" || {
    echo "expected the stale figure at 9:9, got:"
    echo "$output"
    exit 1
}
"$prefix/bin/factlint" explain stale-figure | grep -q "stale-figure" || {
    echo "installed factlint explain cannot find the rule docs"
    exit 1
}
echo "install_test: installed binary finds its pack and docs"
