/**
 * A two-host TCP world log as a story (`core/story.ts`): one beat per log entry, walked
 * once, in order. Actors, messages, marks, timers and the state-machine figure are shown
 * when they appear and changed as they change; the words come from `narrate.ts`.
 * Shared by every topic built on the two-host TCP world.
 */
import { StoryBuilder, type Beat, type Span, type View } from '../core/timeline';
import type { Text } from '../core/text';
import { round } from '../core/round';
import { dataLength, flagNames, segmentLabel } from './segment';
import type { HostId, Wire, WorldResult } from './world';
import { causeOf, narrateEntry, type EntryContext, type Past } from './narrate';
import { HOST_CAP, callMark, chipOf, toneOf, transitionLabel } from './words';
import { TCP_TRANSITIONS } from './states';

export type { EntryContext, Past } from './narrate';

export interface TcpStoryOptions {
  x: Record<HostId, number>;
  ports: Record<HostId, number>;
  ips: Record<HostId, string>;
  /** A step key for an entry, or undefined; a key already used is not given twice. */
  keyOf?: (ctx: EntryContext) => string | undefined;
  /** The topic's own paragraph for an entry, placed after what was sent. */
  extra?: (ctx: EntryContext) => Text | undefined;
  /** A different arrow label for some wires (e.g. marking the late segment). */
  labelOf?: (wire: Wire) => string | undefined;
}

const HOSTS: readonly HostId[] = ['client', 'server'];

export function tcpStory(result: WorldResult, opt: TcpStoryOptions): { steps: Beat[]; spans: Span[]; view: View } {
  const { log, wires } = result;
  const byId = new Map(wires.map((w) => [w.id, w]));
  const wire = (id: string) => byId.get(id)!;
  // Geometry only: the row at which each wire's arrow ends (its arrival or loss).
  const endRow = new Map<string, number>();
  log.forEach((e, i) => {
    if (e.cause.kind === 'arrive' || e.cause.kind === 'lost') endRow.set(e.cause.wire, i);
  });
  const rows = log.length;
  const b = new StoryBuilder();
  const past: Past = { sent: [], lost: new Set(), arrived: new Set(), calls: { client: [], server: [] } };
  const flying = new Map<string, { y0: number; y1: number }>();
  const timers = new Map<string, string>();
  const usedKeys = new Set<string>();
  let timerN = 0;

  log.forEach((e, i) => {
    const c = e.cause;
    const causeWire = c.kind === 'arrive' || c.kind === 'lost' ? wire(c.wire) : undefined;
    const ctx: EntryContext = { entry: e, index: i, wire, past, cause: causeWire };
    // Facts of this very entry count as happened.
    if (c.kind === 'lost') past.lost.add(c.wire);
    if (c.kind === 'arrive') past.arrived.add(c.wire);
    const { caption, narration } = narrateEntry(ctx, opt.ports, opt.extra?.(ctx));
    const beat: Beat = { t: e.t, caption, narration };
    let key = opt.keyOf?.(ctx);
    if (key && !usedKeys.has(key)) {
      usedKeys.add(key);
      beat.key = key;
    }
    b.beat(beat);

    for (const h of HOSTS) {
      b.show({ kind: 'actor', id: h, label: HOST_CAP[h], sublabel: `${opt.ips[h]}:${opt.ports[h]}`, x: opt.x[h], role: h, state: e.tcbs[h].state });
    }
    // Messages: the one that ends here, the ones still flying, the ones sent now.
    if (causeWire) {
      b.set(causeWire.id, { progress: 1, status: c.kind === 'lost' ? 'lost' : 'delivered' });
      flying.delete(causeWire.id);
    }
    for (const [id, f] of flying) b.set(id, { progress: round((i - f.y0) / Math.max(1, f.y1 - f.y0)) });
    for (const id of e.sent) {
      const w = wire(id);
      const y1 = endRow.get(id) ?? rows;
      flying.set(id, { y0: i, y1 });
      b.show({
        kind: 'message', id, from: w.from, to: w.to, y0: i, y1, progress: 0, status: 'flight',
        label: opt.labelOf?.(w) ?? segmentLabel(w.seg), short: flagNames(w.seg.flags), chip: chipOf(w.seg), tone: toneOf(w.seg), fresh: true,
        retransmission: w.retransmission,
        packet: { proto: 'tcp', fields: { src: opt.ips[w.from], dst: opt.ips[w.to], seg: w.seg, t: w.sentAt } },
      });
      past.sent.push(w);
    }
    // Marks on the lifelines: socket calls, what the app got, state changes.
    const mark = (id: string, on: HostId, tone: 'call' | 'app' | 'state', text: Text) => b.show({ kind: 'mark', id, on, y: i, tone, text, fresh: true });
    if (c.kind === 'app') {
      mark(`call-${i}`, c.host, 'call', callMark(c.call));
      past.calls[c.host].push(c.call.call);
    }
    for (const d of e.delivered) mark(`recv-${i}-${d.host}`, d.host, 'app', same(`recv() → ${dataLength(d.data)} B`));
    for (const s of e.signals) {
      if (s.signal === 'connected') mark(`sig-${i}-${s.host}`, s.host, 'app', same(s.host === 'client' ? 'connect() ✓' : 'accept() ✓'));
      if (s.signal === 'eof') mark(`sig-${i}-${s.host}`, s.host, 'app', same('recv() = 0'));
    }
    for (const tr of e.transitions) mark(`state-${i}-${tr.host}`, tr.host, 'state', same(tr.to));
    // Timers: one that fired ends here; running ones grow; stopped ones go; new ones start.
    if (c.kind === 'timer') {
      const k = `${c.host}:${c.timer}`;
      const id = timers.get(k);
      if (id) b.set(id, { status: 'fired', y1: i });
      timers.delete(k);
    }
    for (const tm of e.timers) {
      const k = `${tm.host}:${tm.timer}`;
      const id = timers.get(k);
      if (id) b.hide(id);
      timers.delete(k);
      if (tm.action === 'start') {
        const ms = tm.ms ?? 0;
        const nid = `timer-${tm.host}-${tm.timer}-${timerN++}`;
        timers.set(k, nid);
        const label = tm.timer === 'rtx' ? same(`RTO ${ms} ms`) : same(`2MSL ${ms / 1000} s`);
        b.show({ kind: 'timer', id: nid, on: tm.host, y0: i, y1: i, label, status: 'running', ms });
      }
    }
    for (const id of timers.values()) b.set(id, { y1: i });
    const cause = causeOf(ctx);
    b.show({
      kind: 'fsm', id: 'fsm', machine: 'tcp', edges: EDGES,
      active: HOSTS.map((h) => ({ actor: h, state: e.tcbs[h].state })),
      transitions: e.transitions.map((tr) => ({ actor: tr.host, from: tr.from, to: tr.to, label: transitionLabel(tr.from, tr.to, cause) })),
    });
  });
  const story = b.build();
  return { steps: story.beats, spans: story.spans, view: { rows, ticks: log.map((e, i) => ({ y: i, t: e.t })) } };
}

const same = (s: string): Text => ({ ko: s, en: s });
/** RFC 9293 Figure 5, as the state figure draws it (one shared array: recorded once per span). */
const EDGES = TCP_TRANSITIONS.map(({ from, to, label }) => ({ from, to, label }));
