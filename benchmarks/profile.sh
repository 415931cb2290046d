#!/usr/bin/env bash
# CPU profile of a benchmark service under the load of http-load.sh: the jar is pinned to
# core 0 and loaded by wrk on core 1 for WARM seconds, then async-profiler (from Maven
# Central) samples it for PROFILE seconds. Writes collapsed stacks and prints where the
# samples fall.
#
#   bash benchmarks/profile.sh benchmarks/http-app/target/http-app-starter.jar starter
#   bash benchmarks/profile.sh <jar> <name> [application arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."

jar=$1 name=$2
shift 2
WARM=${WARM:-120}
PROFILE=${PROFILE:-30}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-18080}
URL="http://127.0.0.1:${PORT}/api/orders/42"
out=benchmarks/results/profiles
mkdir -p "$out"

profiler=benchmarks/target/async-profiler
if [ ! -f "$profiler/linux-x64/libasyncProfiler.so" ]; then
	./mvnw -q -B dependency:copy -Dartifact=tools.profiler:async-profiler:4.2:jar:linux-x64 \
		-DoutputDirectory="$profiler"
	(cd "$profiler" && unzip -oq async-profiler-4.2-linux-x64.jar 'linux-x64/*')
fi
library=$(pwd)/$profiler/linux-x64/libasyncProfiler.so
stacks=$(pwd)/$out/$name.collapsed

taskset -c 0 java -Xms512m -Xmx512m -jar "$jar" --server.port="$PORT" "$@" > "$out/$name.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
	curl -fs "$URL" >/dev/null 2>&1 && break
	sleep 0.5
done
taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"${WARM}s" "$URL" >/dev/null
java benchmarks/profiler/Attach.java "$pid" "$library" "start,event=itimer,interval=1ms,file=$stacks,collapsed"
before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
requests=$(taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"${PROFILE}s" "$URL" | awk '/requests in/ {print $1}')
after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
java benchmarks/profiler/Attach.java "$pid" "$library" "stop,file=$stacks,collapsed"
echo "$name: $requests requests, $(awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}') µs CPU per request while profiled"

# Share of the samples whose stack holds each frame (a sample can count in several rows),
# in all threads and outside the writer thread.
awk '
	BEGIN {
		n = split("AsyncAppenderBase$Worker.run|CompositeJsonFormatter|MaskingEngine|FileOutputStream.write|ch/qos/logback/core/OutputStreamAppender|DefaultLoggingEventBuilder.log|io/micrometer/tracing|CorrelationIdFilter.doFilterInternal|RequestPerformanceFilter.doFilterInternal|PerformanceLineWriter.write|SocketChannelImpl.write", frames, "|")
		print "  all  outside the writer  frame"
	}
	{
		count = $NF; total += count
		writer = index($0, "AsyncAppenderBase$Worker.run") > 0
		for (i = 1; i <= n; i++) {
			if (index($0, frames[i]) > 0) {
				hits[i] += count
				if (!writer) outside[i] += count
			}
		}
	}
	END { for (i = 1; i <= n; i++) printf "%5.1f%%  %5.1f%%  %s\n", 100 * hits[i] / total, 100 * outside[i] / total, frames[i] }
' "$stacks"
