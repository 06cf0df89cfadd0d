#!/bin/bash
# Creates the suite's Kafka topics that do not exist yet, each with the cleanup policy the contract gives it.
# Existing topics are left as they are. Reads "<topic> <cleanup.policy>" lines from $TOPICS_FILE.
# Environment: BOOTSTRAP_SERVERS, TOPICS_FILE, PARTITIONS, REPLICATION_FACTOR (-1: the broker's
# default.replication.factor), CLIENT_CONFIG (a client.properties file; used when not empty).
set -euo pipefail

kafka_topics() {
  local args=(--bootstrap-server "$BOOTSTRAP_SERVERS")
  if [ -s "$CLIENT_CONFIG" ]; then
    args+=(--command-config "$CLIENT_CONFIG")
  fi
  /opt/kafka/bin/kafka-topics.sh "${args[@]}" "$@"
}

until existing=$(kafka_topics --list); do
  echo "waiting for Kafka at $BOOTSTRAP_SERVERS"
  sleep 5
done

while read -r topic policy; do
  [ -n "$topic" ] || continue
  if grep -qxF "$topic" <<<"$existing"; then
    echo "exists:  $topic"
    continue
  fi
  create=(--create --if-not-exists --topic "$topic" --partitions "$PARTITIONS" --config "cleanup.policy=$policy")
  if [ "$REPLICATION_FACTOR" != "-1" ]; then
    create+=(--replication-factor "$REPLICATION_FACTOR")
  fi
  kafka_topics "${create[@]}"
  echo "created: $topic (cleanup.policy=$policy)"
done < "$TOPICS_FILE"
