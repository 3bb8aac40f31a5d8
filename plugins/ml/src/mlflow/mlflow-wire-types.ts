// MLflow REST API 2.0 objects as MLflow sends them (snake_case); every field optional, as the
// protobuf JSON mapping omits defaults.

export interface WireTag {
  key: string;
  value: string;
}

export interface WireExperiment {
  experiment_id: string;
  name: string;
  artifact_location?: string;
  lifecycle_stage?: string;
  last_update_time?: number | string;
  tags?: WireTag[];
}

export interface WireMetric {
  key: string;
  value: number;
  timestamp?: number | string;
  step?: number | string;
}

export interface WireRun {
  info: { run_id?: string; run_uuid?: string; run_name?: string; experiment_id: string; user_id?: string; status?: string; start_time?: number | string; end_time?: number | string };
  data?: { metrics?: WireMetric[]; params?: WireTag[]; tags?: WireTag[] };
}

export interface WireModelVersion {
  name: string;
  version: string | number;
  current_stage?: string;
  status?: string;
  source?: string;
  run_id?: string;
  aliases?: string[];
  description?: string;
  creation_timestamp?: number | string;
  tags?: WireTag[];
}

export interface WireRegisteredModel {
  name: string;
  description?: string;
  aliases?: Array<{ alias: string; version: string | number }>;
  tags?: WireTag[];
  last_updated_timestamp?: number | string;
}

/** The bodies of the answers the client reads, by the fields it reads. */
export interface WireAnswer {
  experiments?: WireExperiment[];
  experiment?: WireExperiment;
  runs?: WireRun[];
  run?: WireRun;
  metrics?: WireMetric[];
  registered_models?: WireRegisteredModel[];
  registered_model?: WireRegisteredModel;
  model_versions?: WireModelVersion[];
  model_version?: WireModelVersion;
  next_page_token?: string;
}
