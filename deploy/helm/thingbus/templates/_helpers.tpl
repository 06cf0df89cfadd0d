{{/*
Shared helpers: names, labels, images, and where Kafka and PostgreSQL are. Every service template builds on these, so
a name or a connection string is written once in the chart.
*/}}

{{/* The chart name, or nameOverride. */}}
{{- define "thingbus.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* "<release>-thingbus", or the release name alone when it already contains the chart name, or fullnameOverride. */}}
{{- define "thingbus.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* "<chart>-<version>" for the helm.sh/chart label. */}}
{{- define "thingbus.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The name of one component's resources, e.g. "<fullname>-device-service". Takes (dict "root" $ "component" "..."). */}}
{{- define "thingbus.componentName" -}}
{{- printf "%s-%s" (include "thingbus.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that select one component's pods. Takes (dict "root" $ "component" "..."). */}}
{{- define "thingbus.selectorLabels" -}}
app.kubernetes.io/name: {{ include "thingbus.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Every label of one component's resources. Takes (dict "root" $ "component" "..."). */}}
{{- define "thingbus.labels" -}}
helm.sh/chart: {{ include "thingbus.chart" .root }}
{{ include "thingbus.selectorLabels" . }}
app.kubernetes.io/part-of: thingbus
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/* A Thingbus service image: [<image.registry>/]<repository>:<service tag, image.tag or appVersion>. Takes (dict "root" $ "image" <the service's image values>). */}}
{{- define "thingbus.image" -}}
{{- $tag := .image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion }}
{{- $registry := .root.Values.image.registry | trimSuffix "/" }}
{{- if $registry }}
{{- printf "%s/%s:%s" $registry .image.repository $tag }}
{{- else }}
{{- printf "%s:%s" .image.repository $tag }}
{{- end }}
{{- end }}

{{/* The pods' ServiceAccount. */}}
{{- define "thingbus.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "thingbus.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The container port every Thingbus service serves HTTP on: REST API, /q/health, /q/metrics, /q/openapi. */}}
{{- define "thingbus.httpPort" -}}
8080
{{- end }}

{{/* The in-cluster base URL of one service. Takes (dict "root" $ "component" "..."). */}}
{{- define "thingbus.httpUrl" -}}
{{- printf "http://%s:%s" (include "thingbus.componentName" .) (include "thingbus.httpPort" .root) }}
{{- end }}

{{/* ---------------------------------------------------------------------------------------------------------- */}}
{{/* Secrets                                                                                                     */}}
{{/* ---------------------------------------------------------------------------------------------------------- */}}

{{/* The Secret holding the admin key. */}}
{{- define "thingbus.adminKey.secretName" -}}
{{- default (printf "%s-admin-key" (include "thingbus.fullname" .)) .Values.adminKey.existingSecret }}
{{- end }}

{{/*
A random secret value that survives upgrades: on upgrade the value already in the Secret is reused (lookup), at
install a new one is made. lookup is not called at install so that `helm template` needs no cluster.
Takes (dict "root" $ "secret" <name> "key" <key> "length" <n>); returns the base64-encoded value.
*/}}
{{- define "thingbus.persistentRandom" -}}
{{- $existing := dict }}
{{- if .root.Release.IsUpgrade }}
{{- $existing = (lookup "v1" "Secret" .root.Release.Namespace .secret) | default dict }}
{{- end }}
{{- $data := get $existing "data" | default dict }}
{{- get $data .key | default (randAlphaNum .length | b64enc) }}
{{- end }}

{{/* ---------------------------------------------------------------------------------------------------------- */}}
{{/* Kafka                                                                                                       */}}
{{/* ---------------------------------------------------------------------------------------------------------- */}}

{{/* The bundled Kafka's Service (and StatefulSet) name. */}}
{{- define "thingbus.kafka.bundledName" -}}
{{- include "thingbus.componentName" (dict "root" . "component" "kafka") }}
{{- end }}

{{/* The apache/kafka image (bundled broker, topic Job). */}}
{{- define "thingbus.kafka.image" -}}
{{- printf "%s:%s" .Values.kafka.image.repository .Values.kafka.image.tag }}
{{- end }}

{{/* Where every Kafka client connects: the bundled broker or kafka.external.bootstrapServers. */}}
{{- define "thingbus.kafka.bootstrapServers" -}}
{{- if .Values.kafka.bundled.enabled }}
{{- printf "%s:9092" (include "thingbus.kafka.bundledName" .) }}
{{- else }}
{{- .Values.kafka.external.bootstrapServers }}
{{- end }}
{{- end }}

{{/* A Kafka client property as the services' environment variable: security.protocol -> KAFKA_SECURITY_PROTOCOL. */}}
{{- define "thingbus.kafka.envName" -}}
{{- printf "KAFKA_%s" (. | upper | replace "." "_" | replace "-" "_") }}
{{- end }}

{{/* Kafka connection of every service: bootstrap servers and kafka.clientConfig. */}}
{{- define "thingbus.env.kafka" -}}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ include "thingbus.kafka.bootstrapServers" . | quote }}
{{- range $property, $value := .Values.kafka.clientConfig }}
- name: {{ include "thingbus.kafka.envName" $property }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end }}

{{/* ---------------------------------------------------------------------------------------------------------- */}}
{{/* PostgreSQL                                                                                                  */}}
{{/* ---------------------------------------------------------------------------------------------------------- */}}

{{/* The bundled PostgreSQL's Service (and StatefulSet) name. */}}
{{- define "thingbus.postgresql.bundledName" -}}
{{- include "thingbus.componentName" (dict "root" . "component" "postgresql") }}
{{- end }}

{{/* The Secret holding the database password (bundled or external). */}}
{{- define "thingbus.postgresql.secretName" -}}
{{- if .Values.postgresql.bundled.enabled }}
{{- default (include "thingbus.postgresql.bundledName" .) .Values.postgresql.bundled.existingSecret }}
{{- else }}
{{- .Values.postgresql.external.existingSecret }}
{{- end }}
{{- end }}

{{/* The JDBC URL of the suite's database; each service sets its own schema (currentSchema) itself. */}}
{{- define "thingbus.postgresql.jdbcUrl" -}}
{{- if .Values.postgresql.bundled.enabled }}
{{- printf "jdbc:postgresql://%s:5432/%s" (include "thingbus.postgresql.bundledName" .) .Values.postgresql.bundled.database }}
{{- else }}
{{- $pg := .Values.postgresql.external }}
{{- $url := printf "jdbc:postgresql://%s:%d/%s" $pg.host (int $pg.port) $pg.database }}
{{- if $pg.jdbcParameters }}
{{- $url = printf "%s?%s" $url $pg.jdbcParameters }}
{{- end }}
{{- $url }}
{{- end }}
{{- end }}

{{/* Database connection of the services with a schema: URL, user, and the password from its Secret. */}}
{{- define "thingbus.env.postgresql" -}}
- name: QUARKUS_DATASOURCE_JDBC_URL
  value: {{ include "thingbus.postgresql.jdbcUrl" . | quote }}
{{- if .Values.postgresql.bundled.enabled }}
- name: QUARKUS_DATASOURCE_USERNAME
  value: {{ .Values.postgresql.bundled.username | quote }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "thingbus.postgresql.secretName" . }}
      key: password
{{- else }}
- name: QUARKUS_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ include "thingbus.postgresql.secretName" . }}
      key: {{ .Values.postgresql.external.usernameKey }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "thingbus.postgresql.secretName" . }}
      key: {{ .Values.postgresql.external.passwordKey }}
{{- end }}
{{- end }}

{{/* What every service with a database schema needs: Kafka and PostgreSQL. */}}
{{- define "thingbus.env.kafkaAndPostgresql" -}}
{{ include "thingbus.env.kafka" . }}
{{ include "thingbus.env.postgresql" . }}
{{- end }}
