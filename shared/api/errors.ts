/**
 * Errors cross every transport as data: `{ ok: false, error: { code, message, details } }`.
 * The UI shows `message`; `code` says what kind of failure it was, and whether trying again can help.
 */
import { z } from "zod";

export const API_ERROR_CODES = [
  "bad-request",
  "invalid-input",
  "unknown-method",
  "not-found",
  "conflict",
  "graph-invalid",
  "unauthorized",
  "forbidden",
  "too-large",
  "unavailable",
  "internal",
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The HTTP status each code travels with. */
export const HTTP_STATUS: Record<ApiErrorCode, number> = {
  "bad-request": 400,
  "invalid-input": 400,
  "unknown-method": 404,
  "not-found": 404,
  conflict: 409,
  "graph-invalid": 422,
  unauthorized: 401,
  forbidden: 403,
  "too-large": 413,
  unavailable: 503,
  internal: 500,
};

export const apiErrorBodySchema = z.object({ code: z.enum(API_ERROR_CODES), message: z.string(), details: z.unknown().optional() });
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };
export const envelopeSchema = z.union([z.object({ ok: z.literal(true), result: z.unknown() }), z.object({ ok: z.literal(false), error: apiErrorBodySchema })]);

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly details: unknown;
  constructor(code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.details = details;
  }

  toBody(): ApiErrorBody {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details };
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.details);
  }
}

/** zod's issues as one readable line, naming each field: "flowId: must be ...; params: ...". */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => (i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message)).join("; ");
}
