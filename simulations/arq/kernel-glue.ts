/**
 * What the ARQ world (runner.ts) and the flow-control world (flow-runner.ts) both do on
 * the kernel: turn a sender machine's effects into kernel effects, stop a run at an event
 * cap, and tell a timer that was stopped from one that was not running.
 */
import type { KernelEffect, TraceEntry } from '../core/kernel';

/** The fields of the effects every sender machine has in common: send, timer-start, timer-stop. */
type CommonFx = { kind: string; timer?: string; ms?: number };

/**
 * A sender's effects on the kernel, in order: each is noted; a send occupies the data link
 * for `sendInterval` (then `linkFree` is posted back to the sender) and puts `wire(fx)` on
 * it; a timer start or stop is a kernel timer or cancel (starting a running timer restarts it).
 */
export function senderEffects<F extends { kind: string }, M, P, N>(
  effects: readonly F[],
  o: {
    self: string;
    peer: string;
    sendInterval: number;
    linkFree: P;
    note(fx: F): N;
    wire(fx: Extract<F, { kind: 'send' }>): { msg: M; retransmission: boolean };
  },
): KernelEffect<M, P, N>[] {
  const out: KernelEffect<M, P, N>[] = [];
  for (const fx of effects) {
    out.push({ type: 'note', note: o.note(fx) });
    const c = fx as CommonFx;
    if (c.kind === 'send') {
      const { msg, retransmission } = o.wire(fx as Extract<F, { kind: 'send' }>);
      out.push({ type: 'post', to: o.self, data: o.linkFree, after: o.sendInterval });
      out.push({ type: 'send', to: o.peer, msg, retransmission });
    } else if (c.kind === 'timer-start' && c.timer !== undefined && c.ms !== undefined) out.push({ type: 'timer', name: c.timer, after: c.ms });
    else if (c.kind === 'timer-stop' && c.timer !== undefined) out.push({ type: 'cancel', name: c.timer });
  }
  return out;
}

/**
 * A kernel `until` that stops the run once `cap` events (notes and losses) have happened;
 * `capped()` says afterwards whether it did.
 */
export function eventCap(cap: number) {
  let events = 0;
  let capped = false;
  return {
    until(e: Pick<TraceEntry<unknown, unknown, unknown>, 'notes' | 'cause'>): boolean {
      events += e.notes.length + (e.cause.kind === 'lost' ? 1 : 0);
      capped ||= events >= cap;
      return capped;
    },
    capped: () => capped,
  };
}

/**
 * For one trace entry: whether a machine's `timer-stop` of `name` stopped a running timer.
 * The kernel records a cancel only for a timer that was set, once per cancel, so each
 * recorded cancel answers true once.
 */
const NONE_STOPPED = (): boolean => false;
export function stoppedTimers(e: Pick<TraceEntry<unknown, unknown, unknown>, 'timers'>): (name: string) => boolean {
  if (!e.timers.some((x) => x.action === 'cancel')) return NONE_STOPPED;
  const cancels = e.timers.filter((x) => x.action === 'cancel').map((x) => x.name);
  return (name) => {
    const k = cancels.indexOf(name);
    if (k < 0) return false;
    cancels.splice(k, 1);
    return true;
  };
}
