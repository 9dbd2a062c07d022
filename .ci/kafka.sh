#!/usr/bin/env bash
# A real single-node Kafka broker (KRaft: broker and controller in one JVM) on loopback, for the tests.
#   .ci/kafka.sh start    fetch the broker from Maven Central (.ci/kafka/pom.xml), format its storage,
#                         start it and wait until it accepts connections; prints its bootstrap address
#   .ci/kafka.sh stop     stop it (by the pid it wrote) and delete its data
#   .ci/kafka.sh kill     kill -9 it, as a broker that dies, keeping its data (KafkaOutageIT)
#   .ci/kafka.sh restart  start it again on the same storage and port (no format), after kill;
#                         prints its bootstrap address like start
# Tests find it through CUECAST_TEST_KAFKA (host:port) and skip without it. KAFKA_PORT picks the
# port (default 19092; the controller listens on the next one). KAFKA_WORK picks the folder of its
# config, data, log and pid (default .ci/kafka/target/run), so that a second broker can run beside
# the first: give both variables, and the same ones to each command for that broker.
set -euo pipefail
work=$(realpath -m "${KAFKA_WORK:-$(dirname "$0")/kafka/target/run}")
cd "$(dirname "$0")/kafka"
port=${KAFKA_PORT:-19092}
controller_port=$((port + 1))
java_cmd=(java -Xms128m -Xmx384m -XX:+UseSerialGC -cp "target/broker-libs/*")

# Whether the process runs: a killed broker whose parent (this script) is gone stays a zombie until
# something reaps it, and kill -0 still finds a zombie.
alive() {
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $state != Z* ]]
}

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
log.dirs=$work/data
num.partitions=2
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
  local cluster_id
  cluster_id=$("${java_cmd[@]}" kafka.tools.StorageTool random-uuid)
  "${java_cmd[@]}" kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$work/server.properties" \
    > "$work/format.log" 2>&1
  launch
}

# Runs the broker on the storage and config in $work and waits until it accepts connections.
launch() {
  "${java_cmd[@]}" kafka.Kafka "$work/server.properties" >> "$work/broker.log" 2>&1 &
  echo $! > "$work/pid"
  # The broker opens its client listener only once it has joined its own quorum and is ready.
  for _ in $(seq 1 120); do
    if ! alive "$(cat "$work/pid")"; then
      echo "kafka.sh: the broker exited; see $work/broker.log" >&2
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

restart() {
  if [ ! -f "$work/server.properties" ]; then
    echo "kafka.sh: no broker storage in $work to restart; use start" >&2
    exit 1
  fi
  if [ -f "$work/pid" ] && alive "$(cat "$work/pid")"; then
    echo "kafka.sh: the broker in $work is still running (pid $(cat "$work/pid"))" >&2
    exit 1
  fi
  # The port it was started on, whatever KAFKA_PORT says now: its data belongs to that listener.
  port=$(sed -n 's|^advertised.listeners=PLAINTEXT://127.0.0.1:||p' "$work/server.properties")
  launch
}

kill_broker() {
  if [ -f "$work/pid" ]; then
    local pid
    pid=$(cat "$work/pid")
    kill -9 "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do alive "$pid" || break; sleep 0.25; done
  fi
}

stop() {
  if [ -f "$work/pid" ]; then
    local pid
    pid=$(cat "$work/pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do alive "$pid" || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    rm -rf "$work"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  kill) kill_broker ;;
  restart) restart ;;
  *) echo "usage: $0 start|stop|kill|restart" >&2; exit 2 ;;
esac
