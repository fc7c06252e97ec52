{{/* Chart name, overridable. */}}
{{- define "pfs.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name of the release's resources: the release name, with the chart name unless it already holds it. */}}
{{- define "pfs.fullname" -}}
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

{{- define "pfs.selectorLabels" -}}
app.kubernetes.io/name: {{ include "pfs.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "pfs.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "pfs.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "pfs.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "pfs.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "pfs.leaseName" -}}
{{- default (include "pfs.fullname" .) .Values.leaderElection.leaseName }}
{{- end }}

{{- define "pfs.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/*
What the operator does with the Kubernetes API, and nothing more: it reads and updates its stores
(finalizer, status), records Events, and keeps each store's generated signing key in a Secret the
store owns (the finalizers subresource lets it set that owner reference with blockOwnerDeletion).
*/}}
{{- define "pfs.operatorRules" -}}
- apiGroups: [protectedfiles.io]
  resources: [protectedfilestores]
  verbs: [get, list, watch, patch, update]
- apiGroups: [protectedfiles.io]
  resources: [protectedfilestores/status]
  verbs: [get, patch, update]
- apiGroups: [protectedfiles.io]
  resources: [protectedfilestores/finalizers]
  verbs: [update]
- apiGroups: [""]
  resources: [events]
  verbs: [create, patch]
- apiGroups: [""]
  resources: [secrets]
  verbs: [get, list, watch, create, update, patch, delete]
{{- end }}
