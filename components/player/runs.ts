/**
 * The page side of the simulation worker: `requestRun` posts a run to the worker (one per page,
 * created on first use) and resolves with its timeline. Without Workers (or when the worker
 * cannot start) the run is computed on the main thread instead, from the same engine copy.
 * Every run started counts in `window.__ptSimRuns`, so a test can tell that a page with the
 * default params started none.
 */
import type { RunRequest, RunResult } from './engine';
import type { WorkerReply } from './sim.worker';

declare global {
  interface Window {
    __ptSimRuns?: number;
  }
}

let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (r: RunResult) => void; reject: (e: Error) => void }>();

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  worker = null;
  if (typeof Worker === 'undefined') return null;
  try {
    const w = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<WorkerReply>) => {
      const p = waiting.get(e.data.id);
      if (!p) return;
      waiting.delete(e.data.id);
      if ('error' in e.data) p.reject(new Error(e.data.error));
      else p.resolve(e.data.result);
    };
    // A worker that fails to load: what it was asked is computed here, and so is what follows.
    w.onerror = (e) => {
      e.preventDefault?.();
      worker = null;
      w.terminate();
      const pending = [...waiting.values()];
      waiting.clear();
      for (const p of pending) p.reject(new Error('worker failed'));
    };
    worker = w;
  } catch {
    worker = null;
  }
  return worker;
}

const onMainThread = (r: RunRequest) => import('./engine').then((m) => m.simulateRequest(r));

/** Computes a run off the main thread when it can; resolves with its timeline. */
export function requestRun(r: RunRequest): Promise<RunResult> {
  if (typeof window !== 'undefined') window.__ptSimRuns = (window.__ptSimRuns ?? 0) + 1;
  const w = startWorker();
  if (!w) return onMainThread(r);
  const id = nextId++;
  return new Promise<RunResult>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.postMessage({ id, ...r });
  }).catch(() => onMainThread(r));
}
