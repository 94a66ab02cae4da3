#!/usr/bin/env bash
# perf-session.sh: the measuring session behind docs/performance.md, in one
# command. It builds incognito and incognito-load, then measures, one after
# the other and each on a fresh server:
#   sqlite    every scenario, closed loop (concurrency 8), crypto floor, 10,000 users
#   pg        the same on PostgreSQL
#   replicas  the same on two replicas sharing one PostgreSQL database
#   open      open loop at half the target rates (SRP 125/s, password 200/s) on each
#   scaling   SQLite pools of 10,000, 100,000 and 1,000,000 users, ROUNDS rounds in rotating order
#   profiles  CPU profiles of the SQLite server during srp, password, refresh and getuser runs
#   cl        cognito-local (if COGNITO_LOCAL_DIR holds `npm i cognito-local`)
# Everything lands in OUT (default ./perf-out): one JSON report and one text
# report per run, server logs, and session.log with the load average before
# and after each run and each server's peak memory.
#
# Usage: scripts/perf-session.sh [parts...]   (default: sqlite pg replicas open scaling cl)
# Env:   OUT, PG_URL (default postgres://postgres@127.0.0.1:5432/incognito_perf?sslmode=disable),
#        USERS (10000), DURATION (10s), WARMUP (2s), ROUNDS (3), SIZES ("10000 100000 1000000"),
#        COGNITO_LOCAL_DIR, CL_POOL and CL_CLIENT (reuse a pre-loaded cognito-local pool; a
#        cognito-local already listening on 9229 is used as it is),
#        QUIET_LOAD (1.5: wait for a 1-minute load average below it)
# Loopback only; nothing here is a test, and no figure is checked.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${OUT:-$PWD/perf-out}
USERS=${USERS:-10000}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-2s}
ROUNDS=${ROUNDS:-3}
SIZES=${SIZES:-"10000 100000 1000000"}
QUIET_LOAD=${QUIET_LOAD:-1.5}
PG_DB=incognito_perf
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432/$PG_DB?sslmode=disable}
PARTS=${*:-sqlite pg replicas open scaling cl}
export INCOGNITO_MASTER_KEY=${INCOGNITO_MASTER_KEY:-$(head -c 32 /dev/urandom | base64)}

mkdir -p "$OUT/bin"
go build -o "$OUT/bin/incognito" ./cmd/incognito
go build -o "$OUT/bin/incognito-load" ./cmd/incognito-load
BIN=$OUT/bin
LOG=$OUT/session.log
log() { echo "$(date -u +%H:%M:%S) $*" | tee -a "$LOG"; }

SERVERS=()
cleanup() {
	for p in "${SERVERS[@]}"; do kill "$p" 2>/dev/null || true; done
	SERVERS=()
}
trap cleanup EXIT

quiet() { # wait (at most 90 s) for the machine to be quiet
	for _ in $(seq 90); do
		awk -v max="$QUIET_LOAD" '{exit !($1 < max)}' /proc/loadavg && break
		sleep 1
	done
}

start() { # start NAME PORT ARGS...: an incognito server; sets PID
	local name=$1 port=$2
	shift 2
	"$BIN/incognito" serve --addr "127.0.0.1:$port" --debug-addr "127.0.0.1:$((port + 100))" "$@" \
		>"$OUT/server-$name.log" 2>&1 &
	PID=$!
	SERVERS+=("$PID")
	for _ in $(seq 100); do
		curl -fs "http://127.0.0.1:$port/health" >/dev/null && return
		sleep 0.1
	done
	echo "server $name did not start; see $OUT/server-$name.log" >&2
	exit 1
}

peak() { grep -h VmHWM "/proc/$1/status" | awk '{print $2/1024 " MB"}'; }

load() { # load NAME ARGS...: one generator run, JSON and text reports
	local name=$1
	shift
	quiet
	log "run $name: load average before $(cut -d' ' -f1-3 /proc/loadavg)"
	"$BIN/incognito-load" -json -duration "$DURATION" -warmup "$WARMUP" "$@" >"$OUT/$name.json" 2>"$OUT/$name.err"
	log "run $name: load average after  $(cut -d' ' -f1-3 /proc/loadavg)"
}

pool_of() { sed -n 's/.*"user_pool_id": "\(.*\)".*/\1/p' "$1" | head -1; }
client_of() { sed -n 's/.*"client_id": "\(.*\)".*/\1/p' "$1" | head -1; }

fresh_pg() {
	dropdb -h 127.0.0.1 -U postgres --if-exists "$PG_DB"
	createdb -h 127.0.0.1 -U postgres "$PG_DB"
}

closed_and_open() { # closed_and_open NAME ENDPOINT PRELOAD SERVER_PIDS
	local name=$1 ep=$2 pre=$3 pids=$4
	load "$name-closed" -endpoint "$ep" -users "$USERS" -concurrency 8 -floor -keep -preload-store "$pre" -server-pid "$pids"
	case " $PARTS " in *" open "*)
		local pool client
		pool=$(pool_of "$OUT/$name-closed.json")
		client=$(client_of "$OUT/$name-closed.json")
		load "$name-open-srp" -endpoint "$ep" -users "$USERS" -pool "$pool" -client "$client" -keep \
			-scenario srp -rate 125 -server-pid "$pids"
		load "$name-open-password" -endpoint "$ep" -users "$USERS" -pool "$pool" -client "$client" -keep \
			-scenario password -rate 200 -server-pid "$pids"
		;;
	esac
}

log "session start: $(nproc) CPUs, $(go version), parts: $PARTS"
for part in $PARTS; do
	case $part in
	sqlite)
		rm -rf "$OUT/data-sqlite"
		start sqlite 19301 --data "$OUT/data-sqlite"
		closed_and_open sqlite http://127.0.0.1:19301 "sqlite:$OUT/data-sqlite" "$PID"
		log "sqlite peak RSS $(peak "$PID")"
		cleanup
		;;
	pg)
		fresh_pg
		start pg 19302 --database-url "$PG_URL" --public-url http://127.0.0.1:19302
		closed_and_open pg http://127.0.0.1:19302 "$PG_URL" "$PID"
		log "pg peak RSS $(peak "$PID")"
		cleanup
		;;
	replicas)
		fresh_pg
		start replica-a 19303 --database-url "$PG_URL" --public-url http://127.0.0.1:19303
		a=$PID
		start replica-b 19304 --database-url "$PG_URL" --public-url http://127.0.0.1:19303
		b=$PID
		closed_and_open replicas http://127.0.0.1:19303,http://127.0.0.1:19304 "$PG_URL" "$a,$b"
		log "replicas peak RSS $(peak "$a") / $(peak "$b")"
		cleanup
		;;
	open) ;; # runs with each store above
	profiles)
		# CPU profiles of the SQLite server, 20 s within 25 s runs.
		rm -rf "$OUT/data-prof"
		start prof 19305 --data "$OUT/data-prof"
		prof_pool=()
		for sc in srp password refresh getuser; do
			quiet
			log "profile $sc: load average before $(cut -d' ' -f1-3 /proc/loadavg)"
			"$BIN/incognito-load" -json -duration 25s -warmup 1s -endpoint http://127.0.0.1:19305 -users "$USERS" \
				-concurrency 8 -scenario "$sc" -keep -preload-store "sqlite:$OUT/data-prof" -server-pid "$PID" \
				"${prof_pool[@]}" >"$OUT/prof-$sc.json" 2>"$OUT/prof-$sc.err" &
			gen=$!
			sleep 4
			curl -fs -o "$OUT/prof-$sc.pprof" "http://127.0.0.1:19405/debug/pprof/profile?seconds=20"
			wait "$gen"
			log "profile $sc: load average after  $(cut -d' ' -f1-3 /proc/loadavg)"
			prof_pool=(-pool "$(pool_of "$OUT/prof-$sc.json")" -client "$(client_of "$OUT/prof-$sc.json")")
		done
		cleanup
		;;
	scaling)
		# One server per size, all running; each pre-loaded once, then the
		# rounds in rotating order (round r starts at the r-th size), so
		# that drift over the session does not favour one size.
		sizes=($SIZES)
		declare -A spid sport
		port=19310
		for size in "${sizes[@]}"; do
			port=$((port + 1))
			rm -rf "$OUT/data-$size"
			start "scale-$size" "$port" --data "$OUT/data-$size"
			spid[$size]=$PID
			sport[$size]=$port
		done
		for r in $(seq "$ROUNDS"); do
			n=${#sizes[@]}
			for i in $(seq 0 $((n - 1))); do
				size=${sizes[$(((i + r - 1) % n))]}
				ep="http://127.0.0.1:${sport[$size]}"
				if [ ! -f "$OUT/scale-$size-pool" ]; then
					load "scale-$size-$r" -endpoint "$ep" -users "$size" -concurrency 8 -keep \
						-preload-store "sqlite:$OUT/data-$size" -server-pid "${spid[$size]}"
					pool_of "$OUT/scale-$size-$r.json" >"$OUT/scale-$size-pool"
					client_of "$OUT/scale-$size-$r.json" >"$OUT/scale-$size-client"
				else
					load "scale-$size-$r" -endpoint "$ep" -users "$size" -concurrency 8 -keep \
						-pool "$(cat "$OUT/scale-$size-pool")" -client "$(cat "$OUT/scale-$size-client")" \
						-server-pid "${spid[$size]}"
				fi
				log "scale-$size-$r RSS $(grep -h VmRSS "/proc/${spid[$size]}/status" | awk '{print $2/1024 " MB"}')"
			done
		done
		for size in "${sizes[@]}"; do
			log "scale-$size peak RSS $(peak "${spid[$size]}"), data $(du -sh "$OUT/data-$size" | cut -f1)"
		done
		cleanup
		;;
	cl)
		if [ -z "${COGNITO_LOCAL_DIR:-}" ]; then
			log "cl: skipped (set COGNITO_LOCAL_DIR to a directory with cognito-local installed)"
			continue
		fi
		# Pre-loading cognito-local through its admin API takes minutes; a
		# pool made earlier (CL_POOL, CL_CLIENT, in COGNITO_LOCAL_DIR's
		# .cognito) is reused as it is.
		reuse=()
		if [ -n "${CL_POOL:-}" ]; then
			reuse=(-pool "$CL_POOL" -client "$CL_CLIENT" -keep)
		else
			rm -rf "$COGNITO_LOCAL_DIR/.cognito"
		fi
		if ! curl -s -o /dev/null http://127.0.0.1:9229/; then
			(cd "$COGNITO_LOCAL_DIR" && exec npx cognito-local >"$OUT/server-cl.log" 2>&1) &
			SERVERS+=("$!")
			sleep 5
		fi
		clpid=$(pgrep -f 'node.*cognito-local' | head -1)
		load cl-closed -endpoint http://127.0.0.1:9229 -users "$USERS" -concurrency 8 -floor "${reuse[@]}" \
			-scenario signup,password,refresh,getuser,listusers -server-pid "$clpid"
		log "cl peak RSS $(peak "$clpid")"
		cleanup
		;;
	*)
		echo "unknown part $part" >&2
		exit 2
		;;
	esac
done
log "session end"
