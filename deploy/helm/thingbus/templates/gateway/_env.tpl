{{/* The gateway's environment: Kafka (the API-key topic) and the in-cluster URL of every service with a REST slice. */}}
{{- define "thingbus.gateway.env" -}}
{{ include "thingbus.env.kafka" . }}
{{- range $component := list "device-service" "stream-service" "event-service" "command-service" "session-service" }}
- name: {{ printf "THINGBUS_GATEWAY_UPSTREAM_%s_URL" ($component | upper | replace "-" "_") }}
  value: {{ include "thingbus.httpUrl" (dict "root" $ "component" $component) | quote }}
{{- end }}
{{- with include "thingbus.gateway.publicUrl" . }}
- name: THINGBUS_GATEWAY_PUBLIC_URL
  value: {{ . | quote }}
{{- end }}
{{- end }}

{{/*
The URL callers reach the REST API at (the `servers` of GET /openapi): gateway.publicUrl, else the Ingress's host
(https when the Ingress terminates TLS) and path; empty without either (the document then names "/").
*/}}
{{- define "thingbus.gateway.publicUrl" -}}
{{- $ingress := .Values.gateway.ingress -}}
{{- if .Values.gateway.publicUrl -}}
{{- .Values.gateway.publicUrl -}}
{{- else if and $ingress.enabled $ingress.host (not (hasPrefix "*" $ingress.host)) -}}
{{- printf "%s://%s%s" (ternary "https" "http" $ingress.tls.enabled) $ingress.host (trimSuffix "/" $ingress.path) -}}
{{- end -}}
{{- end }}
