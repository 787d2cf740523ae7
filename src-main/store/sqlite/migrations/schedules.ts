/** Migration 4: schedules, their slots, flow run policies, triggers and automations. Filled in by the scheduler work. */
export const SCHEDULES_MIGRATION = `
  SELECT 1;
`;
