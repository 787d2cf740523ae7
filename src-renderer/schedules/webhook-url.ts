/** A webhook trigger's full URL, as a caller POSTs to it. */
import type { TriggerRecord } from "../../shared/schedule/records.ts";

/** The app's origin when served over HTTP; null in the desktop window (file://), which has none to show. */
export function appOrigin(location: Pick<Location, "protocol" | "origin">): string | null {
  return location.protocol === "http:" || location.protocol === "https:" ? location.origin : null;
}

/** `<origin>/hooks/<id>/<secret>`, or the path alone when there is no origin; null for other triggers. */
export function webhookUrl(origin: string | null, trigger: Pick<TriggerRecord, "id" | "secret" | "config">): string | null {
  if (trigger.config.kind !== "webhook" || !trigger.secret) return null;
  const path = `/hooks/${encodeURIComponent(trigger.id)}/${encodeURIComponent(trigger.secret)}`;
  return origin ? `${origin.replace(/\/+$/, "")}${path}` : path;
}
