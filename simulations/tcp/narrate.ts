/**
 * Turns a world log into timeline steps: one step per event, each a complete
 * scene, with narration composed from what the state machines did. Shared by
 * every topic built on the two-host TCP world.
 */
import type { Entity, MarkEntity, Step, TimerEntity, View } from '../core/timeline';
import type { Text } from '../core/text';
import { round } from '../core/round';
import { segmentLabel, dataLength, type Segment } from './segment';
import { findTransition } from './states';
import type { AppCall, HostId, LogEntry, Wire, WorldResult } from './world';

const HOST: Record<HostId, Text> = { client: { ko: '클라이언트', en: 'client' }, server: { ko: '서버', en: 'server' } };
const HostCap: Record<HostId, Text> = { client: { ko: '클라이언트', en: 'Client' }, server: { ko: '서버', en: 'Server' } };
/** Korean subject particle after a host name. */
const SUBJ: Record<HostId, string> = { client: '클라이언트가', server: '서버가' };

export interface NarrateOptions {
  x: Record<HostId, number>;
  ports: Record<HostId, number>;
  ips: Record<HostId, string>;
  /** Extra step keys: given an entry, return a key or undefined. */
  keyOf?: (entry: LogEntry, index: number, wires: Map<string, Wire>) => string | undefined;
  /** More to say about an entry, appended to its narration. */
  extra?: (entry: LogEntry, index: number, wires: Map<string, Wire>) => Text | undefined;
  /** A different arrow label for some wires (e.g. marking an old duplicate). */
  labelOf?: (wire: Wire) => string | undefined;
}

function callText(host: HostId, call: AppCall, port: number): Text {
  switch (call.call) {
    case 'listen':
      return {
        ko: `서버 앱이 socket()으로 소켓을 만들고, bind()로 포트 ${port}에 묶고, listen()을 호출합니다 (수동 OPEN). 이제 accept()가 연결을 기다립니다.`,
        en: `The server app creates a socket with socket(), binds it to port ${port} with bind(), and calls listen() (a passive OPEN). accept() now waits for a connection.`,
      };
    case 'connect':
      return {
        ko: `클라이언트 앱이 socket()을 만들고 connect()를 호출합니다 (능동 OPEN). 운영체제가 임시 포트 ${port}를 고릅니다.`,
        en: `The client app creates a socket and calls connect() (an active OPEN). The OS picks ephemeral port ${port}.`,
      };
    case 'send': {
      const n = dataLength(call.data);
      return { ko: `${HOST[host].ko} 앱이 send()로 ${n}바이트를 씁니다.`, en: `The ${HOST[host].en} app writes ${n} bytes with send().` };
    }
    case 'close':
      return {
        ko: `${HOST[host].ko} 앱이 close()를 호출합니다: 더 보낼 데이터가 없다는 뜻입니다.`,
        en: `The ${HOST[host].en} app calls close(): it has nothing more to send.`,
      };
  }
}

function callMark(call: AppCall): Text {
  switch (call.call) {
    case 'listen':
      return { ko: 'socket() · bind() · listen()', en: 'socket() · bind() · listen()' };
    case 'connect':
      return { ko: 'socket() · connect()', en: 'socket() · connect()' };
    case 'send':
      return { ko: `send(${dataLength(call.data)} B)`, en: `send(${dataLength(call.data)} B)` };
    case 'close':
      return { ko: 'close()', en: 'close()' };
  }
}

/** What a segment is, in words, with the arithmetic that explains its numbers. */
function segmentWhy(w: Wire, wires: Wire[]): Text {
  const s = w.seg;
  const label = segmentLabel(s);
  const who = SUBJ[w.from];
  const whoEn = HostCap[w.from].en;
  const re = w.retransmission ? { ko: ' (재전송)', en: ' (a retransmission)' } : { ko: '', en: '' };
  if (s.flags.rst) {
    return {
      ko: `${who} RST(seq=${s.seq})를 보냅니다: 이 세그먼트가 속할 연결이 없다는 뜻이며, 받는 쪽은 연결을 즉시 끊습니다.`,
      en: `${whoEn} sends RST (seq=${s.seq}): there is no connection this segment belongs to, and the receiver aborts at once.`,
    };
  }
  if (s.flags.syn && !s.flags.ack) {
    return {
      ko: `${who} SYN(seq=${s.seq})을 보냅니다${re.ko}. 이 연결에서 ${HOST[w.from].ko}의 초기 순서 번호(ISN)는 ${s.seq}이고, SYN은 순서 번호 하나를 차지합니다.`,
      en: `${whoEn} sends SYN (seq=${s.seq})${re.en}. ${s.seq} is its initial sequence number (ISN), and the SYN itself takes up one sequence number.`,
    };
  }
  if (s.flags.syn && s.flags.ack) {
    return {
      ko: `${who} SYN-ACK(seq=${s.seq}, ack=${s.ack})을 보냅니다${re.ko}. ack = ${(s.ack - 1) >>> 0} + 1: 상대의 SYN이 번호 하나를 썼으니 다음에 기대하는 번호입니다. seq에는 ${HOST[w.from].ko} 자신의 ISN을 담습니다.`,
      en: `${whoEn} sends SYN-ACK (seq=${s.seq}, ack=${s.ack})${re.en}. ack = ${(s.ack - 1) >>> 0} + 1: the peer's SYN used one number, so this is the next one expected. seq ${s.seq} is its own ISN.`,
    };
  }
  if (s.flags.fin) {
    return {
      ko: `${who} FIN(seq=${s.seq}, ack=${s.ack})을 보냅니다${re.ko}. FIN도 순서 번호 하나를 차지하므로, 상대는 ack=${(s.seq + 1) >>> 0}로 응답해야 합니다.`,
      en: `${whoEn} sends FIN (seq=${s.seq}, ack=${s.ack})${re.en}. A FIN takes up one sequence number too, so the peer must ACK ${(s.seq + 1) >>> 0}.`,
    };
  }
  const n = dataLength(s.data);
  if (n > 0) {
    return {
      ko: `${who} 데이터 ${n}바이트를 보냅니다${re.ko} (seq=${s.seq}, 다음 바이트는 ${(s.seq + n) >>> 0}).`,
      en: `${whoEn} sends ${n} bytes of data${re.en} (seq=${s.seq}; the next byte will be ${(s.seq + n) >>> 0}).`,
    };
  }
  // A pure ACK: say what it acknowledges.
  const acked = [...wires].reverse().find((o) => o.from !== w.from && o.sentAt <= w.sentAt && segLenOf(o.seg) > 0 && ((o.seg.seq + segLenOf(o.seg)) >>> 0) === s.ack);
  const what = acked
    ? acked.seg.flags.syn
      ? { ko: '상대의 SYN을', en: "the peer's SYN" }
      : acked.seg.flags.fin
        ? { ko: '상대의 FIN을', en: "the peer's FIN" }
        : { ko: `상대의 데이터 ${dataLength(acked.seg.data)}바이트를`, en: `the peer's ${dataLength(acked.seg.data)} bytes of data` }
    : { ko: '지금까지 받은 것을', en: 'everything received so far' };
  return {
    ko: `${who} ACK(ack=${s.ack})를 보냅니다${re.ko}: ${what.ko} 잘 받았고 다음에는 ${s.ack}번 바이트를 기다린다는 뜻입니다.`,
    en: `${whoEn} sends ACK (ack=${s.ack})${re.en}: it has ${what.en} and expects byte ${s.ack} next.`,
  };
}

function segLenOf(s: Segment): number {
  return dataLength(s.data) + (s.flags.syn ? 1 : 0) + (s.flags.fin ? 1 : 0);
}

function shortFlags(s: Segment): string {
  if (s.flags.rst) return 'RST';
  if (s.flags.syn && s.flags.ack) return 'SYN-ACK';
  if (s.flags.syn) return 'SYN';
  if (s.flags.fin) return 'FIN';
  if (dataLength(s.data) > 0) return `DATA ${dataLength(s.data)} B`;
  return 'ACK';
}

function join(parts: Text[]): Text {
  return { ko: parts.map((p) => p.ko).filter(Boolean).join(' '), en: parts.map((p) => p.en).filter(Boolean).join(' ') };
}

export function buildSteps(result: WorldResult, opt: NarrateOptions): { steps: Step[]; view: View } {
  const { log, wires } = result;
  const byId = new Map(wires.map((w) => [w.id, w]));
  const sentRow = new Map<string, number>();
  const endRow = new Map<string, number>();
  log.forEach((e, i) => {
    for (const id of e.sent) sentRow.set(id, i);
    if (e.cause.kind === 'arrive' || e.cause.kind === 'lost') endRow.set(e.cause.wire, i);
  });
  const rows = log.length;
  const steps: Step[] = [];
  const marks: MarkEntity[] = [];
  const usedKeys = new Set<string>();

  log.forEach((e, i) => {
    const parts: Text[] = [];
    let caption: Text;
    const c = e.cause;
    const sentFlags = e.sent.map((id) => byId.get(id)!).map((w) => `${shortFlags(w.seg)}${w.retransmission ? '*' : ''}`);
    const arrow = (from: HostId) => (from === 'client' ? '→' : '←');
    switch (c.kind) {
      case 'start':
        parts.push({ ko: '클라이언트와 서버 모두 CLOSED 상태입니다. 아직 소켓도 연결도 없습니다.', en: 'Both hosts are CLOSED: no socket and no connection yet.' });
        caption = { ko: '시작: 둘 다 CLOSED', en: 'Start: both CLOSED' };
        break;
      case 'app':
        parts.push(callText(c.host, c.call, opt.ports[c.host]));
        marks.push({ kind: 'mark', id: `call-${i}`, on: c.host, y: i, tone: 'call', text: callMark(c.call), fresh: false });
        caption = {
          ko: `${HOST[c.host].ko}: ${callMark(c.call).ko}${sentFlags.length ? ` ${arrow(c.host)} ${sentFlags.join(', ')}` : ''}`,
          en: `${HostCap[c.host].en}: ${callMark(c.call).en}${sentFlags.length ? ` ${arrow(c.host)} ${sentFlags.join(', ')}` : ''}`,
        };
        break;
      case 'arrive': {
        const w = byId.get(c.wire)!;
        parts.push({ ko: `${HOST[c.host].ko}에 도착: ${segmentLabel(w.seg)}.`, en: `${segmentLabel(w.seg)} arrives at the ${HOST[c.host].en}.` });
        const reply = sentFlags.length ? ` · ${sentFlags.join(', ')} ${arrow(c.host)}` : '';
        caption = { ko: `${HOST[c.host].ko} ← ${shortFlags(w.seg)}${reply}`, en: `${shortFlags(w.seg)} reaches ${HOST[c.host].en}${reply}` };
        break;
      }
      case 'lost': {
        const w = byId.get(c.wire)!;
        parts.push({
          ko: `${shortFlags(w.seg)} 세그먼트가 네트워크에서 사라집니다. 보낸 쪽도 받을 쪽도 이를 바로 알 수 없습니다: 알려 주는 것은 재전송 타이머뿐입니다.`,
          en: `The ${shortFlags(w.seg)} segment is lost in the network. Neither side can tell right away: only a retransmission timer will.`,
        });
        caption = { ko: `${shortFlags(w.seg)} 손실 ✕`, en: `${shortFlags(w.seg)} lost ✕` };
        break;
      }
      case 'timer':
        if (c.timer === 'rtx') {
          parts.push({
            ko: `${HOST[c.host].ko}의 재전송 타이머(RTO)가 만료됩니다: 보낸 세그먼트에 대한 ACK가 제때 오지 않았습니다.`,
            en: `The ${HOST[c.host].en}'s retransmission timer (RTO) expires: no ACK came in time for what it sent.`,
          });
          caption = { ko: `${HOST[c.host].ko} RTO 만료 → ${sentFlags.join(', ')} 재전송`, en: `${HostCap[c.host].en} RTO fires → resend ${sentFlags.join(', ')}` };
        } else {
          parts.push({
            ko: `${HOST[c.host].ko}의 TIME-WAIT 타이머(2×MSL)가 끝납니다. 이제 이 연결의 흔적이 사라지고 같은 포트 조합을 다시 써도 안전합니다.`,
            en: `The ${HOST[c.host].en}'s TIME-WAIT timer (2×MSL) ends. The connection is gone, and the same port pair is safe to reuse.`,
          });
          caption = { ko: `${HOST[c.host].ko}: 2×MSL 경과 → CLOSED`, en: `${HostCap[c.host].en}: 2×MSL over → CLOSED` };
        }
        break;
    }
    for (const h of e.held) {
      parts.push({
        ko: `이 세그먼트는 기대한 번호보다 앞서 왔습니다: ${SUBJ[h.host]} 버리지 않고 보관한 뒤, 빠진 바이트를 다시 ACK로 요청합니다.`,
        en: `This segment is ahead of the expected number: the ${HOST[h.host].en} keeps it and ACKs the missing byte again.`,
      });
    }
    for (const d of e.delivered) {
      const n = dataLength(d.data);
      parts.push({ ko: `${HOST[d.host].ko} 앱의 recv()가 ${n}바이트를 받습니다.`, en: `The ${HOST[d.host].en} app's recv() returns ${n} bytes.` });
      marks.push({ kind: 'mark', id: `recv-${i}-${d.host}`, on: d.host, y: i, tone: 'app', text: { ko: `recv() → ${n} B`, en: `recv() → ${n} B` }, fresh: false });
    }
    for (const s of e.signals) {
      if (s.signal === 'connected') {
        const txt = s.host === 'client' ? 'connect() ✓' : 'accept() ✓';
        parts.push(
          s.host === 'client'
            ? { ko: 'connect()가 반환됩니다: 클라이언트 쪽 연결이 열렸습니다.', en: 'connect() returns: the connection is open on the client side.' }
            : { ko: 'accept()가 새 연결 소켓을 돌려줍니다.', en: 'accept() returns a new connected socket.' },
        );
        marks.push({ kind: 'mark', id: `sig-${i}-${s.host}`, on: s.host, y: i, tone: 'app', text: { ko: txt, en: txt }, fresh: false });
      } else if (s.signal === 'reset') {
        parts.push({ ko: `${HOST[s.host].ko}의 연결이 RST로 중단됩니다: 앱은 오류(ECONNRESET)를 받습니다.`, en: `The ${HOST[s.host].en}'s connection is aborted by the RST: its app gets an error (ECONNRESET).` });
      } else if (s.signal === 'eof') {
        const canSend = !e.tcbs[s.host].finSent;
        parts.push({
          ko: `${HOST[s.host].ko} 앱의 recv()가 0을 돌려줍니다 (EOF): 상대가 더 보낼 것이 없습니다.${canSend ? ' 하지만 이쪽은 아직 보낼 수 있습니다 (half-close).' : ''}`,
          en: `The ${HOST[s.host].en} app's recv() returns 0 (EOF): the peer has nothing more to send.${canSend ? ' This side can still send (a half-close).' : ''}`,
        });
        marks.push({ kind: 'mark', id: `sig-${i}-${s.host}`, on: s.host, y: i, tone: 'app', text: { ko: 'recv() = 0', en: 'recv() = 0' }, fresh: false });
      }
    }
    for (const tr of e.transitions) {
      const d = findTransition(tr.from, tr.to);
      parts.push({
        ko: `${HOST[tr.host].ko} 상태: ${tr.from} → ${tr.to}${d ? ` (${d.label.ko})` : ''}.`,
        en: `${HostCap[tr.host].en} state: ${tr.from} → ${tr.to}${d ? ` (${d.label.en})` : ''}.`,
      });
      marks.push({ kind: 'mark', id: `state-${i}-${tr.host}`, on: tr.host, y: i, tone: 'state', text: { ko: tr.to, en: tr.to }, fresh: false });
    }
    for (const id of e.sent) parts.push(segmentWhy(byId.get(id)!, wires));
    const more = opt.extra?.(e, i, byId);
    if (more) parts.push(more);
    for (const tm of e.timers) {
      if (tm.action === 'start' && tm.timer === 'rtx' && c.kind === 'timer') {
        parts.push({ ko: `RTO는 ${tm.ms} ms로 두 배가 됩니다 (RFC 6298 지수 백오프).`, en: `The RTO doubles to ${tm.ms} ms (RFC 6298 exponential backoff).` });
      }
      if (tm.action === 'start' && tm.timer === 'time-wait') {
        parts.push({
          ko: `TIME-WAIT 타이머 2×MSL = ${tm.ms! / 1000}초를 시작합니다: 마지막 ACK가 사라지면 다시 보낼 수 있도록, 그리고 늦게 떠도는 옛 세그먼트가 사라지도록 기다립니다.`,
          en: `It starts the TIME-WAIT timer, 2×MSL = ${tm.ms! / 1000} s: long enough to resend the last ACK if it is lost, and for stray old segments to die out.`,
        });
      }
    }

    // Scene.
    const entities: Record<string, Entity> = {};
    for (const h of ['client', 'server'] as HostId[]) {
      entities[h] = { kind: 'actor', id: h, label: HostCap[h], sublabel: `${opt.ips[h]}:${opt.ports[h]}`, x: opt.x[h], role: h, state: e.tcbs[h].state };
    }
    for (const w of wires) {
      const y0 = sentRow.get(w.id)!;
      if (y0 > i) continue;
      const y1 = endRow.get(w.id) ?? rows;
      const arrived = y1 <= i;
      entities[w.id] = {
        kind: 'message',
        id: w.id,
        from: w.from,
        to: w.to,
        y0,
        y1,
        progress: arrived ? 1 : round((i - y0) / Math.max(1, y1 - y0)),
        status: arrived ? (w.lost ? 'lost' : 'delivered') : 'flight',
        label: opt.labelOf?.(w) ?? segmentLabel(w.seg),
        fresh: y0 === i,
        retransmission: w.retransmission,
        packet: {
          proto: 'tcp',
          fields: {
            src: opt.ips[w.from],
            dst: opt.ips[w.to],
            seg: w.seg,
            t: w.sentAt,
          },
        },
      };
    }
    for (const m of marks) if (m.y <= i) entities[m.id] = { ...m, fresh: m.y === i };
    for (const tm of timerSpans(log, i)) entities[tm.id] = tm;
    entities.fsm = {
      kind: 'fsm',
      id: 'fsm',
      machine: 'tcp',
      active: (['client', 'server'] as HostId[]).map((h) => ({ actor: h, state: e.tcbs[h].state })),
      transitions: e.transitions.map((tr) => ({ actor: tr.host, from: tr.from, to: tr.to, label: findTransition(tr.from, tr.to)?.label ?? { ko: '', en: '' } })),
    };
    let key = opt.keyOf?.(e, i, byId);
    if (key && usedKeys.has(key)) key = undefined;
    if (key) usedKeys.add(key);
    const step: Step = { t: e.t, caption: caption!, narration: join(parts), scene: { entities } };
    if (key) step.key = key;
    steps.push(step);
  });
  const view: View = { rows, ticks: log.map((e, i) => ({ y: i, t: e.t })) };
  return { steps, view };
}

/** Timers worth drawing at row i: the ones running now, and the ones that fired. */
function timerSpans(log: LogEntry[], i: number): TimerEntity[] {
  const out: TimerEntity[] = [];
  const open = new Map<string, { y0: number; ms: number; n: number }>();
  let n = 0;
  for (let r = 0; r <= i; r++) {
    const e = log[r];
    if (e.cause.kind === 'timer') {
      const k = `${e.cause.host}:${e.cause.timer}`;
      const o = open.get(k);
      if (o) {
        out.push(timerEntity(k, o, r, 'fired'));
        open.delete(k);
      }
    }
    for (const tm of e.timers) {
      const k = `${tm.host}:${tm.timer}`;
      if (tm.action === 'stop' || tm.action === 'start') open.delete(k);
      if (tm.action === 'start') open.set(k, { y0: r, ms: tm.ms ?? 0, n: n++ });
    }
  }
  for (const [k, o] of open) out.push(timerEntity(k, o, i, 'running'));
  return out;
}

function timerEntity(k: string, o: { y0: number; ms: number; n: number }, y1: number, status: TimerEntity['status']): TimerEntity {
  const [host, timer] = k.split(':');
  const label: Text = timer === 'rtx' ? { ko: `RTO ${o.ms} ms`, en: `RTO ${o.ms} ms` } : { ko: `2MSL ${o.ms / 1000} s`, en: `2MSL ${o.ms / 1000} s` };
  return { kind: 'timer', id: `timer-${host}-${timer}-${o.n}`, on: host, y0: o.y0, y1, label, status, ms: o.ms };
}
