#!/usr/bin/env bash
# The JMH suite end to end with a short configuration (about 14 minutes on 2 cores):
# masking on and off, logging throughput against the alternatives, caller cost and the
# log API at full capacity. Three forks of each benchmark, so that the summary at the end
# gives min, median and max over repeated runs.
# Results: benchmarks/results/*.txt and *.json, and benchmarks/results/summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B install -DskipTests
./mvnw -q -B -Pbenchmarks -pl benchmarks/jmh package -DskipTests

out=benchmarks/results
mkdir -p "$out"
jar=benchmarks/jmh/target/benchmarks.jar
jmh() { java -jar "$jar" "$@"; }

jmh MaskingBenchmark -t 1 -f 3 -wi 2 -w 2 -i 3 -r 2 -prof gc -rf json -rff "$out/masking-t1.json" | tee "$out/masking-t1.txt"
jmh MaskingBenchmark -t 2 -f 3 -wi 2 -w 2 -i 2 -r 2 -rf json -rff "$out/masking-t2.json" | tee "$out/masking-t2.txt"
jmh LoggingThroughputBenchmark -t 1 -f 3 -wi 2 -w 2 -i 3 -r 2 -prof gc -rf json -rff "$out/throughput-t1.json" | tee "$out/throughput-t1.txt"
jmh LoggingThroughputBenchmark -t 2 -f 3 -wi 2 -w 2 -i 2 -r 2 -rf json -rff "$out/throughput-t2.json" | tee "$out/throughput-t2.txt"
jmh 'CallerCostBenchmark.paced' -t 1 -f 3 -wi 2 -w 3 -i 3 -r 3 -rf json -rff "$out/caller-t1.json" | tee "$out/caller-t1.txt"
jmh LogApiBenchmark -f 3 -wi 2 -w 2 -i 3 -r 2 -prof gc -rf json -rff "$out/log-api.json" | tee "$out/log-api.txt"

java -cp "$jar" io.github.structuredlogging.benchmarks.jmh.ResultSummary "$out"/masking-t1.json "$out"/masking-t2.json \
	"$out"/throughput-t1.json "$out"/throughput-t2.json "$out"/caller-t1.json "$out"/log-api.json | tee "$out/summary.txt"
