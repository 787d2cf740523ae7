/**
 * The window's security decisions as pure functions, so tests check the very
 * values the app uses (no Electron binary needed): the Content-Security-Policy,
 * which URLs are the app, which IPC senders are trusted, and what happens to
 * navigations and window.open.
 */

/** Where the renderer comes from: the bundled files, or the dev server in development. */
export type AppOrigin = { kind: "file"; root: string } | { kind: "dev"; origin: string };

const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ["default-src", "'self'"],
  ["script-src", "'self'"],
  // Monaco and the canvas add <style> elements at run time; scripts stay strict.
  ["style-src", "'self' 'unsafe-inline'"],
  // Bundlers inline small icons as data: URLs.
  ["img-src", "'self' data:"],
  ["font-src", "'self'"],
  // The app talks to its host over IPC; in development 'self' also covers Vite's websocket.
  ["connect-src", "'self'"],
  // Monaco starts its language workers from blob: URLs.
  ["worker-src", "'self' blob:"],
  ["object-src", "'none'"],
  ["base-uri", "'none'"],
  ["form-action", "'none'"],
  // Only honoured as a header; a <meta> policy must leave it out (browsers ignore it and warn).
  ["frame-ancestors", "'none'"],
];

/** The policy, as a response header or, without frame-ancestors, as `<meta http-equiv="Content-Security-Policy">`. */
export function contentSecurityPolicy(options: { forMeta?: boolean } = {}): string {
  return DIRECTIVES.filter(([name]) => !(options.forMeta && name === "frame-ancestors"))
    .map(([name, value]) => `${name} ${value}`)
    .join("; ");
}

/** Response headers with our policy replacing any the server sent (in any letter case). */
export function withContentSecurityPolicy(headers: Record<string, string | string[]> | undefined): Record<string, string | string[]> {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== "content-security-policy");
  return { ...Object.fromEntries(kept), "Content-Security-Policy": [contentSecurityPolicy()] };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for pages of the app itself: a file inside the bundled renderer's folder, or the dev server's origin. */
export function isAppUrl(url: string, app: AppOrigin): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (app.kind === "dev") return parsed.origin === new URL(app.origin).origin;
  const root = new URL(app.root.endsWith("/") ? app.root : `${app.root}/`);
  // The URL parser has already resolved "..", so a prefix test on the path is enough.
  return parsed.protocol === "file:" && parsed.host === "" && parsed.pathname.startsWith(root.pathname);
}

export function isHttpUrl(url: string): boolean {
  const protocol = parse(url)?.protocol;
  return protocol === "http:" || protocol === "https:";
}

/** The frame an IPC message came from, as far as trust goes. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * An IPC sender is trusted when it is a top-level frame (an iframe, even of our
 * own page, is not) showing one of our pages. A null frame has navigated away or
 * gone, so nothing vouches for it.
 */
export function isTrustedFrame(frame: FrameLike | null | undefined, app: AppOrigin): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url, app);
}

export interface LinkDecision {
  allow: boolean;
  /** http(s) links go to the user's browser; anything else (file:, javascript:, custom schemes) is dropped. */
  openExternally: boolean;
}

/**
 * For will-navigate. In-app routing uses the history API, which never fires it,
 * so a navigation is a reload of our page (allowed), a link out, or an attack.
 */
export function decideNavigation(url: string, app: AppOrigin): LinkDecision {
  if (isAppUrl(url, app)) return { allow: true, openExternally: false };
  return { allow: false, openExternally: isHttpUrl(url) };
}

/** For setWindowOpenHandler (target=_blank, window.open): the app has one window, so never a new one. */
export function decideWindowOpen(url: string): LinkDecision {
  return { allow: false, openExternally: isHttpUrl(url) };
}
