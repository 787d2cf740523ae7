/** Previews of inputs and results, safe to render however large the value is. */
export const PREVIEW_LIMIT = 20_000;

export interface Preview {
  text: string;
  /** Characters left out. */
  omitted: number;
}

/** Pretty JSON when the preview parses (and is small enough to re-indent), the raw text otherwise; cut at `limit`. */
export function previewText(raw: string | null, limit = PREVIEW_LIMIT): Preview | null {
  if (raw === null) return null;
  let text = raw;
  if (raw.length <= 200_000) {
    try {
      text = JSON.stringify(JSON.parse(raw), null, 2);
    } catch {
      // Not JSON (a string preview, or one already cut by the store): show it as it is.
    }
  }
  return text.length > limit ? { text: text.slice(0, limit), omitted: text.length - limit } : { text, omitted: 0 };
}

/** One line for a table cell: whitespace collapsed, cut at `max` characters. */
export function oneLine(raw: string, max = 120): string {
  const flat = raw.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
