/**
 * Migration 4: schedules and their slots, flow run policies, triggers and automations.
 * A slot's key is (schedule, slot time): it exists once, so it can fire once.
 * JSON columns hold what only the app reads whole (timing, spec, params, configs).
 */
export const SCHEDULES_MIGRATION = `
  CREATE TABLE schedules (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    flow_name TEXT NOT NULL,
    flow_id TEXT,
    file TEXT,
    runner TEXT NOT NULL,
    active INTEGER NOT NULL,
    timing TEXT NOT NULL,
    spec TEXT NOT NULL,
    params TEXT NOT NULL,
    catch_up TEXT NOT NULL,
    max_catch_up INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    planned_until INTEGER NOT NULL,
    -- When planning is due again (the first planned slot's time); NULL when nothing is left to plan.
    next_plan_at INTEGER
  );
  CREATE INDEX schedules_plan ON schedules (runner, next_plan_at) WHERE active = 1;
  CREATE INDEX schedules_flow ON schedules (flow_name);

  CREATE TABLE schedule_slots (
    schedule_id TEXT NOT NULL,
    slot_time INTEGER NOT NULL,
    run_id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (schedule_id, slot_time)
  ) WITHOUT ROWID;
  CREATE INDEX schedule_slots_status ON schedule_slots (status, slot_time);

  -- The scheduler's overlap check counts a flow's unfinished runs.
  CREATE INDEX flow_runs_flow_state ON flow_runs (flow_name, state_type) WHERE parent_flow_run_id IS NULL;

  CREATE TABLE flow_policies (
    flow_name TEXT PRIMARY KEY,
    overlap TEXT NOT NULL,
    max_concurrent_runs INTEGER,
    updated_at INTEGER NOT NULL
  );

  CREATE TABLE triggers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    flow_id TEXT NOT NULL,
    flow_name TEXT NOT NULL,
    active INTEGER NOT NULL,
    config TEXT NOT NULL,
    secret TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );

  CREATE TABLE automations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    active INTEGER NOT NULL,
    event TEXT NOT NULL,
    action TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );

  CREATE TABLE automation_firings (
    id TEXT PRIMARY KEY,
    automation_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    flow_name TEXT NOT NULL,
    state_type TEXT NOT NULL,
    state_name TEXT NOT NULL,
    fired_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    detail TEXT NOT NULL,
    UNIQUE (automation_id, run_id, state_type, state_name)
  );
  CREATE INDEX automation_firings_automation ON automation_firings (automation_id, fired_at);
  CREATE INDEX automation_firings_time ON automation_firings (fired_at);

  CREATE TABLE cursors (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  );
`;
