{{/*
The shape every Thingbus service shares: a Deployment of one Quarkus application, its ClusterIP Service for HTTP
(REST API, /q/health, /q/metrics), and an optional PodDisruptionBudget. A service's own folder passes only what is
its own: environment, extra ports, extra volumes.
*/}}

{{/*
A service's Deployment. Takes a dict:
  root          $
  component     the service's name, e.g. "device-service" (also the container name)
  values        the service's values (.Values.deviceService)
  env           the service's own environment variables, a YAML list as text (may be empty)
  ports         extra container ports, a YAML list as text (may be empty)
  volumes       extra volumes, a YAML list as text (may be empty)
  volumeMounts  extra volume mounts, a YAML list as text (may be empty)
*/}}
{{- define "thingbus.deployment" -}}
{{- $root := .root }}
{{- $svc := .values }}
{{- $context := dict "root" $root "component" .component }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "thingbus.componentName" $context }}
  labels:
    {{- include "thingbus.labels" $context | nindent 4 }}
spec:
  replicas: {{ $svc.replicas }}
  selector:
    matchLabels:
      {{- include "thingbus.selectorLabels" $context | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "thingbus.labels" $context | nindent 8 }}
      {{- if or $svc.podAnnotations $root.Values.metrics.scrapeAnnotations }}
      annotations:
        {{- if $root.Values.metrics.scrapeAnnotations }}
        prometheus.io/scrape: "true"
        prometheus.io/path: /q/metrics
        prometheus.io/port: {{ include "thingbus.httpPort" $root | quote }}
        {{- end }}
        {{- with $svc.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- end }}
    spec:
      serviceAccountName: {{ include "thingbus.serviceAccountName" $root }}
      automountServiceAccountToken: false
      {{- with $root.Values.image.pullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: 30
      containers:
        - name: {{ .component }}
          image: {{ include "thingbus.image" (dict "root" $root "image" $svc.image) | quote }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          securityContext:
            {{- toYaml $root.Values.containerSecurityContext | nindent 12 }}
          ports:
            - name: http
              containerPort: {{ include "thingbus.httpPort" $root }}
              protocol: TCP
            {{- with .ports }}
            {{- . | trim | nindent 12 }}
            {{- end }}
          env:
            - name: QUARKUS_HTTP_PORT
              value: {{ include "thingbus.httpPort" $root | quote }}
            {{- with .env }}
            {{- . | trim | nindent 12 }}
            {{- end }}
            {{- with $svc.jvmOptions }}
            - name: JDK_JAVA_OPTIONS
              value: {{ . | quote }}
            {{- end }}
            {{- with $root.Values.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
            {{- with $svc.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          startupProbe:
            httpGet:
              path: /q/health/live
              port: http
            periodSeconds: {{ $root.Values.probes.startup.periodSeconds }}
            failureThreshold: {{ $root.Values.probes.startup.failureThreshold }}
          livenessProbe:
            httpGet:
              path: /q/health/live
              port: http
            periodSeconds: {{ $root.Values.probes.liveness.periodSeconds }}
            timeoutSeconds: {{ $root.Values.probes.liveness.timeoutSeconds }}
            failureThreshold: {{ $root.Values.probes.liveness.failureThreshold }}
          readinessProbe:
            httpGet:
              path: /q/health/ready
              port: http
            periodSeconds: {{ $root.Values.probes.readiness.periodSeconds }}
            timeoutSeconds: {{ $root.Values.probes.readiness.timeoutSeconds }}
            failureThreshold: {{ $root.Values.probes.readiness.failureThreshold }}
          {{- with $svc.resources }}
          resources:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- with .volumeMounts }}
            {{- . | trim | nindent 12 }}
            {{- end }}
      volumes:
        - name: tmp
          emptyDir: {}
        {{- with .volumes }}
        {{- . | trim | nindent 8 }}
        {{- end }}
      {{- with $svc.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $svc.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $svc.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}

{{/* A service's ClusterIP Service on its HTTP port. Takes (dict "root" $ "component" "..."). */}}
{{- define "thingbus.httpService" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "thingbus.componentName" . }}
  labels:
    {{- include "thingbus.labels" . | nindent 4 }}
    thingbus.io/http: "true"
spec:
  type: ClusterIP
  selector:
    {{- include "thingbus.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ include "thingbus.httpPort" .root }}
      targetPort: http
      protocol: TCP
{{- end }}

{{/* A service's PodDisruptionBudget when podDisruptionBudget.enabled. Takes (dict "root" $ "component" "..."). */}}
{{- define "thingbus.podDisruptionBudget" -}}
{{- if .root.Values.podDisruptionBudget.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "thingbus.componentName" . }}
  labels:
    {{- include "thingbus.labels" . | nindent 4 }}
spec:
  maxUnavailable: {{ .root.Values.podDisruptionBudget.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "thingbus.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end }}

{{/*
A NetworkPolicy that lets only the gateway (and networkPolicy.allowedFrom) reach a service's HTTP port: the services
trust the tenant header the gateway sets. Takes (dict "root" $ "component" "...").
*/}}
{{- define "thingbus.gatewayOnlyPolicy" -}}
{{- if .root.Values.networkPolicy.enabled }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "thingbus.componentName" . }}
  labels:
    {{- include "thingbus.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "thingbus.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
  ingress:
    - from:
        - podSelector:
            matchLabels:
              {{- include "thingbus.selectorLabels" (dict "root" .root "component" "gateway") | nindent 14 }}
        {{- with .root.Values.networkPolicy.allowedFrom }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      ports:
        - port: http
          protocol: TCP
{{- end }}
{{- end }}
