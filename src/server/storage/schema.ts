/**
 * Table shapes as Kysely sees them. Only portable column types: text for ids, dates and JSON,
 * integer/bigint for numbers, no booleans (SQLite has none). Dates are ISO strings so they sort
 * and compare the same way in SQLite and PostgreSQL.
 *
 * Every table the device pulls has `partnership_id` (so a pull is one indexed scan per table,
 * scoped to the user's partnerships) and `version`: a number from one counter, taken inside the
 * writing transaction, that pull cursors compare against.
 */
/** An entry of a partnership's list; name_key is the name as compared (listNameKey), unique in its partnership. */
export interface ListEntryRow {
  id: string;
  partnership_id: string;
  name: string;
  name_key: string;
  retired: number;
  version: number;
}

export interface Database {
  sync_counter: { id: number; value: number };
  partnerships: {
    id: string;
    name: string;
    version: number;
    /** What prints on reports and whom the public pages name (0014-partnership-details). */
    protective_marking: string;
    contact_email: string;
    contact_phone: string;
    data_controller: string;
  };
  /** A partnership's areas and partner organisations (0013-partnership-lists): the same shape. */
  areas: ListEntryRow;
  organisations: ListEntryRow;
  users: {
    id: string;
    email: string;
    name: string;
    password_hash: string;
    active: number;
    created_at: string;
    /** 1 while the user still has the temporary password a coordinator was given (0010-member-admin). */
    must_change_password: number;
  };
  memberships: { user_id: string; partnership_id: string; role: string; job_title: string };
  sessions: {
    token_hash: string;
    user_id: string;
    created_at: string;
    last_seen_at: string;
    idle_expires_at: string;
    absolute_expires_at: string;
  };
  plans: {
    id: string;
    partnership_id: string;
    title: string;
    period_start: string;
    period_end: string;
    version: number;
  };
  objectives: { id: string; partnership_id: string; plan_id: string; position: number; title: string; version: number };
  priorities: {
    id: string;
    partnership_id: string;
    plan_id: string;
    objective_id: string;
    position: number;
    name: string;
    version: number;
  };
  indicators: {
    id: string;
    partnership_id: string;
    plan_id: string;
    objective_id: string;
    priority_id: string | null;
    position: number;
    text: string;
    version: number;
  };
  actions: {
    id: string;
    partnership_id: string;
    plan_id: string;
    priority_id: string;
    ref: string | null;
    position: number;
    text: string;
    lead_agencies_json: string;
    due_on: string | null;
    see_also_json: string;
    owner_ids_json: string;
    version: number;
  };
  measures: {
    id: string;
    partnership_id: string;
    plan_id: string;
    action_id: string;
    position: number;
    text: string;
    tally_json: string;
    version: number;
  };
  outcomes: {
    id: string;
    partnership_id: string;
    action_id: string;
    outcome_type: string;
    details_json: string;
    author_id: string;
    device_id: string;
    occurred_on: string;
    town: string | null;
    area_id: string | null;
    location_json: string | null;
    place_id: string | null;
    notes: string;
    recorded_at: string;
    received_at: string;
    version: number;
    deleted_at: string | null;
    field_versions_json: string;
  };
  outcome_history: {
    id: string;
    outcome_id: string;
    partnership_id: string;
    version: number;
    kind: string;
    field: string | null;
    from_json: string;
    to_json: string;
    conflict: number;
    actor_id: string;
    at: string;
  };
  places: {
    id: string;
    partnership_id: string;
    kind: string;
    name: string;
    town: string;
    address: string | null;
    point_json: string | null;
    status: string;
    joined_on: string;
    recorded_at: string;
    created_by: string;
    updated_at: string;
    version: number;
  };
  photos: {
    id: string;
    outcome_id: string;
    partnership_id: string;
    uploaded_by: string;
    mime: string;
    bytes: number;
    width: number;
    height: number;
    sha256: string;
    /** The image itself: a blob in SQLite, bytea in PostgreSQL; both drivers give a Buffer. */
    data: Buffer;
    uploaded_at: string;
  };
  plan_removals: {
    id: string;
    partnership_id: string;
    plan_id: string;
    record_table: string;
    merged_into: string | null;
    removed_by: string;
    removed_at: string;
    version: number;
  };
  action_reviews: {
    id: string;
    partnership_id: string;
    plan_id: string;
    action_id: string;
    quarter_start: string;
    rag: string | null;
    commentary: string;
    remedial_action: string;
    updated_at: string;
    updated_by: string;
    version: number;
  };
  fund_returns: {
    id: string;
    partnership_id: string;
    plan_id: string;
    doc_json: string;
    updated_at: string;
    updated_by: string;
    version: number;
  };
  quarter_sign_offs: {
    id: string;
    partnership_id: string;
    plan_id: string;
    quarter_start: string;
    quarter_end: string;
    signed_off_at: string;
    signed_off_by: string;
    reopened_at: string | null;
    version: number;
  };
  devices: { id: string; user_id: string; last_seq: number; created_at: string; last_seen_at: string };
  sign_in_throttle: { key: string; failures: number; window_started_at: string; blocked_until: string | null };
  audit_log: {
    id: string;
    /** Orders entries (ISO times can tie); from the same counter as sync versions. */
    seq: number;
    partnership_id: string | null;
    actor_id: string | null;
    action: string;
    entity_type: string;
    entity_id: string | null;
    at: string;
    details_json: string;
  };
  sync_rejections: {
    id: string;
    device_id: string;
    user_id: string;
    seq: number;
    kind: string;
    code: string;
    message: string;
    args_json: string;
    created_at: string;
  };
}
