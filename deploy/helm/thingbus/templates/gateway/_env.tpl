{{/* The gateway's environment: Kafka (the API-key topic) and the in-cluster URL of every service with a REST slice. */}}
{{- define "thingbus.gateway.env" -}}
{{ include "thingbus.env.kafka" . }}
{{- range $component := list "device-service" "stream-service" "event-service" "command-service" "session-service" }}
- name: {{ printf "THINGBUS_GATEWAY_UPSTREAM_%s_URL" ($component | upper | replace "-" "_") }}
  value: {{ include "thingbus.httpUrl" (dict "root" $ "component" $component) | quote }}
{{- end }}
{{- end }}
