#!/usr/bin/env bash
# Regenerates emulator-core's contract resource from the published SageMaker service model, and the typed
# request records (emulator-core/src/main/java/io/github/capacityemulator/core/requests) from that contract.
# Usage: tools/regenerate-contract.sh [path/to/service-2.json]
set -euo pipefail
cd "$(dirname "$0")/.."
model="${1:-${SAGEMAKER_MODEL:-../shared/reference/sagemaker-2017-07-24/service-2.json}}"
mvn -B -q -pl tools -am -DskipTests install
mvn -B -q -pl tools exec:java -Dsagemaker.model="$(realpath "$model")"
