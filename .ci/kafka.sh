#!/usr/bin/env bash
# A real single-node Kafka broker (KRaft: broker and controller in one JVM) on loopback, for the tests.
#   .ci/kafka.sh start   fetch the broker from Maven Central (.ci/kafka/pom.xml), format its storage,
#                        start it and wait until it accepts connections; prints its bootstrap address
#   .ci/kafka.sh stop    stop it (by the pid it wrote) and delete its data
# Tests find it through CUECAST_TEST_KAFKA (host:port) and skip without it. KAFKA_PORT picks the
# port (default 19092; the controller listens on the next one).
set -euo pipefail
cd "$(dirname "$0")/kafka"
work=target/run
port=${KAFKA_PORT:-19092}
controller_port=$((port + 1))

start() {
  if [ ! -d target/broker-libs ]; then
    # To stderr: stdout carries only the broker's address, which the caller captures.
    mvn -B -q dependency:copy-dependencies -DoutputDirectory=target/broker-libs -DincludeScope=runtime >&2
  fi
  rm -rf "$work" && mkdir -p "$work/data"
  cat > "$work/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$PWD/$work/data
num.partitions=2
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
  local java_cmd=(java -Xms128m -Xmx384m -XX:+UseSerialGC -cp "target/broker-libs/*")
  local cluster_id
  cluster_id=$("${java_cmd[@]}" kafka.tools.StorageTool random-uuid)
  "${java_cmd[@]}" kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$work/server.properties" \
    > "$work/format.log" 2>&1
  "${java_cmd[@]}" kafka.Kafka "$work/server.properties" > "$work/broker.log" 2>&1 &
  echo $! > "$work/pid"
  # The broker opens its client listener only once it has joined its own quorum and is ready.
  for _ in $(seq 1 120); do
    if ! kill -0 "$(cat "$work/pid")" 2>/dev/null; then
      echo "kafka.sh: the broker exited; see .ci/kafka/$work/broker.log" >&2
      exit 1
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "127.0.0.1:$port"
      return
    fi
    sleep 0.5
  done
  echo "kafka.sh: the broker did not listen on 127.0.0.1:$port within 60 s" >&2
  stop
  exit 1
}

stop() {
  if [ -f "$work/pid" ]; then
    local pid
    pid=$(cat "$work/pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    rm -rf "$work"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
