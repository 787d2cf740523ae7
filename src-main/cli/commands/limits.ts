import type { ConcurrencyLimit, RunStore } from "../../../shared/store/types.ts";
import { CliError } from "../errors.ts";
import { table, timestamp } from "../format.ts";

/** Tag concurrency limits: `flowbench limit ls | set <tag> <n> | rm <tag>`. */

function limitsOf(store: RunStore): Required<Pick<RunStore, "listConcurrencyLimits" | "setConcurrencyLimit">> {
  if (!store.listConcurrencyLimits || !store.setConcurrencyLimit) throw new CliError(`The ${store.kind} history store has no concurrency limits`);
  return { listConcurrencyLimits: store.listConcurrencyLimits.bind(store), setConcurrencyLimit: store.setConcurrencyLimit.bind(store) };
}

export function parseTag(text: string): string {
  const tag = text.trim();
  if (tag === "") throw new CliError("The tag must not be empty", 2);
  return tag;
}

export function parseLimitValue(text: string): number {
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new CliError(`The limit must be a positive whole number, not '${text}'`, 2);
  return n;
}

export async function limitList(store: RunStore, options: { json?: boolean }): Promise<void> {
  const limits = await limitsOf(store).listConcurrencyLimits();
  if (options.json) {
    process.stdout.write(JSON.stringify(limits) + "\n");
    return;
  }
  if (limits.length === 0) {
    process.stdout.write("No concurrency limits. Set one with: flowbench limit set <tag> <n>\n");
    return;
  }
  const rows = limits.map((l) => [l.tag, String(l.limit), `${l.holders.length}/${l.limit}`, holdersText(l), timestamp(l.updatedAt)]);
  process.stdout.write(table(["TAG", "LIMIT", "ACTIVE", "HELD BY", "UPDATED"], rows) + "\n");
}

export async function limitSet(store: RunStore, tagText: string, limitText: string): Promise<void> {
  const tag = parseTag(tagText);
  const limit = parseLimitValue(limitText);
  await limitsOf(store).setConcurrencyLimit(tag, limit);
  process.stdout.write(`Tag '${tag}': at most ${limit} task run${limit === 1 ? "" : "s"} at once\n`);
}

export async function limitRemove(store: RunStore, tagText: string): Promise<void> {
  const tag = parseTag(tagText);
  const limits = limitsOf(store);
  if (!(await limits.listConcurrencyLimits()).some((l) => l.tag === tag)) throw new CliError(`No concurrency limit on tag '${tag}' (list them with: flowbench limit ls)`);
  await limits.setConcurrencyLimit(tag, null);
  process.stdout.write(`Removed the concurrency limit of tag '${tag}'\n`);
}

function holdersText(limit: ConcurrencyLimit): string {
  if (limit.holders.length === 0) return "-";
  const shown = limit.holders.slice(0, 3).map((h) => h.taskRunId);
  return shown.join(", ") + (limit.holders.length > shown.length ? `, +${limit.holders.length - shown.length}` : "");
}
