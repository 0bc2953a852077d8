#!/usr/bin/env bash
# CI check: regenerates profiles/fsh-generated/ from the FSH (scripts/regen.sh) and fails if the
# result differs from what is committed - a changed or deleted file (git diff) or a new, untracked
# file (git status). Run after changing FSH: scripts/regen.sh, then commit fsh-generated/ with it.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROFILES_DIR="$(cd "$SCRIPT_DIR/.." && pwd)"
cd "$PROFILES_DIR"

timeout 2400 bash "$SCRIPT_DIR/regen.sh"

REPO_ROOT="$(git -C "$PROFILES_DIR" rev-parse --show-toplevel)"
GENERATED="$(realpath --relative-to="$REPO_ROOT" "$PROFILES_DIR/fsh-generated")"

if ! git -C "$REPO_ROOT" diff --exit-code --stat -- "$GENERATED"; then
  echo "[check-generated] ERROR: $GENERATED differs from the FSH; run profiles/scripts/regen.sh and commit the result" >&2
  git -C "$REPO_ROOT" --no-pager diff -- "$GENERATED" | head -200 >&2
  exit 1
fi
status="$(git -C "$REPO_ROOT" status --porcelain --untracked-files=all -- "$GENERATED")"
if [[ -n "$status" ]]; then
  echo "[check-generated] ERROR: uncommitted files under $GENERATED (new output of the FSH?):" >&2
  echo "$status" >&2
  exit 1
fi
echo "[check-generated] OK: $GENERATED matches the FSH"
