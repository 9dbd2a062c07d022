#!/bin/bash
# Issue 9: capture-to-client latency and gateway fan-out with Kafka in the path, each beside a
# single node in the same session (bench/RESULTS.md, "Kafka in the path"). One configuration at
# a time; the broker (.ci/kafka.sh, port 19292) runs only for the Kafka configurations.
#
# usage: bench/cluster/kafka-path.sh [capture|fanout|all]     (default all; about 12 minutes)
# needs: target/cuecast.jar (mvn -o -B -q package -DskipTests), bench/load/node_modules (npm ci), taskset
# env:   SAMPLES (capture samples, default 400), CAP_WARM (messages skipped, default 60),
#        FPS, WIDTH, HEIGHT (the simulated camera for capture, default 15, 640, 360),
#        LOADS (fan-out "clients hz" pairs, default "100 60;500 60"), WARM (s, default 20), DUR (s, default 15),
#        OUT (fan-out JSON lines, default a temp file), WORK (logs and node data, default /tmp/cuecast-kafka-path)
#
# Placement. capture: nothing pinned (each configuration alone on both cores, the client too).
# fanout: the node serving the clients (single node or gateway node) on core 0; the generator on
# core 1; in the Kafka configuration the vision node (synthetic 60 Hz state, pipeline paused) and
# the broker share core 1 with the generator, so that core 0 does only the gateway's work.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
WHAT=${1:-all}
SAMPLES=${SAMPLES:-400} CAP_WARM=${CAP_WARM:-60} FPS=${FPS:-15} WIDTH=${WIDTH:-640} HEIGHT=${HEIGHT:-360}
LOADS=${LOADS:-"100 60;500 60"} WARM=${WARM:-20} DUR=${DUR:-15}
WORK=${WORK:-/tmp/cuecast-kafka-path}
OUT=${OUT:-$(mktemp --suffix=.jsonl)}
export KAFKA_PORT=19292 KAFKA_WORK=/tmp/kafka-bench
BROKER=127.0.0.1:$KAFKA_PORT
SINGLE=18501 VISION=18502 GATEWAY=18503
ROUTES="--camel.main.routes-include-pattern=file:routes/*.camel.yaml,file:bench/routes/*.camel.yaml"
# As bench/load/run-scenarios.sh: every generator client comes from 127.0.0.1 and sends nothing.
LOAD_OPTS=(--cuecast.gateway.connections-per-minute-per-ip=1000000
           --cuecast.gateway.idle-timeout-seconds=86400 --cuecast.gateway.ping-interval-seconds=3600)

pids=()
broker_up=
stop_all() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
  if [ -n "$broker_up" ]; then (cd "$root" && .ci/kafka.sh stop) || true; broker_up=; fi
}
trap stop_all EXIT

wait_for() { for _ in $(seq 1 120); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done; echo "did not come up: $*" >&2; return 1; }
healthy() { curl -sf -o /dev/null "http://127.0.0.1:$1/observe/health/live"; }

start_node() { # name port cpus|- args...   (starts a packaged node from the repository root)
  local name=$1 port=$2 cpus=$3; shift 3
  local pin=(); [ "$cpus" != - ] && pin=(taskset -c "$cpus")
  mkdir -p "$WORK/$name"
  (cd "$root" && exec "${pin[@]}" java -Xmx1g -jar target/cuecast.jar --port "$port" \
     --cuecast.dead-letters.dir="$WORK/$name/dead-letters" "$@" >"$WORK/$name.log" 2>&1) &
  pids+=($!)
  wait_for healthy "$port"
}

broker() { # cpus|-
  local pin=(); [ "$1" != - ] && pin=(taskset -c "$1")
  (cd "$root" && "${pin[@]}" .ci/kafka.sh start) >/dev/null
  broker_up=1
}

cluster() { # name role port prefix
  echo "--cuecast.node.roles=$2 --cuecast.node.id=$1 --cuecast.kafka.bootstrap-servers=$BROKER --cuecast.kafka.topic-prefix=$4 --cuecast.tables=main"
}

# Capture time to send time on a node, mean over its run (Prometheus summary/histogram sum/count).
capture_to_send() {
  curl -sf "http://127.0.0.1:$1/observe/metrics" | awk '
    /^cuecast_capture_to_send_seconds_sum\{.*stream="state"/ {s=$2}
    /^cuecast_capture_to_send_seconds_count\{.*stream="state"/ {c=$2}
    END { if (c > 0) printf "capture_to_send(state) mean %.1f ms over %d\n", 1000*s/c, c; else print "capture_to_send: none" }'
}

capture() {
  # The client sends nothing: lift the idle timeout (60 s) that would close it with 4408.
  local cam=(--cuecast.camera.fps="$FPS" --cuecast.camera.width="$WIDTH" --cuecast.camera.height="$HEIGHT" "${LOAD_OPTS[@]}")
  echo "# capture $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
  start_node single $SINGLE - "${cam[@]}"
  echo -n "single node: "
  java "$here/CaptureToClient.java" "ws://127.0.0.1:$SINGLE/api/v1/ws/state" "$SAMPLES" "$CAP_WARM"
  capture_to_send $SINGLE
  stop_all
  echo "# capture through Kafka $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
  broker -
  local prefix=cap$(date +%s)
  start_node vision $VISION - "${cam[@]}" $(cluster vision vision $VISION "$prefix")
  start_node gateway $GATEWAY - "${LOAD_OPTS[@]}" $(cluster gateway gateway $GATEWAY "$prefix")
  echo -n "vision -> Kafka -> gateway: "
  java "$here/CaptureToClient.java" "ws://127.0.0.1:$GATEWAY/api/v1/ws/state" "$SAMPLES" "$CAP_WARM"
  capture_to_send $VISION
  stop_all
}

load() { # label clients hz port
  taskset -c 1 node "$root/bench/load/loadgen.js" --label="$1" --url="ws://127.0.0.1:$4/api/v1/ws" \
    --clients="$2" --hz="$3" --warmup="$WARM" --duration="$DUR" | tee -a "$OUT" || echo "loadgen failed: $1 $2@$3" >&2
}

fanout() {
  echo "# fanout $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg), results in $OUT" | tee -a "$OUT"
  local loads n hz
  IFS=';' read -r -a loads <<<"$LOADS"
  for s in "${loads[@]}"; do
    read -r n hz <<<"$s"
    local period=$(( (2000 / hz + 1) / 2 ))
    # The script's own way: one node on core 0, synthetic state, pipeline paused.
    start_node single $SINGLE 0 --cuecast.camera.fps=1 --bench.period-ms=$period "${LOAD_OPTS[@]}" "$ROUTES"
    curl -sf -X POST "http://127.0.0.1:$SINGLE/api/v1/websocket/system/stop" >/dev/null
    sleep 2; load single "$n" "$hz" $SINGLE; stop_all
    # Through Kafka: broker and vision node on core 1 (with the generator), gateway node on core 0.
    broker 1
    local prefix=fan${n}x${hz}t$(date +%s)
    start_node vision $VISION 1 --cuecast.camera.fps=1 --bench.period-ms=$period "$ROUTES" \
      $(cluster vision vision $VISION "$prefix")
    curl -sf -X POST "http://127.0.0.1:$VISION/api/v1/websocket/system/stop" >/dev/null
    start_node gateway $GATEWAY 0 "${LOAD_OPTS[@]}" $(cluster gateway gateway $GATEWAY "$prefix")
    sleep 2; load kafka-gateway "$n" "$hz" $GATEWAY; stop_all
  done
  echo "# fanout done $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
}

mkdir -p "$WORK"
case "$WHAT" in
  capture) capture ;;
  fanout) fanout ;;
  all) capture; fanout ;;
  *) echo "usage: $0 [capture|fanout|all]" >&2; exit 2 ;;
esac
