{{/* device-service's environment: Kafka, its schema "device", and the admin key (it is the only service that reads it). */}}
{{- define "thingbus.deviceService.env" -}}
{{ include "thingbus.env.kafkaAndPostgresql" . }}
- name: THINGBUS_ADMIN_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "thingbus.adminKey.secretName" . }}
      key: {{ .Values.adminKey.secretKey }}
{{- end }}
