#!/usr/bin/env bash
# Start-up time of the sample app: starts each given jar ROUNDS times, alternating, and
# prints the median, min and max of the time Spring Boot reports in its "Started ..."
# line (and the process's own). Pinned to one core, as the HTTP benchmark's server is.
#   bash benchmarks/startup.sh                       # the sample app as built now
#   ROUNDS=10 bash benchmarks/startup.sh a.jar b.jar # compare builds (executable jars of the
#                                                    # sample app: spring-boot:repackage)
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${ROUNDS:-10}
jars=("$@")
if [ ${#jars[@]} -eq 0 ]; then
	./mvnw -q -B install -DskipTests
	./mvnw -q -B -pl sample-app package spring-boot:repackage -DskipTests
	jars=(sample-app/target/sample-app-*-SNAPSHOT.jar)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for ((round = 1; round <= rounds; round++)); do
	for jar in "${jars[@]}"; do
		log="$work/run.log"
		LOG_DIR="$work/logs" taskset -c 0 java -Xmx512m -jar "$jar" --server.port=0 --server.address=127.0.0.1 >"$log" 2>&1 &
		pid=$!
		for _ in $(seq 1 600); do
			grep -q '"message":"Started ' "$log" && break
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
		seconds=$(grep -o '"message":"Started [^"]* in [0-9.]* seconds (process running for [0-9.]*)' "$log" \
			| sed -E 's/.* in ([0-9.]+) seconds \(process running for ([0-9.]+)\)/\1 \2/')
		if [ -z "$seconds" ]; then
			echo "no 'Started' line from $jar:" >&2
			tail -5 "$log" >&2
			exit 1
		fi
		echo "$jar $seconds" | tee -a "$work/results"
	done
done

echo
echo "jar | started in (s): min / median / max | process running for (s): min / median / max"
# min, median and max of one column of the results of one jar
stats() {
	grep -F "$1 " "$work/results" | awk -v c="$2" '{print $c}' | sort -n | awk '
		{ v[NR] = $1 }
		END { printf "%.3f / %.3f / %.3f", v[1], (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[NR] }'
}
for jar in "${jars[@]}"; do
	echo "$jar | $(stats "$jar" 2) | $(stats "$jar" 3)"
done
