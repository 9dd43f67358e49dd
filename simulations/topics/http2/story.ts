/**
 * The page load as a story, walked once over the kernel trace: one beat per moment (see
 * `moments.ts`), every segment an arrow carrying its real bytes, the HPACK panel after
 * each request block, and when each response reached the browser's app.
 */
import { StoryBuilder, type Beat, type Span, type View } from '../../core/timeline';
import { joinText, t, type Text } from '../../core/text';
import { round } from '../../core/round';
import type { MessageTone } from '../../figures/sequence';
import { dataLength, flagNames, segmentLabel, type Segment } from '../../tcp/segment';
import { toHex } from '../../wire/bytes';
import { CLIENT_IP, SERVER_IP } from '../../https';
import { actorOf, unitOffsets, type WireMsg } from './conn';
import type { Side } from './h2';
import type { Load, LoadParams } from './load';
import { momentsOf, sideOf } from './moments';
import { doneTable, hpackPanel } from './panels';
import { captions, CONN, EXPLAIN, list, SIDE } from './texts';
import { assignKeys } from './stepkeys';

const same = (s: string): Text => t(s, s);
const HANDSHAKE = new Set(['ServerHello', 'ChangeCipherSpec', 'EncryptedExtensions', 'Certificate', 'CertificateVerify', 'Finished']);

export function buildStory(load: Load, p: LoadParams): { steps: Beat[]; spans: Span[]; view: View } {
  const { trace } = load;
  const { moments, y0, y1 } = momentsOf(trace);
  const conns = new Map(load.conns.map((c) => [c.id, { ...c, offs: unitOffsets(c.spec.units) }]));
  const ids = load.conns.map((c) => c.id);

  /** Units whose bytes start inside this payload (a unit spanning segments is named once). */
  const startsIn = (m: WireMsg, from: Side) => {
    const c = conns.get(m.conn as 'h2' | 'h1')!;
    const n = m.bytes.length;
    return c.spec.units.map((u, i) => i).filter((i) => c.spec.units[i].from === from && c.offs[i].start >= m.off && c.offs[i].start < m.off + n);
  };
  const overlapping = (m: WireMsg, from: Side) => {
    const c = conns.get(m.conn as 'h2' | 'h1')!;
    return c.spec.units.map((u, i) => i).filter((i) => c.spec.units[i].from === from && c.offs[i].start < m.off + m.bytes.length && c.offs[i].end > m.off);
  };
  /** The same, short, for captions: TLS handshake records folded, DATA frames of one stream counted. */
  const brief = (wires: readonly string[]): string[] => {
    const out: string[] = [];
    for (const c of load.conns) {
      const labels: string[] = [];
      for (const id of wires) {
        const w = trace.wire(id);
        if (w.msg.conn !== c.id) continue;
        const s = w.msg.seg;
        if (s.flags.syn || s.flags.fin) labels.push(content(id).replace(/^HTTP\/\S+: /, ''));
        else {
          // A segment in the middle of a long unit starts none: name the unit it continues.
          const starts = startsIn(w.msg, sideOf(w.from));
          for (const u of starts.length ? starts : overlapping(w.msg, sideOf(w.from))) labels.push(...c.spec.units[u].label.split(' + '));
        }
      }
      const folded: string[] = [];
      for (const l of labels) {
        const name = HANDSHAKE.has(l) ? 'TLS' : l.replace(/^(DATA s\d+) \d+ B( END)?$/, '$1');
        const prev = folded[folded.length - 1];
        const m = prev && /^(.*?)(?: ×(\d+))?$/.exec(prev);
        if (m && m[1] === name && (name.startsWith('DATA') || name === 'TLS')) folded[folded.length - 1] = `${name} ×${Number(m[2] ?? 1) + 1}`;
        else folded.push(name);
      }
      const text = [...new Set(folded)].map((f) => f.replace(/^TLS ×\d+$/, 'TLS')).join(', ');
      if (text) out.push(load.conns.length > 1 ? `${CONN[c.id]}: ${text}` : text);
    }
    return out;
  };
  const content = (id: string): string => {
    const w = trace.wire(id);
    const s = w.msg.seg;
    if (s.flags.syn) return s.flags.ack ? 'SYN, ACK' : 'SYN';
    if (s.flags.fin) return 'FIN';
    const c = conns.get(w.msg.conn as 'h2' | 'h1')!;
    const labels = overlapping(w.msg, sideOf(w.from)).map((i) => c.spec.units[i].label);
    const text = labels.join(' + ') || 'ACK';
    return ids.length > 1 ? `${CONN[c.id]}: ${text}` : text;
  };

  // When each resource was complete in the browser's app, per connection.
  const doneAt = (id: 'h2' | 'h1') => {
    const c = conns.get(id);
    if (!c) return undefined;
    return load.h2.resources.map((r, k) => {
      const app = id === 'h2'
        ? c.app.findIndex((u) => u.frames.some((f) => f.type === 'DATA' && f.end && f.streamId === load.h2.streamOf[k]))
        : 2 * k + 1;
      return c.receivedAt[c.spec.units.findIndex((u) => u.app === app)];
    });
  };
  const done = { h2: doneAt('h2')!, h1: doneAt('h1') };
  // Request blocks sent by the end of each moment: the client's h2 units carrying HEADERS.
  const h2 = conns.get('h2')!;
  const blocksIn = (unit: number) => h2.app[h2.spec.units[unit].app ?? -1]?.frames.filter((f) => f.type === 'HEADERS').length ?? 0;

  const b = new StoryBuilder();
  const x: Record<string, number> = ids.length > 1 ? { client: 6, server: 40, 'h1-client': 60, 'h1-server': 94 } : { client: 15, server: 85 };
  const shown = new Set<string>();
  const finished = new Set<string>();
  let blocks = 0;
  const allDone = (d: (number | undefined)[] | undefined, now: number) => d !== undefined && d.every((v) => v !== undefined && v <= now);

  /** A moment's caption and the step keys it qualifies for (see stepkeys.ts for which one it gets). */
  const describe = (m: (typeof moments)[number]) => {
    const last = trace.entries[m.entries[m.entries.length - 1]];
    const now = last.t;
    const items = brief(m.wires);
    const keys: string[] = [];
    let caption: Text;
    const justDone = load.h2.resources.map((r, k) => ({ r, k })).filter(({ k }) => done.h2[k] !== undefined && done.h2[k]! >= m.t && done.h2[k]! <= now && m.kind === 'arrive' && m.side === 'client');
    if (m.kind === 'send') {
      caption = captions.send(m.side, list(items, 2));
      if (m.wires.some((id) => trace.wire(id).msg.seg.flags.syn && !trace.wire(id).msg.seg.flags.ack)) keys.push('syn');
      if (items.some((s) => s.includes('ClientHello'))) keys.push('client-hello');
      if (items.some((s) => s.includes('SETTINGS (HEADER') && m.side === 'server')) keys.push('settings');
      if (items.some((s) => s.includes('PRI *'))) keys.push('preface');
      if (items.some((s) => s.includes('HEADERS s3 GET'))) keys.push('requests');
      const assets = m.wires.some((id) => {
        const w = trace.wire(id);
        return w.msg.conn === 'h2' && startsIn(w.msg, 'server').some((u) => (h2.app[h2.spec.units[u].app ?? -1]?.frames ?? []).some((f) => f.streamId > 1));
      });
      if (m.side === 'server' && assets) keys.push('interleave');
      if (items.some((s) => s.includes('GOAWAY'))) keys.push('close');
    } else if (m.kind === 'arrive') {
      const heldOn = (conn?: string) => m.side === 'client' && m.wires.some((id) => {
        const w = trace.wire(id);
        const st = last.states[actorOf(w.msg.conn, 'client')];
        return (conn === undefined || w.msg.conn === conn) && w.msg.bytes.length > 0 && st.delivered < w.msg.off;
      });
      const held = heldOn();
      caption = justDone.length ? joinText([captions.arrive(m.side, list(items, 2)), captions.done(justDone.map((d) => d.r.path))], ' · ')
        : held ? captions.held(m.wires.length) : captions.arrive(m.side, list(items, 2));
      // The hol step explains HTTP/2 streams stalled behind a hole: only the h2 connection's.
      if (heldOn('h2')) keys.push('hol');
      // With one stream the page is everything: the page links "page-loaded", so it goes first.
      if (allDone(done.h2, now) && !allDone(done.h2, m.t - 1)) keys.push('page-loaded');
      if (justDone.some((d) => d.k === 0)) keys.push('page');
      if (allDone(done.h1, now) && !allDone(done.h1, m.t - 1)) keys.push('h1-done');
    } else if (m.kind === 'lost') {
      caption = captions.lost(list(items));
      keys.push('lost');
    } else {
      caption = captions.rto(m.side);
      keys.push('rto');
    }
    return { caption, keys, justDone, now, last };
  };
  const described = moments.map(describe);
  const stepKeys = assignKeys(described.map((d) => d.keys));

  moments.forEach((m, i) => {
    const { caption, keys, justDone, now, last } = described[i];
    const key = stepKeys[i];
    const extra = keys.filter((k) => EXPLAIN[k]).map((k) => EXPLAIN[k]);
    if (keys.includes('interleave')) extra.push(EXPLAIN[p.priority ? 'priority-on' : 'priority-off']);
    b.beat({ t: m.t, ...(key ? { key } : {}), caption, narration: joinText([caption, ...extra].map((x) => ({ ko: x.ko.endsWith('.') ? x.ko : `${x.ko}.`, en: x.en.endsWith('.') ? x.en : `${x.en}.` }))) });

    for (const c of load.conns) for (const side of ['client', 'server'] as const) {
      const a = actorOf(c.id, side);
      b.show({
        kind: 'actor', id: a, label: ids.length > 1 ? t(`${SIDE[side].ko} (${CONN[c.id]})`, `${SIDE[side].en} (${CONN[c.id]})`) : SIDE[side],
        sublabel: side === 'client' ? `${CLIENT_IP}:${c.spec.clientPort}` : `${SERVER_IP}:443`, x: x[a], role: side, state: last.states[a].tcb.state,
      });
    }
    // Arrows: the ones that start in this moment, then progress on the rest.
    for (const w of trace.wires) {
      const a = y0.get(w.id)!, z = y1.get(w.id)!;
      if (Math.floor(a) > i || finished.has(w.id)) continue;
      const progress = Math.floor(z) <= i ? 1 : round(Math.max(0, (i - a) / Math.max(0.01, z - a)));
      const status = progress === 1 ? (w.lost ? 'lost' : 'delivered') : 'flight';
      if (!shown.has(w.id)) {
        shown.add(w.id);
        b.show({
          kind: 'message', id: w.id, from: w.from, to: w.to, y0: round(a), y1: round(z), progress, status,
          label: `${segmentLabel(w.msg.seg)} · ${content(w.id)}`, short: content(w.id).replace(/^HTTP\/\S+: /, ''), chip: chipOf(w.msg, conns.get(w.msg.conn as 'h2' | 'h1')!.spec.units, startsIn(w.msg, sideOf(w.from))[0] ?? overlapping(w.msg, sideOf(w.from))[0]),
          tone: toneOf(w.msg), fresh: true, retransmission: w.retransmission,
          packet: { proto: 'tcp', fields: { src: sideOf(w.from) === 'client' ? CLIENT_IP : SERVER_IP, dst: sideOf(w.from) === 'client' ? SERVER_IP : CLIENT_IP, seg: { ...w.msg.seg, data: '' }, t: w.sentAt, payloadHex: toHex(w.msg.bytes), app: 'tls' } },
        });
      } else b.set(w.id, { progress, status });
      if (progress === 1) finished.add(w.id);
    }
    for (const d of justDone) b.show({ kind: 'mark', id: `done-${d.k}`, on: 'client', y: i, tone: 'app', text: same(`✓ ${d.r.path}`), fresh: true });
    if (done.h1) {
      load.h2.resources.forEach((r, k) => {
        const at = done.h1![k];
        if (at !== undefined && at >= m.t && at <= now && m.kind === 'arrive' && m.side === 'client') b.show({ kind: 'mark', id: `h1-done-${k}`, on: 'h1-client', y: i, tone: 'app', text: same(`✓ ${r.path}`), fresh: true });
      });
    }
    if (m.kind === 'rto') b.show({ kind: 'mark', id: `rto-${i}`, on: trace.entries[m.entries[0]].cause.kind === 'timer' ? (trace.entries[m.entries[0]].cause as { actor: string }).actor : 'server', y: i, tone: 'timer', text: same('RTO'), fresh: true });
    // The HPACK panel follows the request blocks the browser has written.
    for (const id of m.wires) {
      const w = trace.wire(id);
      if (w.msg.conn !== 'h2' || w.from !== 'client' || w.retransmission) continue;
      for (const u of startsIn(w.msg, 'client')) blocks += blocksIn(u);
    }
    b.show(hpackPanel(load.h2.blocks, blocks, p.tableSize));
    b.show(doneTable(load.h2.resources, { h2: done.h2.map((v) => (v !== undefined && v <= now ? v : undefined)), ...(done.h1 ? { h1: done.h1.map((v) => (v !== undefined && v <= now ? v : undefined)) } : {}) }));
  });
  const story = b.build();
  return { steps: story.beats, spans: story.spans, view: { rows: moments.length, ticks: moments.map((m, i) => ({ y: i, t: m.t })) } };
}

function toneOf(m: WireMsg): MessageTone {
  const s: Segment = m.seg;
  if (s.flags.syn) return 'control';
  if (s.flags.fin) return 'close';
  if (dataLength(s.data) === 0) return 'ack';
  return 'data';
}

function chipOf(m: WireMsg, units: readonly { label: string }[], unit: number | undefined): string {
  const s = m.seg;
  if (s.flags.syn) return s.flags.ack ? 'SYN-ACK' : 'SYN';
  if (s.flags.fin) return 'FIN';
  if (dataLength(s.data) === 0 || unit === undefined) return 'ACK';
  const label = units[unit].label;
  const frame = /^(HEADERS|DATA) (s\d+)/.exec(label);
  if (frame) return `${frame[1] === 'HEADERS' ? 'HDR' : 'DATA'} ${frame[2]}`;
  if (label.startsWith('PRI')) return 'PREFACE';
  if (label.startsWith('SETTINGS')) return 'SETTINGS';
  if (label.startsWith('GET')) return 'GET';
  if (label.startsWith('200')) return '200';
  return label.split(/[ :]/)[0].slice(0, 12);
}
