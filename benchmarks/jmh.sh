#!/usr/bin/env bash
# The JMH suite end to end with a short configuration (about 15 minutes on 2 cores):
# masking on and off, logging throughput against the alternatives, caller cost and the
# log API at full capacity.
# Results: benchmarks/results/*.txt and *.json.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B install -DskipTests
./mvnw -q -B -Pbenchmarks -pl benchmarks/jmh package -DskipTests

out=benchmarks/results
mkdir -p "$out"
jmh() { java -jar benchmarks/jmh/target/benchmarks.jar "$@"; }

jmh MaskingBenchmark -t 1 -f 2 -wi 4 -w 2 -i 5 -r 2 -prof gc -rf json -rff "$out/masking-t1.json" | tee "$out/masking-t1.txt"
jmh MaskingBenchmark -t 2 -f 2 -wi 4 -w 2 -i 5 -r 2 -rf json -rff "$out/masking-t2.json" | tee "$out/masking-t2.txt"
jmh LoggingThroughputBenchmark -t 1 -prof gc -rf json -rff "$out/throughput-t1.json" | tee "$out/throughput-t1.txt"
jmh LoggingThroughputBenchmark -t 2 -rf json -rff "$out/throughput-t2.json" | tee "$out/throughput-t2.txt"
jmh 'CallerCostBenchmark.paced' -t 1 -rf json -rff "$out/caller-t1.json" | tee "$out/caller-t1.txt"
jmh LogApiBenchmark -f 2 -wi 2 -w 2 -i 4 -r 2 -prof gc -rf json -rff "$out/log-api.json" | tee "$out/log-api.txt"
