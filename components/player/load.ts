import { preloadFigures } from './Figures';

/** A promise React's use() reads without suspending once it has settled. */
type Tracked<T> = Promise<T> & { status?: 'pending' | 'fulfilled' | 'rejected'; value?: T; reason?: unknown };

/** One promise per topic and language, so React's use() sees the same promise on every render. */
const cache = new Map<string, Tracked<void>>();

/**
 * Loads the figures the first frame draws (the stage, and the panels of the entity kinds
 * shown at step 1), so the first render (the static HTML, then hydration) draws the whole
 * first frame without suspending. Figures that only later steps draw load when the player
 * gets near them (see `preloadFigures` in Player), not before the first frame.
 */
export function loadFirstFrame(key: string, stage: string, kinds: ReadonlySet<string>): Promise<void> {
  let p = cache.get(key);
  if (!p) {
    const tracked: Tracked<void> = preloadFigures(stage, kinds);
    tracked.status = 'pending';
    tracked.then(
      () => {
        tracked.status = 'fulfilled';
      },
      (e) => {
        tracked.status = 'rejected';
        tracked.reason = e;
      },
    );
    p = tracked;
    cache.set(key, p);
  }
  return p;
}
