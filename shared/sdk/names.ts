const ADJECTIVES = "amber brave calm daring eager fancy gentle happy icy jolly keen lively mellow nimble olive proud quick rapid silent tidy upbeat vivid witty young zesty bold crisp dusty fuzzy golden".split(" ");
const NOUNS = "otter falcon badger lynx heron koala marten newt osprey panda quail raven salmon tapir urchin viper walrus yak zebra bison crane dingo egret ferret gecko ibis jackal lemur moose".split(" ");

function pick(list: readonly string[]): string {
  return list[Math.floor(Math.random() * list.length)] ?? "run";
}

/** Memorable names for flow runs, as Prefect gives them. */
export function flowRunName(): string {
  return `${pick(ADJECTIVES)}-${pick(NOUNS)}`;
}

/** Task run names: the task's name plus a short suffix unique enough to tell siblings apart. */
export function taskRunName(taskName: string, id: string): string {
  return `${taskName}-${id.slice(-6)}`;
}

let lastMs = -1;
let lastPrefix = "";

/**
 * A UUIDv7: the time in ms up front, then random bits. Ids made close in time sort
 * close together, so indexes on them grow at their end instead of at random pages.
 */
export function newId(now = Date.now()): string {
  if (now !== lastMs) {
    const t = now.toString(16).padStart(12, "0").slice(-12);
    lastPrefix = `${t.slice(0, 8)}-${t.slice(8)}-7`;
    lastMs = now;
  }
  // randomUUID is native and fast; keep its random tail and variant bits.
  return lastPrefix + globalThis.crypto.randomUUID().slice(15);
}
