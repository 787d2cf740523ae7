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
  return `${taskName}-${id.slice(0, 6)}`;
}

export function newId(): string {
  return globalThis.crypto.randomUUID();
}
