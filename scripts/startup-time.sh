#!/usr/bin/env bash
# Measures the time from `java -jar vardbrygga.jar serve` to the first answered /fhir/metadata,
# on a fresh embedded H2 database. Usage: scripts/startup-time.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=adapter/target/vardbrygga.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
runs=${1:-5}
port=18089
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  start=$(date +%s%N)
  VARDBRYGGA_DATABASE_URL="jdbc:h2:file:$dir/db" java -XX:+UseParallelGC -jar "$jar" serve --port $port >"$dir/serve.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$port/fhir/metadata"; do
    kill -0 $pid 2>/dev/null || { echo "server exited:"; cat "$dir/serve.log"; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  echo "run $i: $(( (end - start) / 1000000 )) ms to first /fhir/metadata"
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$dir"
done
