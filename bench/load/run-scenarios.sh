#!/bin/bash
# Runs the standard WebSocket load scenarios against Cuecast and the two reference peers in one
# session: each server alone on core 0, the load generator on core 1 (taskset). Prints a Markdown
# table (summarize.js) and leaves one JSON line per run in $OUT.
#
# usage: bench/load/run-scenarios.sh            (from anywhere; about 10 minutes)
# needs: java, mvn, node/npm, taskset; for the FastAPI peer python3-fastapi, python3-uvicorn, python3-websockets (Debian)
# env:   WARM (s, default 20: Cuecast's JIT needs about that on one core), DUR (s, default 15), OUT (results file, default a temp file),
#        IDLE_CLIENTS (the idle-connections scenario, default 10000), IDLE_RATE (their connections a second, default 1000),
#        PEERS (the peers folder, default /work/shared/peers; empty skips them),
#        FASTAPI (default 1; 0 skips the FastAPI peer, the slowest to run, and keeps the Vert.x one),
#        PEERS_WORK (where the Vert.x peer is built, default /tmp/cuecast-peers),
#        PIPELINE (default pause: Cuecast's camera pipeline is paused, a gateway alone; run: kept at 1 fps),
#        CUECAST_ARGS (more options for Cuecast, e.g. --cuecast.http.event-loops=1),
#        SCENARIOS (default all; standard: only the standard loads),
#        LOADS (the standard loads to run, e.g. "500@60,1000@30"; default all five),
#        REPEAT (default 1: how many rounds of each standard load; each round runs Cuecast and then each
#        peer, so a machine whose speed drifts over minutes weighs on both alike, and the summary adds
#        each server's median)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
WARM=${WARM:-20} DUR=${DUR:-15} REPEAT=${REPEAT:-1} IDLE_CLIENTS=${IDLE_CLIENTS:-10000} PIPELINE=${PIPELINE:-pause}
OUT=${OUT:-$(mktemp --suffix=.jsonl)}
PEERS=${PEERS-/work/shared/peers}
PEERS_WORK=${PEERS_WORK:-/tmp/cuecast-peers}
# Ports away from the default 8080, so a Cuecast someone runs by hand does not get the load.
CUECAST_PORT=18080 VERTX_PORT=18099 FASTAPI_PORT=18098

# Standard scenarios (clients, Hz): every server. Policy scenarios: Cuecast only.
# Each server publishes every round(1000/Hz) ms, so "60" offers 58.8 Hz; "63" (every 16 ms, 62.5 Hz)
# shows that more than 60 000 messages a second reach 1000 clients.
STANDARD=("100 60" "500 60" "1000 30" "1000 60" "1000 63")
POLICY=("100 60 slow-consumer --slow=10 --metrics-url=http://127.0.0.1:$CUECAST_PORT/observe/metrics"
        "500 60 reconnect-storm --storm-every=5 --storm-fraction=0.5")

server_pid=
stop_server() { # the server's exit status after SIGTERM is not an error
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  server_pid=
}
trap stop_server EXIT

# Waits (bounded) until a command succeeds; a server that never comes up skips its run.
wait_for() { for _ in $(seq 1 90); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done; echo "server did not start: $*" >&2; return 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1"); }

# The generator's own garbage collector must not show up as server latency. With V8's default young
# generation, 30 000 messages a second of 2 KB made it scavenge and mark-compact every 330 ms, for
# 10-15 ms each: about 3% of the messages waited for it, which was the whole p99 at 1000 clients at
# 30 Hz (29-31 ms, bare Vert.x 22 ms; with these flags 19-20 ms for both).
NODE_GC_FLAGS=(--max-semi-space-size=64 --min-semi-space-size=64 --initial-old-space-size=256)

period_ms() { echo $(( (2000 / $1 + 1) / 2 )); } # round(1000/Hz), as the Vert.x peer rounds it

load() { # server clients hz url [loadgen args...]
  local server=$1 n=$2 hz=$3 url=$4; shift 4
  # The generator expects what is really offered: 1000 clients at "60" get 58 824 messages a second.
  local period=0; [ "$hz" -gt 0 ] && period=$(period_ms "$hz")
  taskset -c 1 node "${NODE_GC_FLAGS[@]}" "$here/loadgen.js" --label="$server" --url="$url" --clients="$n" --hz="$hz" \
    --period-ms="$period" \
    --warmup="$WARM" --duration="$DUR" "$@" | tee -a "$OUT" || echo "loadgen failed: $server $n@$hz" >&2
}

start_cuecast() { # hz
  # The synthetic route publishes `state` at the scenario's rate (period rounded to whole ms, as
  # the Vert.x peer does). Cuecast runs as a gateway only: its camera pipeline is paused over the
  # operators' API once it is up (PIPELINE=run keeps it going at 1 fps, to see what vision on the
  # same core costs the gateway), as the peers do no vision either.
  # Every generator client comes from 127.0.0.1 and sends nothing after subscribing: lift the
  # per-address connection limit and the idle timeout, which would otherwise refuse or close them.
  (cd "$root" && exec taskset -c 0 java -Xmx1g -jar target/cuecast.jar --port "$CUECAST_PORT" \
    --cuecast.camera.fps=1 --bench.period-ms=$(period_ms "$1") \
    --cuecast.gateway.connections-per-minute-per-ip=1000000 \
    --cuecast.gateway.idle-timeout-seconds=86400 --cuecast.gateway.ping-interval-seconds=3600 \
    "--camel.main.routes-include-pattern=file:routes/*.camel.yaml,file:bench/routes/*.camel.yaml" ${CUECAST_ARGS:-} \
    >"$PEERS_WORK/cuecast.log" 2>&1) &
  server_pid=$!
  wait_for curl -sf "http://127.0.0.1:$CUECAST_PORT/api/v1/health"
  if [ "$PIPELINE" != run ]; then
    curl -sf -X POST "http://127.0.0.1:$CUECAST_PORT/api/v1/websocket/system/stop" >/dev/null
  fi
}

start_vertx() { # hz   (as ab.sh starts it)
  taskset -c 0 java -Xmx1g -Dport="$VERTX_PORT" -Dmode=owner -Dhz="$1" \
    -cp "$PEERS_WORK/vertx/target/fanout-1.jar:$PEERS_WORK/vertx/target/lib/*" bench.Fanout >"$PEERS_WORK/vertx.log" 2>&1 &
  server_pid=$!
  wait_for port_open "$VERTX_PORT"
}

start_fastapi() { # hz   (as ab.sh starts it)
  PORT=$FASTAPI_PORT HZ=$1 taskset -c 0 /usr/bin/python3 "$PEERS/fastapi_peer.py" >"$PEERS_WORK/fastapi.log" 2>&1 &
  server_pid=$!
  wait_for port_open "$FASTAPI_PORT"
}

mkdir -p "$PEERS_WORK"
echo "building (results go to $OUT)" >&2
(cd "$root" && mvn -B -q package -DskipTests)
(cd "$here" && npm ci --silent --no-audit --no-fund)
if [ -n "$PEERS" ]; then
  rm -rf "$PEERS_WORK/vertx" && cp -r "$PEERS/vertx" "$PEERS_WORK/"
  (cd "$PEERS_WORK/vertx" && mvn -B -q package dependency:copy-dependencies -DoutputDirectory=target/lib)
fi
echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT" >&2

for s in "${STANDARD[@]}"; do
  set -- $s
  [ -n "${LOADS:-}" ] && [[ ",$LOADS," != *",$1@$2,"* ]] && continue
  for _ in $(seq 1 "$REPEAT"); do
    start_cuecast "$2" && sleep 2 && load cuecast "$1" "$2" "ws://127.0.0.1:$CUECAST_PORT/api/v1/ws"; stop_server
    if [ -n "$PEERS" ]; then
      start_vertx "$2" && load bare-vertx "$1" "$2" "ws://127.0.0.1:$VERTX_PORT/" --welcome=false; stop_server
      if [ "${FASTAPI:-1}" != 0 ]; then
        start_fastapi "$2" && load fastapi "$1" "$2" "ws://127.0.0.1:$FASTAPI_PORT/" --welcome=false; stop_server
      fi
    fi
  done
done
[ "${SCENARIOS:-all}" = standard ] && POLICY=() && IDLE_CLIENTS=0
for s in "${POLICY[@]}"; do
  set -- $s
  start_cuecast "$2" && sleep 2 && load "cuecast $3" "$1" "$2" "ws://127.0.0.1:$CUECAST_PORT/api/v1/ws" "${@:4}"; stop_server
done
# Idle connections: 10 000 clients subscribed to a quiet stream, answering heartbeats, held for
# the whole run; the server's heap is read over Jolokia after a full GC (target: under 1 GiB).
# They connect at 1000 a second (IDLE_RATE): at 2000 a second a freshly started server on one core,
# a third of it taken by the JIT, answers handshakes later than the client's 10 s timeout.
[ "$IDLE_CLIENTS" -gt 0 ] && start_cuecast 1 && sleep 2 && load "cuecast idle" "$IDLE_CLIENTS" 0 "ws://127.0.0.1:$CUECAST_PORT/api/v1/ws" \
  --stream=events --connect-rate="${IDLE_RATE:-1000}" --heap-url="http://127.0.0.1:$CUECAST_PORT/observe/jolokia"; stop_server
echo "# $(date -u +%FT%TZ) done, load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT" >&2
node "$here/summarize.js" "$OUT"
