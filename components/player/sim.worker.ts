/// <reference lib="webworker" />
/**
 * Runs simulations off the page's main thread: the page posts a run request with an id, the
 * worker loads the topic from its language's engine copy and posts back the timeline (plain
 * data: structured clone carries it) or the error, with the same id.
 */
import { simulateRequest, type RunRequest, type RunResult } from './engine';

export interface WorkerRequest extends RunRequest {
  id: number;
}
export type WorkerReply = { id: number; result: RunResult } | { id: number; error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const { id, ...req } = e.data;
  simulateRequest(req).then(
    (result) => scope.postMessage({ id, result } satisfies WorkerReply),
    (err: unknown) => scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies WorkerReply),
  );
};
