import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

/** A stand-in for the browser's location and history: records every history write. */
function fakeWindow(start: string) {
  const url = new URL(start, 'http://x');
  const writes: string[] = [];
  const listeners = new Map<string, () => void>();
  const win = {
    location: {
      get pathname() {
        return url.pathname;
      },
      get search() {
        return url.search;
      },
      get hash() {
        return url.hash;
      },
    },
    history: {
      state: { __NA: true },
      replaceState(_s: unknown, _t: string, next: string) {
        writes.push(next);
        const u = new URL(next, 'http://x');
        url.pathname = u.pathname;
        url.search = u.search;
        url.hash = u.hash;
      },
    },
    addEventListener: (type: string, f: () => void) => listeners.set(type, f),
  };
  return { win, writes, fire: (type: string) => listeners.get(type)?.() };
}

describe('the address bar follows the player, written once a burst of steps ends', () => {
  let env: ReturnType<typeof fakeWindow>;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.resetModules();
    env = fakeWindow('/ko/tcp-connection');
    vi.stubGlobal('window', env.win);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  test('five steps in quick succession write the history entry once, with the last step', async () => {
    const { scheduleUrl } = await import('./urlWrite');
    for (let s = 2; s <= 6; s++) {
      scheduleUrl(`/ko/tcp-connection?step=${s}`);
      vi.advanceTimersByTime(50);
    }
    expect(env.writes).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(env.writes).toEqual(['/ko/tcp-connection?step=6']);
  });

  test('flushUrl writes a pending URL at once (the language switch reads it next)', async () => {
    const { scheduleUrl, flushUrl } = await import('./urlWrite');
    scheduleUrl('/ko/tcp-connection?step=4');
    flushUrl();
    expect(env.writes).toEqual(['/ko/tcp-connection?step=4']);
    vi.advanceTimersByTime(1000);
    expect(env.writes).toHaveLength(1);
    flushUrl();
    expect(env.writes).toHaveLength(1);
  });

  test('leaving the page writes what is pending', async () => {
    const { scheduleUrl } = await import('./urlWrite');
    scheduleUrl('/ko/tcp-connection?step=9');
    env.fire('pagehide');
    expect(env.writes).toEqual(['/ko/tcp-connection?step=9']);
  });

  test('a URL equal to the current one is not written again', async () => {
    const { scheduleUrl } = await import('./urlWrite');
    scheduleUrl('/ko/tcp-connection');
    vi.advanceTimersByTime(500);
    expect(env.writes).toEqual([]);
  });
});
