#!/usr/bin/env bash
# Regenerates profiles/fsh-generated/ from the FSH in profiles/input/fsh/ with the pinned SUSHI,
# without the network for FHIR packages:
#
#   1. the FHIR core package hl7.fhir.r4.core#4.0.1 is built from Maven Central's HAPI artifacts by
#      scripts/ExportCorePackage.java into a project-local FHIR package cache
#      (profiles/target/fhir-home/.fhir/packages; git-ignored via target/) - once, then reused;
#   2. SUSHI is installed from package-lock.json (npm ci) if node_modules is missing or stale;
#   3. SUSHI runs with HOME=profiles/target/fhir-home (SUSHI's package cache is always
#      $HOME/.fhir/packages) and HTTPS_PROXY pointing at a closed local port, so every HTTP request
#      it would make (packages.fhir.org, build.fhir.org, its own version check) fails at once
#      instead of hanging; the expected warnings this causes are listed and explained in
#      input/sushi-ignoreWarnings.txt;
#   4. the script fails if SUSHI reports an error or a warning that is not in that file;
#   5. scripts/check-conventions.js checks the ids, example names and invalid-<invariant> examples.
#
# Needs: JDK 17, Maven (Maven Central reachable the first time), Node.js >= 18 with npm
# (the npm registry reachable the first time). Works from any directory.
#
# Options (environment):
#   VB_REBUILD_CORE=1   rebuild the core package even if it is in the cache
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROFILES_DIR="$(cd "$SCRIPT_DIR/.." && pwd)"
cd "$PROFILES_DIR"

SUSHI_VERSION="3.21.0"
FHIR_HOME="$PROFILES_DIR/target/fhir-home"
FHIR_CACHE="$FHIR_HOME/.fhir/packages"
CORE_PACKAGE_JSON="$FHIR_CACHE/hl7.fhir.r4.core#4.0.1/package/package.json"
SUSHI_LOG="$PROFILES_DIR/target/sushi.log"

log() { printf '[regen] %s\n' "$*" >&2; }
die() { printf '[regen] ERROR: %s\n' "$*" >&2; exit 1; }

mkdir -p "$PROFILES_DIR/target"

# --- 1. FHIR core package --------------------------------------------------------------------
if [[ ! -f "$CORE_PACKAGE_JSON" || "${VB_REBUILD_CORE:-0}" == "1" ]]; then
  log "building hl7.fhir.r4.core#4.0.1 into $FHIR_CACHE"
  classpath_file="$PROFILES_DIR/target/core-export.classpath"
  timeout 900 mvn -q -B dependency:build-classpath \
    -f "$SCRIPT_DIR/core-export-pom.xml" \
    -Dmdep.outputFile="$classpath_file" \
    || die "could not resolve the classpath of ExportCorePackage (scripts/core-export-pom.xml)"
  force=()
  [[ "${VB_REBUILD_CORE:-0}" == "1" ]] && force=(--force)
  timeout 900 java -Xmx2g -cp "$(cat "$classpath_file")" \
    "$SCRIPT_DIR/ExportCorePackage.java" "${force[@]}" "$FHIR_CACHE" \
    || die "ExportCorePackage failed"
  [[ -f "$CORE_PACKAGE_JSON" ]] || die "core package missing after export: $CORE_PACKAGE_JSON"
else
  log "core package present: $FHIR_CACHE/hl7.fhir.r4.core#4.0.1"
fi

# --- 2. SUSHI ----------------------------------------------------------------------------------
installed_version="$(node -p "require('./node_modules/fsh-sushi/package.json').version" 2>/dev/null || true)"
if [[ "$installed_version" != "$SUSHI_VERSION" ]]; then
  log "installing fsh-sushi $SUSHI_VERSION from package-lock.json (npm ci)"
  timeout 900 npm ci --no-audit --no-fund --loglevel=error \
    || die "npm ci failed"
  installed_version="$(node -p "require('./node_modules/fsh-sushi/package.json').version")"
  [[ "$installed_version" == "$SUSHI_VERSION" ]] \
    || die "package-lock.json installs fsh-sushi $installed_version, expected $SUSHI_VERSION"
fi

# --- 3. run SUSHI offline ------------------------------------------------------------------------
log "running SUSHI $SUSHI_VERSION (log: $SUSHI_LOG)"
set +e
env HOME="$FHIR_HOME" \
    HTTPS_PROXY="http://127.0.0.1:9" https_proxy="http://127.0.0.1:9" \
    npm_config_offline=true npm_config_loglevel=silent npm_config_logs_max=0 \
    npm_config_update_notifier=false \
    FORCE_COLOR=0 NO_COLOR=1 \
  timeout 600 "$PROFILES_DIR/node_modules/.bin/sushi" build "$PROFILES_DIR" >"$SUSHI_LOG" 2>&1
sushi_rc=$?
set -e
cat "$SUSHI_LOG"

# --- 4. judge the result -------------------------------------------------------------------------
# SUSHI's exit code is its error count; 124 means the timeout hit.
[[ $sushi_rc -ne 124 ]] || die "SUSHI timed out"
summary="$(grep -E '[0-9]+ Errors? +[0-9]+ Warnings?' "$SUSHI_LOG" | tail -1 || true)"
[[ -n "$summary" ]] || die "SUSHI did not print its results (exit code $sushi_rc)"
errors="$(sed -E 's/.* ([0-9]+) Errors?.*/\1/' <<<"$summary")"
warnings="$(sed -E 's/.* ([0-9]+) Warnings?.*/\1/' <<<"$summary")"
[[ $sushi_rc -eq 0 && "$errors" == "0" ]] \
  || die "SUSHI reported $errors error(s) (exit code $sushi_rc)"
[[ "$warnings" == "0" ]] \
  || die "SUSHI reported $warnings warning(s) not listed in input/sushi-ignoreWarnings.txt; fix them or list and explain them there"

# --- 5. conventions the Java side relies on (ids, example names, invariant examples) -------------
node "$SCRIPT_DIR/check-conventions.js" || die "fsh-generated breaks the project's conventions (see above)"

count="$(find "$PROFILES_DIR/fsh-generated/resources" -name '*.json' | wc -l)"
log "OK: $count resources in fsh-generated/resources, 0 errors, 0 unexpected warnings"
