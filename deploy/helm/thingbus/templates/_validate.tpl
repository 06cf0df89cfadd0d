{{/*
Combinations of values that cannot work, each stopped with a message that says what to set. values.schema.json checks
types, ranges and unknown keys; these checks need more than one value.
*/}}
{{- define "thingbus.validate" -}}
{{- include "thingbus.validate.kafka" . }}
{{- include "thingbus.validate.postgresql" . }}
{{- include "thingbus.validate.broker" . }}
{{- include "thingbus.validate.ingress" . }}
{{- end }}

{{- define "thingbus.validate.kafka" -}}
{{- $kafka := .Values.kafka }}
{{- if and $kafka.bundled.enabled $kafka.external.bootstrapServers }}
{{- fail "kafka: choose one Kafka — either kafka.bundled.enabled=true or kafka.external.bootstrapServers, not both" }}
{{- end }}
{{- if not (or $kafka.bundled.enabled $kafka.external.bootstrapServers) }}
{{- fail "kafka: no Kafka — set kafka.bundled.enabled=true or kafka.external.bootstrapServers" }}
{{- end }}
{{- if hasKey $kafka.clientConfig "bootstrap.servers" }}
{{- fail "kafka.clientConfig: bootstrap.servers is not a client property here — set kafka.external.bootstrapServers" }}
{{- end }}
{{- end }}

{{- define "thingbus.validate.postgresql" -}}
{{- $pg := .Values.postgresql }}
{{- if and $pg.bundled.enabled $pg.external.host }}
{{- fail "postgresql: choose one database — either postgresql.bundled.enabled=true or postgresql.external.host, not both" }}
{{- end }}
{{- if not (or $pg.bundled.enabled $pg.external.host) }}
{{- fail "postgresql: no database — set postgresql.bundled.enabled=true or postgresql.external.host" }}
{{- end }}
{{- if contains "currentSchema" $pg.external.jdbcParameters }}
{{- fail "postgresql.external.jdbcParameters: leave currentSchema out — each service sets its own schema" }}
{{- end }}
{{- if and $pg.external.host (not $pg.external.existingSecret) }}
{{- fail "postgresql.external.existingSecret is required with an external database: a Secret with the user name and password (keys postgresql.external.usernameKey and passwordKey)" }}
{{- end }}
{{- end }}

{{- define "thingbus.validate.broker" -}}
{{- $broker := .Values.brokerService }}
{{- if eq (include "thingbus.brokerService.openListeners" . | fromJsonArray | len) 0 }}
{{- fail "brokerService.listeners: no MQTT listener would open — enable mqtt or ws, or mqtts/wss with brokerService.tls" }}
{{- end }}
{{- if and $broker.tls.existingSecret $broker.tls.certManager.enabled }}
{{- fail "brokerService.tls: choose one — tls.existingSecret or tls.certManager.enabled, not both" }}
{{- end }}
{{- if and $broker.tls.certManager.enabled (not $broker.tls.certManager.issuerRef.name) }}
{{- fail "brokerService.tls.certManager.issuerRef.name is required when tls.certManager.enabled" }}
{{- end }}
{{- if and $broker.tls.certManager.enabled (not $broker.tls.certManager.dnsNames) }}
{{- fail "brokerService.tls.certManager.dnsNames is required when tls.certManager.enabled: the host names devices connect to" }}
{{- end }}
{{- end }}

{{- define "thingbus.validate.ingress" -}}
{{- $ingress := .Values.gateway.ingress }}
{{- if and $ingress.enabled $ingress.tls.enabled (not $ingress.tls.secretName) }}
{{- fail "gateway.ingress.tls.secretName is required when gateway.ingress.tls.enabled" }}
{{- end }}
{{- end }}
