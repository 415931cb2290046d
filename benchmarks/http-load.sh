#!/usr/bin/env bash
# HTTP load benchmark on loopback: the same small service with no request logging, with a
# hand-written logging filter, with this starter, with this starter's dependencies but
# its features switched off (what Actuator and tracing cost alone), and with Zalando
# Logbook (JSON), in one run. The service is pinned to core 0 and wrk to core 1; variants
# alternate every round.
#
#   bash benchmarks/http-load.sh            # defaults below
#   ROUNDS=3 WARMUP=60s DURATION=30s bash benchmarks/http-load.sh
#   VARIANTS="starter-off starter-correlation starter-perfline starter-store starter starter-body" \
#     bash benchmarks/http-load.sh     # what each feature adds
#   VARIANTS="starter starter-off" SIMULTANEOUS=1 ROUNDS=12 bash benchmarks/http-load.sh
#     # the starter's own CPU per request, both servers loaded at the same time
#   VARIANTS="starter-files starter-shipped starter-outage" bash benchmarks/http-load.sh
#     # stream files on, without and with shipping (JSON lines over TCP to a sink on core 1),
#     # and shipping to a backend that is down
#   VARIANTS="starter starter-off" RATE=2000 ROUNDS=8 bash benchmarks/http-load.sh
#     # latency added by the starter below saturation
#   VARIANTS="starter starter-unstored starter-off" RATE=2000 bash benchmarks/http-load.sh
#     # the same, with the event store off: what keeping the last events costs the tail
#
# WARMUP=until-flat (the default) loads each server in steps of WARMUP_STEP (15s) until
# two steps in a row no longer beat the best step by more than FLAT_PERCENT (3), for at
# least WARMUP_MIN (150) and at most WARMUP_MAX seconds (300): in a slow minute of the
# machine a server still compiling can look flat. A duration such as 60s warms up for
# exactly that long.
#
# TOGETHER=1 (the default) starts every variant's server at once, each on its own port,
# warms each up, and then measures them in turn, round after round: neighbouring
# measurements of two warm servers see the same state of the machine, so the difference
# between variants within a round is steady even when the machine's speed drifts from
# minute to minute. TOGETHER=0 starts each variant's server afresh for each round and
# stops it after its measurement, as earlier versions of this script did.
#
# SIMULTANEOUS=1 (with TOGETHER=1) loads every server at the same time in each round, each
# by its own wrk on core 1, so that they share core 0 and every moment of the machine's
# drift: the steadiest comparison of CPU per request between a few variants (each figure
# is higher than a server alone gets, as they evict each other's caches).
#
# RATE=2000 paces the measured load at about 2000 requests per second (each connection
# waits a random time between requests): latency below saturation, where p99 is the
# service's own and not its queue's. The summary's req/s is then the paced rate.
#
# Each server writes the JVM's gc log to benchmarks/results/gc-<variant>.log; the summary
# gives its young-collection pauses, which stall every request in flight.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-2}
WARMUP=${WARMUP:-until-flat}
WARMUP_STEP=${WARMUP_STEP:-15s}
WARMUP_MIN=${WARMUP_MIN:-150}
WARMUP_MAX=${WARMUP_MAX:-300}
FLAT_PERCENT=${FLAT_PERCENT:-3}
DURATION=${DURATION:-15s}
TOGETHER=${TOGETHER:-1}
SIMULTANEOUS=${SIMULTANEOUS:-0}
CONNECTIONS=${CONNECTIONS:-16}
# Requests per second over all connections in the measured windows; 0 sends as fast as the
# service answers (saturation). Warm-up is never paced.
RATE=${RATE:-0}
VARIANTS=${VARIANTS:-"plain filter starter starter-off logbook"}
# The variant the others are compared with round by round: starter-off when it runs, else plain.
BASELINE=${BASELINE:-$(for v in starter-off plain; do echo " $VARIANTS " | grep -q " $v " && echo "$v" && break; done; true)}
# Jars built elsewhere, as name=path pairs, run as variants of those names (to compare
# builds): JARS="before=/tmp/before.jar after=/tmp/after.jar" VARIANTS="before after"
JARS=${JARS:-}
PORT=${PORT:-18080}
url_of() { echo "http://127.0.0.1:$1/api/orders/42"; }
probe_of() { echo "http://127.0.0.1:$1/bench/allocated-bytes"; }

if ! command -v wrk >/dev/null; then
	apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

echo "Building the variants"
./mvnw -q -B install -DskipTests
given_jar() { for pair in $JARS; do [ "${pair%%=*}" = "$1" ] && echo "${pair#*=}"; done; return 0; }
for build in $(echo $VARIANTS | tr ' ' '\n' | sed 's/-.*$//' | sort -u); do
	[ -n "$(given_jar "$build")" ] && continue
	# Removed first: with unchanged sources Maven would keep a jar holding an older starter.
	rm -f "benchmarks/http-app/target/http-app-$build.jar"
	./mvnw -q -B -Pbenchmarks,"variant-$build" -pl benchmarks/http-app package -DskipTests
done

# A variant is a jar, plus switches: "-off" turns the starter's features off, and the
# starter-<feature> variants add its features one at a time, for the cost of each.
jar_of() {
	local given
	given=$(given_jar "${1%%-*}")
	echo "${given:-benchmarks/http-app/target/http-app-${1%%-*}.jar}"
}
switches_of() {
	local off="--structured-logging.enabled=false --structured-logging.correlation.enabled=false --structured-logging.http.enabled=false"
	case "$1" in
		*-off) echo "-Dstructured-logging.enabled=false -jar $(jar_of "$1") $off" ;;
		# Correlation IDs and JSON lines only.
		starter-correlation) echo "-jar $(jar_of "$1") --structured-logging.http.enabled=false --structured-logging.store.enabled=false --structured-logging.masking.enabled=false" ;;
		# + the performance line.
		starter-perfline) echo "-jar $(jar_of "$1") --structured-logging.store.enabled=false --structured-logging.masking.enabled=false" ;;
		# + the event store and the request aggregates (one switch).
		starter-store) echo "-jar $(jar_of "$1") --structured-logging.masking.enabled=false" ;;
		# + masking: that is the starter's defaults, the variant "starter".
		# The defaults without the event store (and the request aggregates).
		starter-unstored) echo "-jar $(jar_of "$1") --structured-logging.store.enabled=false" ;;
		# The defaults + the start of request and response bodies.
		starter-body) echo "-jar $(jar_of "$1") --structured-logging.http.body.enabled=true" ;;
		# The defaults without Spring Boot's tracing, or without its HTTP server observation.
		starter-untraced) echo "-jar $(jar_of "$1") --management.tracing.enabled=false" ;;
		starter-unobserved) echo "-jar $(jar_of "$1") --management.observations.enable.http.server.requests=false" ;;
		# Neither tracing nor the HTTP server observation.
		starter-lean) echo "-jar $(jar_of "$1") --management.tracing.enabled=false --management.observations.enable.http.server.requests=false" ;;
		# The defaults + the stream files; + shipping them over TCP.
		starter-files) echo "-jar $(jar_of "$1") --structured-logging.file.directory=$files/$1" ;;
		starter-shipped) echo "-jar $(jar_of "$1") --structured-logging.file.directory=$files/$1 --structured-logging.shipping.tcp.destinations=127.0.0.1:$SINK_PORT" ;;
		# Shipping to a backend that is down the whole time (nothing listens on the port).
		starter-outage) echo "-jar $(jar_of "$1") --structured-logging.file.directory=$files/$1 --structured-logging.shipping.tcp.destinations=127.0.0.1:$((SINK_PORT + 1))" ;;
		*) echo "-jar $(jar_of "$1")" ;;
	esac
}

# Stream files of the variants that write them, emptied before each server starts; the
# shipping variant ships to a sink that reads and discards, beside wrk on core 1.
files=$(mktemp -d)
SINK_PORT=${SINK_PORT:-18090}
sink=""
if echo "$VARIANTS" | grep -q shipped; then
	taskset -c 1 python3 -c '
import socket, sys, threading
server = socket.create_server(("127.0.0.1", int(sys.argv[1])))
def drain(connection):
    while connection.recv(1 << 16):
        pass
while True:
    connection, _ = server.accept()
    threading.Thread(target=drain, args=(connection,), daemon=True).start()
' "$SINK_PORT" &
	sink=$!
fi
# The sink and the servers may be gone already: a failed kill must not skip the clean-up (set -e).
trap '[ -z "$sink" ] || kill "$sink" 2>/dev/null || true; rm -rf "$files"' EXIT

out=benchmarks/results
mkdir -p "$out"
raw="$out/http-load-raw.csv"
echo "round,variant,requests,seconds,errors,req_per_s,p50_us,p99_us,p999_us,cpu_us_per_request,alloc_bytes_per_request" > "$raw"
ticks=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# Load the server on the given port until its throughput stops rising; prints how long
# that took.
warm_up() {
	local url
	url=$(url_of "$1")
	if [ "$WARMUP" != "until-flat" ]; then
		taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null
		echo "$WARMUP"
		return
	fi
	# Noise on this machine is large: stop once two steps in a row fail to beat the best
	# step so far by more than FLAT_PERCENT.
	local step=${WARMUP_STEP%s} elapsed=0 best=0 flat=0 current
	while [ "$elapsed" -lt "$WARMUP_MAX" ] && { [ "$flat" -lt 2 ] || [ "$elapsed" -lt "$WARMUP_MIN" ]; }; do
		current=$(taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"${step}s" "$url" | awk '/^Requests\/sec:/ {printf "%d", $2}')
		elapsed=$((elapsed + step))
		echo "  warm-up ${elapsed}s: ${current} req/s" >&2
		if [ $((100 * current)) -gt $(((100 + FLAT_PERCENT) * best)) ]; then
			flat=0
		else
			flat=$((flat + 1))
		fi
		best=$((current > best ? current : best))
	done
	echo "${elapsed}s"
}

# Starts a variant's server on a port (on core 0) and waits until it answers; prints its pid.
start() {
	local variant=$1 port=$2
	rm -rf "${files:?}/$variant"
	# shellcheck disable=SC2046
	taskset -c 0 java -Xms512m -Xmx512m -Xlog:gc:file="$out/gc-$variant.log" $(switches_of "$variant") --server.port="$port" > "$out/app-$variant.log" 2>&1 &
	local pid=$!
	for _ in $(seq 1 120); do
		curl -fs "$(url_of "$port")" >/dev/null 2>&1 && break
		sleep 0.5
	done
	echo "$pid"
}

# One measured run of a warm server: a row of the raw results.
measure() {
	local round=$1 variant=$2 port=$3 pid=$4 allocated_before before result after allocated_after
	# Bytes allocated by the service's threads (ThreadMXBean), read before and after.
	allocated_before=$(curl -fs "$(probe_of "$port")")
	before=$(cpu_ticks "$pid")
	result=$(WRK_RATE=$RATE WRK_CONNECTIONS=$CONNECTIONS taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s benchmarks/wrk-report.lua "$(url_of "$port")" | grep '^RESULT')
	after=$(cpu_ticks "$pid")
	allocated_after=$(curl -fs "$(probe_of "$port")")
	echo "$result" | awk -v round="$round" -v variant="$variant" -v cpu="$((after - before))" -v hz="$ticks" \
		-v allocated="$((allocated_after - allocated_before))" '{
		for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
		seconds = v["duration_us"] / 1e6
		printf "%s,%s,%d,%.1f,%d,%.0f,%.0f,%.0f,%.0f,%.1f,%.0f\n", round, variant, v["requests"], seconds, v["errors"],
			v["requests"] / seconds, v["p50"], v["p99"], v["p999"], cpu / hz * 1e6 / v["requests"],
			allocated / v["requests"]
	}' | tee -a "$raw"
}

# Stops a server and waits until it is gone (it was started in a subshell, so it is not
# this shell's child to wait for).
stop() {
	kill "$1" 2>/dev/null || true
	while kill -0 "$1" 2>/dev/null; do
		sleep 0.2
	done
}

# Rotates the order each round, so no variant always runs first or last.
order_of() {
	echo $VARIANTS | tr ' ' '\n' | awk -v r="$1" '{a[NR]=$0} END {for (i = 0; i < NR; i++) print a[(i + r - 1) % NR + 1]}'
}

declare -A pids ports
if [ "$TOGETHER" = 1 ]; then
	index=0
	for variant in $VARIANTS; do
		ports[$variant]=$((PORT + index))
		index=$((index + 1))
		pids[$variant]=$(start "$variant" "${ports[$variant]}")
	done
	trap '[ -z "$sink" ] || kill "$sink" 2>/dev/null || true; kill ${pids[*]} 2>/dev/null || true; rm -rf "$files"' EXIT
	for variant in $VARIANTS; do
		echo "$variant warmed up for $(warm_up "${ports[$variant]}")" >&2
	done
	for round in $(seq 1 "$ROUNDS"); do
		measuring=()
		for variant in $(order_of "$round"); do
			if [ "$SIMULTANEOUS" = 1 ]; then
				measure "$round" "$variant" "${ports[$variant]}" "${pids[$variant]}" &
				measuring+=($!)
			else
				measure "$round" "$variant" "${ports[$variant]}" "${pids[$variant]}"
			fi
		done
		[ ${#measuring[@]} -eq 0 ] || wait "${measuring[@]}"
	done
	for variant in $VARIANTS; do
		stop "${pids[$variant]}"
	done
else
	for round in $(seq 1 "$ROUNDS"); do
		for variant in $(order_of "$round"); do
			pid=$(start "$variant" "$PORT")
			echo "$variant warmed up for $(warm_up "$PORT")" >&2
			measure "$round" "$variant" "$PORT" "$pid"
			stop "$pid"
		done
	done
fi

# Each server logs every request: keep its start-up and its end, not gigabytes of lines.
for variant in $VARIANTS; do
	log="$out/app-$variant.log"
	[ -f "$log" ] && { head -n 300 "$log"; echo "..."; tail -n 100 "$log"; } > "$log.kept" && mv "$log.kept" "$log"
done

# Median, min and max per variant, and the ratio of medians to the plain service.
summary="$out/http-load-summary.md"
# The awk functions both tables below use.
statistics='
	function median(arr, n) { return (n % 2) ? arr[(n + 1) / 2] : (arr[n / 2] + arr[n / 2 + 1]) / 2 }
	function sort(arr, n,    i, j, t) {
		for (i = 2; i <= n; i++) { t = arr[i]; for (j = i - 1; j > 0 && arr[j] > t; j--) arr[j + 1] = arr[j]; arr[j + 1] = t }
	}'
# A server's young-collection pauses over its whole run (JVM's gc log): median (max). Time
# the request threads all wait; it grows with what the heap keeps, not with the load.
young_pauses() {
	local log="$out/gc-$1.log"
	[ -f "$log" ] || { echo "—"; return; }
	awk "$statistics"'
		/Pause Young/ { n++; ms[n] = $NF + 0 }
		END { if (n == 0) { print "—"; exit } sort(ms, n); printf "%.1f (%.1f)", median(ms, n), ms[n] }' "$log"
}
{
	echo "| Variant | req/s median (min–max) | p50 µs | p99 µs | p99.9 µs | CPU µs/request | allocated B/request | req/s vs plain | p99 added µs | young GC pause ms |"
	echo "|---|---|---|---|---|---|---|---|---|---|"
	for variant in $VARIANTS; do
		awk -F, -v variant="$variant" 'NR > 1 && $2 == variant' "$raw" | sort -t, -k6 -n > "$out/.rows"
		awk -F, -v variant="$variant" -v gc="$(young_pauses "$variant")" -v plain="$(awk -F, 'NR > 1 && $2 == "plain" {print $6}' "$raw" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')" \
			-v plainp99="$(awk -F, 'NR > 1 && $2 == "plain" {print $8}' "$raw" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')" "$statistics"'
			{ n++; rps[n] = $6; p50[n] = $7; p99[n] = $8; p999[n] = $9; cpu[n] = $10; alloc[n] = $11 }
			END {
				sort(p50, n); sort(p99, n); sort(p999, n); sort(cpu, n); sort(alloc, n)
				m = median(rps, n)
				ratio = (plain > 0) ? sprintf("%.1f%%", 100 * m / plain) : "—"
				added = (plain > 0) ? sprintf("%+.0f", median(p99, n) - plainp99) : "—"
				printf "| %s | %.0f (%.0f–%.0f) | %.0f | %.0f | %.0f | %.1f | %.0f | %s | %s | %s |\n", variant, m, rps[1], rps[n],
					median(p50, n), median(p99, n), median(p999, n), median(cpu, n), median(alloc, n), ratio, added, gc
			}' "$out/.rows"
	done
	# Each variant against a baseline measured in the same rounds: the median of the
	# differences within a round, which the machine's drift from round to round does not
	# move as much as it moves the medians above.
	if [ -n "$BASELINE" ]; then
		echo
		echo "Against \`$BASELINE\`, median of the per-round differences (min–max):"
		if [ "$SIMULTANEOUS" = 1 ]; then
			echo "(loaded at the same time, the servers share core 0: compare CPU and allocation per"
			echo "request; requests per second and latency are shared, not each server's own)"
		fi
		echo
		echo "| Variant | CPU µs/request added | allocated B/request added | p99 µs added | req/s ratio |"
		echo "|---|---|---|---|---|"
		for variant in $VARIANTS; do
			[ "$variant" = "$BASELINE" ] && continue
			awk -F, -v variant="$variant" -v baseline="$BASELINE" "$statistics"'
				NR > 1 && $2 == variant { rps[$1] = $6; p99[$1] = $8; cpu[$1] = $10; alloc[$1] = $11 }
				NR > 1 && $2 == baseline { brps[$1] = $6; bp99[$1] = $8; bcpu[$1] = $10; balloc[$1] = $11 }
				END {
					for (r in cpu) if (r in bcpu) {
						n++; dcpu[n] = cpu[r] - bcpu[r]; dalloc[n] = alloc[r] - balloc[r]; dp99[n] = p99[r] - bp99[r]; ratio[n] = rps[r] / brps[r]
					}
					if (n == 0) exit
					sort(dcpu, n); sort(dalloc, n); sort(dp99, n); sort(ratio, n)
					printf "| %s | %+.1f (%+.1f…%+.1f) | %+.0f (%+.0f…%+.0f) | %+.0f (%+.0f…%+.0f) | %.2f (%.2f–%.2f) |\n", variant,
						median(dcpu, n), dcpu[1], dcpu[n], median(dalloc, n), dalloc[1], dalloc[n],
						median(dp99, n), dp99[1], dp99[n], median(ratio, n), ratio[1], ratio[n]
				}' "$raw"
		done
	fi
} > "$summary"
rm -f "$out/.rows"
echo
cat "$summary"
