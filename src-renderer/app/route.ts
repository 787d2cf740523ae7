/**
 * Hash routes, so the same build works from `flowbench server` and from a
 * file:// page in the desktop window: `#/` (flows), `#/flows/<id>`, `#/new`,
 * `#/runs` (with filters as a query), `#/runs/<id>`, `#/dashboard`, `#/automations`.
 */
import { useSyncExternalStore } from "react";

export type Route =
  | { page: "home" }
  | { page: "editor"; flowId: string }
  | { page: "new" }
  | { page: "runs"; query?: string }
  | { page: "run"; runId: string }
  | { page: "dashboard" }
  | { page: "automations" };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "");
  const flow = /^\/flows\/(.+)$/.exec(path);
  if (flow) return { page: "editor", flowId: decodeURIComponent(flow[1]!) };
  if (path === "/new") return { page: "new" };
  const run = /^\/runs\/([^/?]+)$/.exec(path);
  if (run) return { page: "run", runId: decodeURIComponent(run[1]!) };
  const runs = /^\/runs(?:\?(.*))?$/.exec(path);
  if (runs) return runs[1] ? { page: "runs", query: runs[1] } : { page: "runs" };
  if (path === "/dashboard") return { page: "dashboard" };
  if (path === "/automations") return { page: "automations" };
  return { page: "home" };
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case "home":
      return "#/";
    case "new":
      return "#/new";
    case "editor":
      return `#/flows/${route.flowId.split("/").map(encodeURIComponent).join("/")}`;
    case "runs":
      return route.query ? `#/runs?${route.query}` : "#/runs";
    case "run":
      return `#/runs/${encodeURIComponent(route.runId)}`;
    case "dashboard":
      return "#/dashboard";
    case "automations":
      return "#/automations";
  }
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, "", hrefFor(route));
  else location.hash = hrefFor(route);
  if (options.replace) window.dispatchEvent(new HashChangeEvent("hashchange"));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

let lastHash = "";
let lastRoute: Route = { page: "home" };
function snapshot(): Route {
  if (location.hash !== lastHash) {
    lastHash = location.hash;
    lastRoute = parseRoute(lastHash);
  }
  return lastRoute;
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot);
}
