/** Recently opened flows, newest first, kept in this browser profile (the desktop window has its own). */
const KEY = "flowbench.recent";
const MAX = 8;

export function recentFlows(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

export function rememberFlow(id: string): void {
  localStorage.setItem(KEY, JSON.stringify([id, ...recentFlows().filter((x) => x !== id)].slice(0, MAX)));
}

export function forgetFlow(id: string, renamedTo?: string): void {
  const list = recentFlows().map((x) => (x === id ? renamedTo : x)).filter((x): x is string => !!x);
  localStorage.setItem(KEY, JSON.stringify([...new Set(list)]));
}
