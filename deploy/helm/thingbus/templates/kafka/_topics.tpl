{{/*
The suite's Kafka topics and their cleanup policy, as contracts/src/main/java/io/thingbus/contracts/Topics.java
defines them (Topics.ALL; compacted there = "compact" here). ChartInfrastructureTest fails when the two differ: change both
together. One "<topic> <cleanup.policy>" line per topic.
*/}}
{{- define "thingbus.kafka.topics" -}}
thingbus.telemetry.v1 delete
thingbus.device-credentials.v1 compact
thingbus.api-keys.v1 compact
thingbus.devices.v1 compact
thingbus.channels.v1 compact
thingbus.lifecycle.v1 delete
thingbus.downlink.v1 delete
thingbus.attributes.v1 delete
thingbus.device-requests.v1 delete
thingbus.device-claims.v1 compact
thingbus.alerts.v1 delete
{{- end }}
