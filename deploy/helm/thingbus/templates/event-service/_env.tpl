{{/* event-service's environment: Kafka, its schema "event", and the SMTP server notification mails go through. */}}
{{- define "thingbus.eventService.env" -}}
{{ include "thingbus.env.kafkaAndPostgresql" . }}
{{- $smtp := .Values.eventService.smtp }}
{{- if $smtp.host }}
- name: QUARKUS_MAILER_HOST
  value: {{ $smtp.host | quote }}
- name: QUARKUS_MAILER_PORT
  value: {{ $smtp.port | quote }}
- name: QUARKUS_MAILER_FROM
  value: {{ $smtp.from | quote }}
- name: QUARKUS_MAILER_TLS
  value: {{ $smtp.tls | quote }}
- name: QUARKUS_MAILER_START_TLS
  value: {{ $smtp.startTls | quote }}
{{- with $smtp.existingSecret }}
- name: QUARKUS_MAILER_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $smtp.usernameKey }}
- name: QUARKUS_MAILER_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $smtp.passwordKey }}
{{- end }}
{{- end }}
{{- end }}
