#!/usr/bin/env bash
# Starts the whole platform on this machine: builds what it needs (tests skipped), then runs the local system:
# dynoxide (DynamoDB-compatible, child process) + ElasticMQ (in-process), the packaged functions on a local Lambda runtime, demo data, API on :8080.
# Options: --port N, --data-dir DIR (keep data across restarts), --clock-start ISO-INSTANT, --web-dir DIR, --help
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q install -DskipTests
exec java -Donewindow.root="$PWD" \
  -cp "functions/local/target/classes:$(cat functions/local/target/classpath.txt)" \
  cn.onewindow.local.LocalSystem "$@"
