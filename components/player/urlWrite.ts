/**
 * The address bar follows the player, written a moment after the last change: a clicker
 * pressed five times writes the history entry once (each write copies the router's state, a
 * cost on a slow phone). Anything that reads the URL to leave the page calls `flushUrl` first;
 * leaving the page flushes too.
 */
const DELAY_MS = 200;
let pending: string | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function write() {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  const next = pending;
  pending = null;
  if (next === null || next === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
  window.history.replaceState(window.history.state, '', next);
}

/** Sets the URL (path, query and hash) soon; a later call before then replaces this one. */
export function scheduleUrl(next: string): void {
  pending = next;
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(write, DELAY_MS);
}

/** Writes a scheduled URL now. */
export function flushUrl(): void {
  if (pending !== null) write();
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', flushUrl);
