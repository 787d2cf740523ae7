/** The API contract shared by the host, its transports and the UI. */
export * from "./contract.ts";
export * from "./errors.ts";
export * from "./events.ts";
export * from "./records.ts";
export { createClient, type ApiClient } from "./client.ts";
export type { Transport } from "./transport.ts";
