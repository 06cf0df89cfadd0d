{{/*
broker-service: the MQTT edge. Its listeners listen on fixed container ports (the Service maps them to the ports
devices use); its data folder (HiveMQ's generated config, the keystore converted from PEM) is an emptyDir, as it keeps
sessions in memory anyway; TLS key material comes from a kubernetes.io/tls Secret mounted as PEM files.
*/}}

{{/* Container port of each MQTT listener (the broker's defaults). */}}
{{- define "thingbus.brokerService.containerPorts" -}}
{{- dict "mqtt" 1883 "ws" 8083 "mqtts" 8883 "wss" 8084 | toJson }}
{{- end }}

{{/* The TLS Secret of the MQTTS and WSS listeners: tls.existingSecret, the cert-manager one, or empty. */}}
{{- define "thingbus.brokerService.tlsSecretName" -}}
{{- $tls := .Values.brokerService.tls }}
{{- if $tls.existingSecret }}
{{- $tls.existingSecret }}
{{- else if $tls.certManager.enabled }}
{{- printf "%s-tls" (include "thingbus.componentName" (dict "root" . "component" "broker")) }}
{{- end }}
{{- end }}

{{/* The listeners that open, by name, in the broker's order: the TLS ones only with key material. */}}
{{- define "thingbus.brokerService.openListeners" -}}
{{- $listeners := .Values.brokerService.listeners }}
{{- $hasTls := ne (include "thingbus.brokerService.tlsSecretName" .) "" }}
{{- $open := list }}
{{- range $name := list "mqtt" "ws" "mqtts" "wss" }}
{{- $tlsListener := has $name (list "mqtts" "wss") }}
{{- if and (get $listeners $name) (or $hasTls (not $tlsListener)) }}
{{- $open = append $open $name }}
{{- end }}
{{- end }}
{{- $open | toJson }}
{{- end }}

{{- define "thingbus.brokerService.tlsMountPath" -}}
/etc/thingbus/broker-tls
{{- end }}

{{- define "thingbus.brokerService.dataPath" -}}
/var/lib/thingbus/broker
{{- end }}

{{/* broker-service's environment: Kafka, its instance id (the pod name), listeners, TLS files, sessions. */}}
{{- define "thingbus.brokerService.env" -}}
{{- $broker := .Values.brokerService }}
{{- $open := include "thingbus.brokerService.openListeners" . | fromJsonArray }}
{{- $ports := include "thingbus.brokerService.containerPorts" . | fromJson }}
{{ include "thingbus.env.kafka" . }}
- name: THINGBUS_BROKER_INSTANCE_ID
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: THINGBUS_BROKER_DATA_DIR
  value: {{ include "thingbus.brokerService.dataPath" . | quote }}
{{- range $name := list "mqtt" "ws" "mqtts" "wss" }}
- name: {{ printf "THINGBUS_BROKER_%s_ENABLED" (upper $name) }}
  value: {{ has $name $open | quote }}
- name: {{ printf "THINGBUS_BROKER_%s_PORT" (upper $name) }}
  value: {{ get $ports $name | quote }}
{{- end }}
{{- if include "thingbus.brokerService.tlsSecretName" . }}
- name: THINGBUS_BROKER_TLS_CERTIFICATE_PATH
  value: {{ printf "%s/tls.crt" (include "thingbus.brokerService.tlsMountPath" .) | quote }}
- name: THINGBUS_BROKER_TLS_PRIVATE_KEY_PATH
  value: {{ printf "%s/tls.key" (include "thingbus.brokerService.tlsMountPath" .) | quote }}
{{- end }}
- name: THINGBUS_BROKER_SESSIONS_MAX_EXPIRY
  value: {{ $broker.sessions.maxExpiry | quote }}
- name: THINGBUS_BROKER_SESSIONS_MAX_QUEUED_MESSAGES
  value: {{ $broker.sessions.maxQueuedMessages | int64 | quote }}
{{- end }}

{{/* The open listeners as container ports. */}}
{{- define "thingbus.brokerService.ports" -}}
{{- $ports := include "thingbus.brokerService.containerPorts" . | fromJson }}
{{- range $name := include "thingbus.brokerService.openListeners" . | fromJsonArray }}
- name: {{ $name }}
  containerPort: {{ get $ports $name }}
  protocol: TCP
{{- end }}
{{- end }}

{{- define "thingbus.brokerService.volumes" -}}
- name: data
  emptyDir: {}
{{- with include "thingbus.brokerService.tlsSecretName" . }}
- name: tls
  secret:
    secretName: {{ . }}
{{- end }}
{{- end }}

{{- define "thingbus.brokerService.volumeMounts" -}}
- name: data
  mountPath: {{ include "thingbus.brokerService.dataPath" . }}
{{- if include "thingbus.brokerService.tlsSecretName" . }}
- name: tls
  mountPath: {{ include "thingbus.brokerService.tlsMountPath" . }}
  readOnly: true
{{- end }}
{{- end }}
