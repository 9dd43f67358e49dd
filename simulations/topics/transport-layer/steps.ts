/**
 * Turns the two lanes of the race into steps: rows are the merged moments of
 * both lanes (everything at the same logical ms is one step), each step a
 * complete scene with the TCP and UDP lifelines, and a counters panel computed
 * from the events up to that step.
 */
import { round } from '../../core/round';
import type { Text } from '../../core/text';
import type { CountersEntity, Entity, MarkEntity, Step, TimerEntity, View } from '../../core/timeline';
import { dataLength, flagNames, type Segment, type TcpOptions } from '../../tcp/segment';
import type { HostId, LogEntry, Wire } from '../../tcp/world';
import { INTERVAL, IPS, msgNumber, msgOf, type Plan, type TcpLane } from './race';
import type { UdpLane } from './udp';

export type Focus = 'both' | 'tcp' | 'udp';

/** Actor ids on the stage. */
export const ACTOR = {
  tcp: { client: 'tcp-client', server: 'tcp-server' },
  udp: { client: 'udp-client', server: 'udp-server' },
} as const;

const IPV4_HEADER = 20;
const UDP_HEADER = 8;

/** TCP header length: 20 bytes plus options as the wire encoder lays them out (MSS 4, NOP NOP SACK-permitted 4, NOP WS 4). */
export function tcpHeaderLength(o: TcpOptions | undefined): number {
  if (!o) return 20;
  return 20 + (o.mss !== undefined ? 4 : 0) + (o.sackPermitted ? 4 : 0) + (o.wscale !== undefined ? 4 : 0);
}

/** The arrow label: flags first and seq= (the capture check reads them), then what matters here. */
export function tcpLabel(s: Segment): string {
  const head = `${flagNames(s.flags)} seq=${s.seq}`;
  const m = msgOf(s);
  if (m > 0) return `${head} (msg ${m})`;
  return s.flags.ack ? `${head} ack=${s.ack}` : head;
}

export const udpLabel = (msg: number): string => `UDP msg ${msg}`;

const HOST: Record<HostId, Text> = { client: { ko: 'TCP 클라이언트', en: 'TCP client' }, server: { ko: 'TCP 서버', en: 'TCP server' } };
/** "TCP 클라이언트는" / "TCP 서버는". */
const TOPIC: Record<HostId, string> = { client: 'TCP 클라이언트는', server: 'TCP 서버는' };

/** How to name a segment in a sentence, with the right Korean particles. */
interface Noun {
  /** Subject form, e.g. "msg 2 세그먼트가". */
  koSubj: string;
  /** Bare form, e.g. "msg 2 세그먼트". */
  ko: string;
  en: string;
  /** For captions: "SYN", "msg 2", "ACK 1011". */
  short: string;
}

function noun(w: Wire): Noun {
  const s = w.seg;
  const re = w.retransmission ? { ko: '재전송된 ', en: 'retransmitted ' } : { ko: '', en: '' };
  const m = msgOf(s);
  const seg = (name: string, en: string, short: string): Noun => ({ koSubj: `${re.ko}${name} 세그먼트가`, ko: `${re.ko}${name} 세그먼트`, en: `the ${re.en}${en}`, short });
  if (s.flags.rst) return seg('RST', 'RST', 'RST');
  if (s.flags.syn && s.flags.ack) return seg('SYN-ACK', 'SYN-ACK', 'SYN-ACK');
  if (s.flags.syn) return seg('SYN', 'SYN', 'SYN');
  if (s.flags.fin) return seg('FIN', 'FIN', 'FIN');
  if (m > 0) return seg(`msg ${m}`, `msg ${m} segment`, `msg ${m}`);
  return { koSubj: `${re.ko}확인 응답(ACK ${s.ack})이`, ko: `${re.ko}확인 응답(ACK ${s.ack})`, en: `ACK ${s.ack}`, short: `ACK ${s.ack}` };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "msg 2–5" for a run, "msg 2, msg 4" otherwise. */
export function list(ms: number[]): string {
  const runs: string[] = [];
  for (let k = 0; k < ms.length; ) {
    let j = k;
    while (j + 1 < ms.length && ms[j + 1] === ms[j] + 1) j++;
    runs.push(j - k >= 2 ? `msg ${ms[k]}–${ms[j]}` : ms.slice(k, j + 1).map((m) => `msg ${m}`).join(', '));
    k = j + 1;
  }
  return runs.join(', ');
}

interface Row {
  t: number;
  setup: boolean;
  tcp: number[];
  udp: number[];
}

interface Frag {
  lane: 'TCP' | 'UDP';
  text: Text;
}

export interface BuildInput {
  plan: Plan;
  tcp: TcpLane;
  udp: UdpLane;
  focus: Focus;
}

export function buildSteps({ plan, tcp, udp, focus }: BuildInput): { steps: Step[]; view: View } {
  const showTcp = focus !== 'udp';
  const showUdp = focus !== 'tcp';
  const { log, wires } = tcp;
  const byId = new Map(wires.map((w) => [w.id, w]));
  const datagrams = new Map(udp.datagrams.map((d) => [d.id, d]));
  const listenAt = log.findIndex((e) => e.cause.kind === 'app' && e.cause.call.call === 'listen');

  // Rows: the setup row, then every distinct moment of the lanes on show.
  const rows: Row[] = [{ t: 0, setup: true, tcp: showTcp && listenAt >= 0 ? [listenAt] : [], udp: [] }];
  const moments: { t: number; lane: 0 | 1; i: number }[] = [];
  if (showTcp) log.forEach((e, i) => i > 0 && i !== listenAt && moments.push({ t: e.t, lane: 0, i }));
  if (showUdp) udp.events.forEach((e, i) => moments.push({ t: e.t, lane: 1, i }));
  moments.sort((a, b) => a.t - b.t || a.lane - b.lane || a.i - b.i);
  for (const mo of moments) {
    let row = rows[rows.length - 1];
    if (row.setup || row.t !== mo.t) rows.push((row = { t: mo.t, setup: false, tcp: [], udp: [] }));
    (mo.lane === 0 ? row.tcp : row.udp).push(mo.i);
  }
  const tcpRow = new Map<number, number>();
  const udpRow = new Map<number, number>();
  rows.forEach((r, y) => {
    r.tcp.forEach((i) => tcpRow.set(i, y));
    r.udp.forEach((i) => udpRow.set(i, y));
  });
  const wireSent = new Map<string, number>();
  const wireEnd = new Map<string, number>();
  log.forEach((e, i) => {
    for (const id of e.sent) wireSent.set(id, i);
    if (e.cause.kind === 'arrive' || e.cause.kind === 'lost') wireEnd.set(e.cause.wire, i);
  });
  const dgSent = new Map<string, number>();
  const dgEnd = new Map<string, number>();
  udp.events.forEach((e, i) => (e.kind === 'send' ? dgSent : dgEnd).set(e.datagram, i));

  // Lane milestones (whatever is on show: the counters cover both lanes).
  const tcpDelivered: { i: number; msgs: number[] }[] = [];
  log.forEach((e, i) => {
    const msgs = e.delivered.filter((d) => d.host === 'server').map((d) => msgNumber(d.data));
    if (msgs.length) tcpDelivered.push({ i, msgs });
  });
  let tcpDoneAt = -1;
  {
    let k = 0;
    for (const d of tcpDelivered) {
      k += d.msgs.length;
      if (k >= plan.n && tcpDoneAt < 0) tcpDoneAt = d.i;
    }
  }
  const udpLastEnd = udp.events.reduce((last, e, i) => (e.kind !== 'send' ? i : last), -1);

  // Keys: the first row where each thing happens (one key per step, by priority).
  const firstLog = (pred: (e: LogEntry) => boolean) => log.findIndex(pred);
  const firstUdp = (pred: (e: UdpLane['events'][number]) => boolean) => udp.events.findIndex(pred);
  const rowOfLog = (i: number) => (i >= 0 ? tcpRow.get(i) : undefined);
  const rowOfUdp = (i: number) => (i >= 0 ? udpRow.get(i) : undefined);
  const keyRows: [string, number | undefined][] = [
    ['start', 0],
    ['go', rows.length > 1 ? 1 : undefined],
    ['established', rowOfLog(firstLog((e) => e.signals.some((s) => s.host === 'client' && s.signal === 'connected')))],
    ['rto', rowOfLog(firstLog((e) => e.cause.kind === 'timer' && e.cause.timer === 'rtx'))],
    ['tcp-lost', rowOfLog(firstLog((e) => e.cause.kind === 'lost' && msgOf(byId.get(e.cause.wire)!.seg) > 0))],
    ['held', rowOfLog(firstLog((e) => e.held.length > 0))],
    ['udp-lost', rowOfUdp(firstUdp((e) => e.kind === 'lost'))],
    ['udp-out-of-order', rowOfUdp(firstUdp((e) => e.kind === 'arrive' && e.outOfOrder))],
    ['tcp-done', rowOfLog(tcpDoneAt)],
    ['udp-done', rowOfUdp(udpLastEnd)],
    ['fin', rowOfLog(firstLog((e) => e.sent.some((id) => byId.get(id)!.from === 'client' && byId.get(id)!.seg.flags.fin)))],
    ['closed', rowOfLog(firstLog((e) => e.transitions.some((tr) => tr.host === 'server' && tr.to === 'CLOSED')))],
  ];
  const keyOfRow = new Map<number, string>();
  for (const [key, row] of keyRows) if (row !== undefined && !keyOfRow.has(row)) keyOfRow.set(row, key);

  // Cumulative counters: entry by entry (TCP) and event by event (UDP).
  interface Sum {
    sent: number;
    lost: number;
    rtx: number;
    header: number;
    payload: number;
    got: number;
    last: number;
    inOrder: boolean;
    done: string;
  }
  const zero: Sum = { sent: 0, lost: 0, rtx: 0, header: 0, payload: 0, got: 0, last: 0, inOrder: true, done: '—' };
  const tcpSum: Sum[] = [zero];
  for (let i = 1; i < log.length; i++) {
    const e = log[i];
    const c = { ...tcpSum[i - 1] };
    for (const id of e.sent) {
      const w = byId.get(id)!;
      c.sent++;
      if (w.retransmission) c.rtx++;
      c.header += IPV4_HEADER + tcpHeaderLength(w.seg.options);
      c.payload += dataLength(w.seg.data);
    }
    if (e.cause.kind === 'lost') c.lost++;
    for (const d of e.delivered) {
      if (d.host !== 'server') continue;
      const m = msgNumber(d.data);
      if (m <= c.last) c.inOrder = false;
      c.last = m;
      c.got++;
    }
    if (i === tcpDoneAt) c.done = `${e.t} ms`;
    tcpSum.push(c);
  }
  /** udpSum[k]: after the first k events. */
  const udpSum: Sum[] = [zero];
  udp.events.forEach((e, i) => {
    const c = { ...udpSum[i] };
    if (e.kind === 'send') {
      c.sent++;
      c.header += IPV4_HEADER + UDP_HEADER;
      c.payload += dataLength(datagrams.get(e.datagram)!.data);
    } else if (e.kind === 'lost') c.lost++;
    else {
      if (e.msg <= c.last) c.inOrder = false;
      c.last = e.msg;
      c.got++;
    }
    if (i === udpLastEnd) c.done = `${e.t} ms`;
    udpSum.push(c);
  });
  let logAt = 0;
  let udpAt = -1;

  // Arrows, computed once: where they start and end, and how they look once landed.
  type Landed = Extract<Entity, { kind: 'message' }>;
  const arrows: { id: string; y0: number; y1: number; landed: Landed }[] = [];
  if (showTcp) {
    for (const w of wires) {
      const y0 = tcpRow.get(wireSent.get(w.id)!)!;
      const endI = wireEnd.get(w.id);
      const y1 = endI !== undefined ? tcpRow.get(endI)! : rows.length;
      const id = `tcp-${w.id}`;
      arrows.push({
        id,
        y0,
        y1,
        landed: {
          kind: 'message',
          id,
          from: ACTOR.tcp[w.from],
          to: ACTOR.tcp[w.to],
          y0,
          y1,
          progress: 1,
          status: w.lost ? 'lost' : 'delivered',
          label: tcpLabel(w.seg),
          fresh: false,
          retransmission: w.retransmission,
          packet: { proto: 'tcp', fields: { src: IPS[w.from], dst: IPS[w.to], seg: w.seg, t: w.sentAt } },
        },
      });
    }
  }
  if (showUdp) {
    for (const d of udp.datagrams) {
      const y0 = udpRow.get(dgSent.get(d.id)!)!;
      const y1 = udpRow.get(dgEnd.get(d.id)!)!;
      const id = `udp-${d.id}`;
      arrows.push({
        id,
        y0,
        y1,
        landed: {
          kind: 'message',
          id,
          from: ACTOR.udp.client,
          to: ACTOR.udp.server,
          y0,
          y1,
          progress: 1,
          status: d.lost ? 'lost' : 'delivered',
          label: udpLabel(d.msg),
          fresh: false,
          packet: { proto: 'udp', fields: { src: IPS.client, dst: IPS.server, srcPort: d.srcPort, dstPort: d.dstPort, data: d.data, t: d.sentAt } },
        },
      });
    }
  }

  const x = focus === 'both' ? { tcpC: 8, tcpS: 40, udpC: 60, udpS: 92 } : { tcpC: 20, tcpS: 80, udpC: 20, udpS: 80 };
  const marks: MarkEntity[] = [];
  const mark = (on: string, y: number, tone: MarkEntity['tone'], text: Text) =>
    marks.push({ kind: 'mark', id: `mark-${y}-${on}-${marks.length}`, on, y, tone, text, fresh: false });
  const steps: Step[] = [];
  let sawDupAck = false;
  let sawHold = false;
  let sawAckLoss = false;
  const dupAcks = new Map<number, number>();
  const lastAck: Record<HostId, number> = { client: -1, server: -1 };
  let udpFirstSend = true;
  /** State changes of the current row, said once at its end. */
  let changes: { host: HostId; from: string; to: string }[] = [];

  rows.forEach((row, y) => {
    const parts: Text[] = [];
    const frags: Frag[] = [];

    if (row.setup) {
      if (showTcp && row.tcp.length) {
        parts.push({
          ko: `TCP 서버 앱이 포트 ${plan.ports.server}에서 listen()을 호출해 연결을 기다립니다.`,
          en: `The TCP server app calls listen() on port ${plan.ports.server} and waits for a connection.`,
        });
        mark(ACTOR.tcp.server, y, 'call', { ko: 'listen()', en: 'listen()' });
        for (const tr of log[row.tcp[0]].transitions) mark(ACTOR.tcp[tr.host], y, 'state', { ko: tr.to, en: tr.to });
        frags.push({ lane: 'TCP', text: { ko: 'listen()', en: 'listen()' } });
      }
      if (showUdp) {
        parts.push(
          showTcp
            ? {
                ko: `UDP 서버 앱은 UDP 포트 ${plan.ports.server}에 bind()만 해 둡니다. 번호는 같아도 TCP 포트와 UDP 포트는 서로 다른 공간입니다.`,
                en: `The UDP server app just bind()s UDP port ${plan.ports.server}. Same number, but TCP and UDP ports are separate spaces.`,
              }
            : {
                ko: `UDP 서버 앱은 UDP 포트 ${plan.ports.server}에 bind()만 해 둡니다: listen()도 accept()도 없습니다.`,
                en: `The UDP server app just bind()s UDP port ${plan.ports.server}: there is no listen() and no accept().`,
              },
        );
        mark(ACTOR.udp.server, y, 'call', { ko: 'bind()', en: 'bind()' });
        frags.push({ lane: 'UDP', text: { ko: 'bind()', en: 'bind()' } });
      }
      const what =
        plan.n === 1
          ? { ko: '메시지 하나를 보냅니다.', en: 'one message.' }
          : { ko: `같은 메시지 ${plan.n}개를 ${INTERVAL} ms 간격으로 보냅니다.`, en: `the same ${plan.n} messages, ${INTERVAL} ms apart.` };
      parts.push({
        ko: `${showTcp && showUdp ? '두 클라이언트 앱은' : '클라이언트 앱은'} ${what.ko} 손실과 지연은 시드로 정해지며, 각 메시지의 첫 전송은 TCP와 UDP에서 같은 운명을 맞습니다.`,
        en: `${showTcp && showUdp ? 'Both client apps send' : 'The client app sends'} ${what.en} Losses and delays come from the seed, and each message's first copy meets the same fate over TCP and over UDP.`,
      });
    }

    changes = [];
    if (!row.setup) for (const i of row.tcp) tcpEntry(i, y, parts, frags);
    if (changes.length) {
      const said = (['client', 'server'] as HostId[])
        .map((h) => {
          const mine = changes.filter((c) => c.host === h);
          if (!mine.length) return undefined;
          const path = [mine[0].from, ...mine.map((c) => c.to)].join(' → ');
          return { ko: `${HOST[h].ko} ${path}`, en: `${HOST[h].en} ${path}` };
        })
        .filter((v): v is Text => v !== undefined);
      parts.push({ ko: `상태: ${said.map((v) => v.ko).join(', ')}.`, en: `State: ${said.map((v) => v.en).join(', ')}.` });
      if (changes.some((c) => c.to === 'TIME-WAIT')) {
        parts.push({
          ko: 'TIME-WAIT에서 클라이언트는 2×MSL 동안 연결 정보를 지우지 않고 기다립니다 (TIME-WAIT 주제에서 자세히 다룹니다).',
          en: 'In TIME-WAIT the client keeps the connection’s state for 2×MSL before forgetting it (see the TIME-WAIT topic).',
        });
      }
    }
    for (const i of row.udp) udpEvent(i, y, parts, frags);

    // Milestones.
    if (showTcp && row.tcp.includes(tcpDoneAt)) {
      const t = log[tcpDoneAt].t;
      const udpT = udpLastEnd >= 0 ? udp.events[udpLastEnd].t : -1;
      const d = udpT >= 0 && udpT < t ? t - udpT : 0;
      parts.push(
        plan.n === 1
          ? {
              ko: `TCP 서버 앱이 메시지를 받았습니다 (${t} ms).${d ? ` UDP 쪽보다 ${d} ms 늦었습니다.` : ''}`,
              en: `The TCP server app now has the message (${t} ms).${d ? ` That is ${d} ms after the UDP lane ended.` : ''}`,
            }
          : {
              ko: `TCP 서버 앱이 메시지 ${plan.n}개를 빠짐없이, 보낸 순서대로 모두 받았습니다 (${t} ms).${d ? ` UDP 쪽보다 ${d} ms 늦었지만, 빠진 것도 뒤바뀐 것도 없습니다.` : ''}`,
              en: `The TCP server app now has all ${plan.n} messages, none missing, in the order sent (${t} ms).${d ? ` That is ${d} ms after the UDP lane ended, but nothing is missing or out of order.` : ''}`,
            },
      );
    }
    if (showUdp && row.udp.includes(udpLastEnd)) {
      const got = udp.events.filter((e) => e.kind === 'arrive').map((e) => e.msg);
      const inOrder = got.every((m, k) => k === 0 || m > got[k - 1]);
      const lostN = plan.n - got.length;
      const T = udp.events[udpLastEnd].t;
      const said =
        got.length === 0
          ? { ko: '메시지가 하나도 앱에 도착하지 못했습니다.', en: 'no message reached the app.' }
          : plan.n === 1
            ? { ko: '메시지가 앱에 도착했습니다.', en: 'the message reached the app.' }
            : {
                ko: `메시지 ${plan.n}개 중 ${got.length}개가 앱에 도착했고, ${inOrder ? '도착한 것은 보낸 순서 그대로였습니다' : '순서가 뒤바뀐 채로 전달됐습니다'}.`,
                en: `${got.length} of ${plan.n} messages reached the app, ${inOrder ? 'in the order sent' : 'out of order'}.`,
              };
      parts.push({
        ko: `UDP 쪽은 여기서 끝납니다 (${T} ms): ${said.ko}${lostN > 0 ? ' 잃어버린 메시지가 필요했다면 앱이 스스로 알아채고 다시 요청해야 합니다.' : ''}`,
        en: `The UDP lane is done (${T} ms): ${said.en}${lostN > 0 ? ' If the app needed what was lost, it would have to notice and ask again itself.' : ''}`,
      });
    }

    const step: Step = { t: row.t, caption: caption(frags, row.setup), narration: join(parts), scene: { entities: scene(y) } };
    const key = keyOfRow.get(y);
    if (key) step.key = key;
    steps.push(step);
  });

  return { steps, view: { rows: rows.length, ticks: rows.map((r, y) => ({ y, t: r.t })) } };

  // ---- TCP narration -------------------------------------------------------

  function tcpEntry(i: number, y: number, parts: Text[], frags: Frag[]): void {
    const e = log[i];
    const prev = log[i - 1].tcbs;
    const c = e.cause;
    const sent = e.sent.map((id) => byId.get(id)!);
    const described = new Set<string>();
    const push = (ko: string, en: string) => parts.push({ ko, en });
    const frag = (ko: string, en: string) => frags.push({ lane: 'TCP', text: { ko, en } });

    switch (c.kind) {
      case 'start':
        break;
      case 'app': {
        const call = c.call;
        const w = sent[0];
        if (w) described.add(w.id);
        if (call.call === 'connect') {
          mark(ACTOR.tcp.client, y, 'call', { ko: 'connect()', en: 'connect()' });
          push(
            `TCP 클라이언트 앱이 connect()를 호출해 SYN(seq=${w?.seg.seq})을 보냅니다. 3-way 핸드셰이크가 끝나기 전에는 데이터를 한 바이트도 보낼 수 없습니다.`,
            `The TCP client app calls connect(), which sends a SYN (seq=${w?.seg.seq}). Not a byte of data can go before the 3-way handshake completes.`,
          );
          frag('SYN →', 'SYN →');
        } else if (call.call === 'send') {
          const m = w ? msgOf(w.seg) : 0;
          push(
            `TCP 클라이언트 앱이 send()를 호출합니다: msg ${m} 세그먼트(seq=${w?.seg.seq}, ${dataLength(call.data)}바이트)가 나갑니다.`,
            `The TCP client app calls send(): the msg ${m} segment goes out (seq=${w?.seg.seq}, ${dataLength(call.data)} bytes).`,
          );
          frag(`msg ${m} →`, `msg ${m} →`);
        } else if (call.call === 'close' && c.host === 'client') {
          mark(ACTOR.tcp.client, y, 'call', { ko: 'close()', en: 'close()' });
          push(
            `TCP 클라이언트 앱이 마지막 메시지를 쓰고 close()를 호출해 FIN(seq=${w?.seg.seq})을 보냅니다. FIN도 순서 번호 하나를 차지하므로, 서버는 앞선 데이터를 모두 받은 뒤에야 FIN을 처리합니다.`,
            `The TCP client app has written its last message and calls close(), which sends a FIN (seq=${w?.seg.seq}). The FIN takes a sequence number too, so the server handles it only after all the data before it.`,
          );
          frag('close() → FIN', 'close() → FIN');
        } else if (call.call === 'close') {
          mark(ACTOR.tcp.server, y, 'call', { ko: 'close()', en: 'close()' });
          push(
            `TCP 서버 앱도 close()를 호출해 자기 쪽 FIN(seq=${w?.seg.seq})을 보냅니다.`,
            `The TCP server app calls close() too, and sends its own FIN (seq=${w?.seg.seq}).`,
          );
          frag('FIN ←', 'FIN ←');
        }
        break;
      }
      case 'lost': {
        const w = byId.get(c.wire)!;
        const n = noun(w);
        push(`${n.koSubj} 네트워크에서 사라집니다 ✕. 보낸 쪽도 받을 쪽도 이를 바로 알 수 없습니다.`, `${cap(n.en)} is lost in the network ✕. Neither side can tell right away.`);
        const m = msgOf(w.seg);
        if (m > 0 && !w.retransmission) {
          push(
            `UDP의 msg ${m} 데이터그램과 같은 운명입니다. 하지만 TCP 클라이언트에게는 재전송 타이머가 있습니다.`,
            `Same fate as UDP's msg ${m} datagram. But the TCP client has a retransmission timer.`,
          );
        } else if (!w.seg.flags.syn && !w.seg.flags.fin && m === 0) {
          if (!sawAckLoss) {
            push(
              'TCP는 확인 응답 자체를 재전송하지 않습니다: 뒤이은 누적 확인 응답이 대신하거나, 데이터를 보낸 쪽의 타이머가 만료되어 다시 보냅니다.',
              'TCP never retransmits an ACK as such: a later cumulative ACK covers for it, or the data sender’s timer expires and it resends.',
            );
          }
          sawAckLoss = true;
        } else {
          push(
            `${HOST[w.from].ko}의 재전송 타이머가 만료되어야 다시 보내게 됩니다.`,
            `Only the ${HOST[w.from].en}'s retransmission timer will make it send again.`,
          );
        }
        frag(`${n.short} 손실 ✕`, `${n.short} lost ✕`);
        break;
      }
      case 'timer': {
        if (c.timer !== 'rtx') break;
        const h = c.host;
        const w = sent[0];
        if (w) described.add(w.id);
        const n = w ? noun({ ...w, retransmission: false }) : undefined;
        push(
          `${HOST[h].ko}의 재전송 타이머가 만료됩니다 (RTO ${prev[h].rto} ms): 그동안 확인 응답이 오지 않았습니다. TCP는 가장 오래된 미확인 세그먼트 하나만 다시 보냅니다: ${n?.ko} (재전송). RTO는 ${e.tcbs[h].rto} ms로 두 배가 됩니다 (RFC 6298).`,
          `The ${HOST[h].en}'s retransmission timer expires (RTO ${prev[h].rto} ms): no ACK came in time. TCP resends only the oldest unacknowledged segment, ${n?.en}. The RTO doubles to ${e.tcbs[h].rto} ms (RFC 6298).`,
        );
        frag(`RTO → ${n?.short} 재전송`, `RTO → resend ${n?.short}`);
        break;
      }
      case 'arrive': {
        const w = byId.get(c.wire)!;
        const h = c.host;
        const n = noun(w);
        push(`${n.koSubj} ${HOST[h].ko}에 도착합니다.`, `${cap(n.en)} reaches the ${HOST[h].en}.`);
        const delivered = e.delivered.filter((d) => d.host === h).map((d) => msgNumber(d.data));
        const dup = e.drops.some((d) => d.host === h && (d.why === 'unacceptable' || d.why === 'duplicate'));
        if (e.held.some((hd) => hd.host === h)) {
          if (!sawHold) {
            push(
              `하지만 앞선 바이트(${prev[h].rcvNxt}번부터)가 아직 오지 않았습니다: ${TOPIC[h]} 이 세그먼트를 버리지 않고 보관하며, 앱에는 아직 아무것도 넘기지 않습니다.`,
              `But the bytes before it (from ${prev[h].rcvNxt}) have not arrived yet: the ${HOST[h].en} holds this segment instead of discarding it, and gives the app nothing yet.`,
            );
          } else {
            push(`${prev[h].rcvNxt}번부터 아직 비어 있으므로 이것도 보관만 합니다.`, `Byte ${prev[h].rcvNxt} onward is still missing, so this one is held too.`);
          }
          sawHold = true;
          frag(`${n.short} 보관`, `${n.short} held`);
        } else if (dup) {
          push('이미 받은 번호이므로 버리고, 확인 응답만 다시 보냅니다.', 'It carries nothing new, so it is discarded and only an ACK goes back.');
          frag(`${n.short} 중복`, `${n.short} duplicate`);
        } else if (delivered.length > 0) {
          if (delivered.length === 1) {
            push(`기다리던 바로 그 바이트이므로 앱이 곧바로 받습니다 (recv → msg ${delivered[0]}).`, `These are the very bytes it was waiting for, so the app gets them at once (recv → msg ${delivered[0]}).`);
          } else {
            push(
              `빈 곳이 채워졌으므로 보관해 두었던 세그먼트까지 앱에 순서대로 넘깁니다 (recv → ${list(delivered)}).`,
              `The gap is filled, so the held segments follow, in order (recv → ${list(delivered)}).`,
            );
          }
          mark(ACTOR.tcp[h], y, 'app', { ko: `recv → ${list(delivered)}`, en: `recv → ${list(delivered)}` });
          frag(`${n.short} → recv ${list(delivered)}`, `${n.short} → recv ${list(delivered)}`);
        } else if (w.seg.flags.ack && !w.seg.flags.syn && h === 'client' && msgOf(w.seg) === 0 && !w.seg.flags.fin) {
          // A pure ACK at the data sender: new, or a duplicate.
          const before = prev.client.sndUna;
          const after = e.tcbs.client.sndUna;
          if (after !== before) {
            const acked = [...new Set(wires.filter((o) => o.from === 'client' && msgOf(o.seg) > 0 && o.seg.seq >= before && o.seg.seq < after).map((o) => msgOf(o.seg)))].sort((a, b) => a - b);
            if (acked.length > 1) {
              push(
                `서버가 ${w.seg.ack}번 앞까지 모두 받았다는 뜻입니다: 누적 확인 응답 하나로 ${list(acked)} 메시지가 한꺼번에 확인됩니다.`,
                `The server has everything before byte ${w.seg.ack}: one cumulative ACK confirms ${list(acked)} at once.`,
              );
            } else {
              push(`서버가 ${w.seg.ack}번 앞까지 모두 받았다는 뜻입니다.`, `The server has everything before byte ${w.seg.ack}.`);
            }
            const stop = e.timers.find((tm) => tm.host === 'client' && tm.timer === 'rtx');
            if (stop?.action === 'stop') push('확인을 기다리는 데이터가 없으니 재전송 타이머를 멈춥니다.', 'Nothing is waiting for an ACK now, so the retransmission timer stops.');
            else if (stop?.action === 'start') push(`아직 확인받지 못한 세그먼트가 남아 있어 타이머를 다시 겁니다 (RTO ${stop.ms} ms).`, `Unacknowledged segments remain, so the timer starts again (RTO ${stop.ms} ms).`);
            frag(`${n.short} ✓`, `${n.short} ✓`);
          } else {
            const k = (dupAcks.get(w.seg.ack) ?? 0) + 1;
            dupAcks.set(w.seg.ack, k);
            push(
              `새로 확인된 것이 없는 중복 ACK입니다: 서버가 ${w.seg.ack}번 바이트를 아직 받지 못했다는 신호입니다.${sawDupAck ? '' : ' 실제 TCP는 중복 ACK 세 개를 받으면 타이머를 기다리지 않고 빠른 재전송을 하지만(RFC 5681), 이 시뮬레이션의 TCP는 재전송 타이머만 씁니다.'}${k === 3 ? ' 벌써 세 번째 중복 ACK입니다: 빠른 재전송이 있었다면 지금 다시 보냈을 것입니다.' : ''}`,
              `It acknowledges nothing new (a duplicate ACK): the server is still missing byte ${w.seg.ack}.${sawDupAck ? '' : ' Real stacks fast-retransmit after three duplicate ACKs instead of waiting for the timer (RFC 5681); this TCP uses only its retransmission timer.'}${k === 3 ? ' This is the third duplicate: with fast retransmit, the missing segment would be resent now.' : ''}`,
            );
            sawDupAck = true;
            frag(`${n.short} 중복`, `${n.short} duplicate`);
          }
        } else {
          frag(`${n.short} 도착`, `${n.short} arrives`);
        }
        for (const s of e.signals.filter((sg) => sg.host === h)) {
          if (s.signal === 'connected' && h === 'client') {
            push(`connect()가 반환됩니다. 핸드셰이크에 걸린 시간: ${e.t} ms. 이제야 앱이 데이터를 보낼 수 있습니다.`, `connect() returns. The handshake took ${e.t} ms; only now can the app send data.`);
          } else if (s.signal === 'connected') {
            push('accept()가 연결된 소켓을 돌려줍니다.', 'accept() returns the connected socket.');
            mark(ACTOR.tcp.server, y, 'app', { ko: 'accept() ✓', en: 'accept() ✓' });
          } else if (s.signal === 'eof') {
            push(
              h === 'server'
                ? 'FIN까지 순서대로 처리되어 서버 앱의 recv()가 0을 돌려받습니다 (EOF): 클라이언트가 보낼 것을 다 보냈다는 뜻입니다.'
                : '서버도 보낼 것을 다 보냈습니다: 클라이언트 앱의 recv()가 0을 돌려받습니다 (EOF).',
              h === 'server'
                ? 'The FIN is processed in order, so the server app’s recv() returns 0 (EOF): the client has sent everything.'
                : 'The server has sent everything too: the client app’s recv() returns 0 (EOF).',
            );
            mark(ACTOR.tcp[h], y, 'app', { ko: 'recv() = 0', en: 'recv() = 0' });
          } else if (s.signal === 'reset') {
            push('연결이 RST로 끊깁니다.', 'The connection is reset.');
          }
        }
        break;
      }
    }

    // What was sent in answer, then state changes.
    for (const w of sent) {
      if (described.has(w.id)) continue;
      const s = w.seg;
      if (s.flags.syn && s.flags.ack) {
        push(
          `${TOPIC[w.from]} SYN-ACK(seq=${s.seq}, ack=${s.ack})으로 답합니다: 상대의 SYN이 번호 하나를 썼으므로 ack는 ${(s.ack - 1) >>> 0} + 1입니다.`,
          `The ${HOST[w.from].en} answers with SYN-ACK (seq=${s.seq}, ack=${s.ack}): the peer's SYN used one number, so ack is ${(s.ack - 1) >>> 0} + 1.`,
        );
      } else if (s.flags.rst) {
        push(`${TOPIC[w.from]} RST를 보냅니다.`, `The ${HOST[w.from].en} sends a RST.`);
      } else if (s.flags.ack && !s.flags.syn && !s.flags.fin && msgOf(s) === 0) {
        if (lastAck[w.from] === s.ack) {
          push(`${TOPIC[w.from]} 같은 확인 응답(ACK ${s.ack})을 다시 보냅니다.`, `The ${HOST[w.from].en} sends the same ACK ${s.ack} again.`);
        } else {
          push(
            `${TOPIC[w.from]} 확인 응답(ACK ${s.ack})을 보냅니다: ${s.ack}번 앞까지는 다 받았다는 뜻입니다.`,
            `The ${HOST[w.from].en} sends ACK ${s.ack}: it has everything before byte ${s.ack}.`,
          );
        }
      } else {
        const n = noun(w);
        push(`${TOPIC[w.from]} ${n.ko}를 보냅니다.`, `The ${HOST[w.from].en} sends ${n.en}.`);
      }
    }
    for (const w of sent) if (w.seg.flags.ack && !w.seg.flags.syn && !w.seg.flags.fin && msgOf(w.seg) === 0) lastAck[w.from] = w.seg.ack;
    for (const tr of e.transitions) {
      changes.push(tr);
      mark(ACTOR.tcp[tr.host], y, 'state', { ko: tr.to, en: tr.to });
    }
  }

  // ---- UDP narration -------------------------------------------------------

  function udpEvent(i: number, y: number, parts: Text[], frags: Frag[]): void {
    const e = udp.events[i];
    const frag = (ko: string, en: string) => frags.push({ lane: 'UDP', text: { ko, en } });
    switch (e.kind) {
      case 'send':
        if (udpFirstSend) {
          udpFirstSend = false;
          mark(ACTOR.udp.client, y, 'call', { ko: 'sendto()', en: 'sendto()' });
          parts.push({
            ko: `UDP 클라이언트는 준비 없이 곧바로 sendto()로 msg ${e.msg} 데이터그램을 보냅니다. 핸드셰이크도, 순서 번호도, 확인 응답도 없습니다: UDP 헤더는 포트 두 개와 길이, 체크섬으로 된 8바이트뿐입니다.`,
            en: `The UDP client sends the msg ${e.msg} datagram right away with sendto(). No handshake, no sequence numbers, no acknowledgements: the UDP header is just 8 bytes (two ports, a length and a checksum).`,
          });
        } else {
          parts.push({ ko: `UDP 클라이언트가 msg ${e.msg} 데이터그램을 보냅니다.`, en: `The UDP client sends the msg ${e.msg} datagram.` });
        }
        frag(`msg ${e.msg} →`, `msg ${e.msg} →`);
        break;
      case 'lost':
        parts.push({
          ko: `msg ${e.msg} 데이터그램이 네트워크에서 사라집니다 ✕. UDP에는 확인 응답도 재전송도 없으므로 아무도 알아채지 못하고, 이 메시지는 끝내 오지 않습니다.`,
          en: `The msg ${e.msg} datagram is lost in the network ✕. UDP has no acknowledgements and no retransmission, so nobody notices, and this message never arrives.`,
        });
        frag(`msg ${e.msg} 손실 ✕`, `msg ${e.msg} lost ✕`);
        break;
      case 'arrive': {
        const later = e.delivered.slice(0, -1).filter((m) => m > e.msg);
        parts.push({
          ko: `msg ${e.msg} 데이터그램이 UDP 서버에 도착해 곧바로 앱에 전달됩니다 (recvfrom).${later.length ? ` 하지만 나중에 보낸 ${list(later)} 데이터그램이 이미 전달됐습니다: UDP는 순서를 바로잡지 않고 도착한 순서대로 넘깁니다.` : ''}`,
          en: `The msg ${e.msg} datagram reaches the UDP server and goes straight to the app (recvfrom).${later.length ? ` But ${list(later)}, sent later, ${later.length > 1 ? 'were' : 'was'} already delivered: UDP does not put datagrams back in order, it hands them over as they come.` : ''}`,
        });
        mark(ACTOR.udp.server, y, 'app', { ko: `recvfrom → msg ${e.msg}`, en: `recvfrom → msg ${e.msg}` });
        frag(later.length ? `msg ${e.msg} 도착 (순서 뒤바뀜)` : `msg ${e.msg} 도착`, later.length ? `msg ${e.msg} arrives (out of order)` : `msg ${e.msg} arrives`);
        break;
      }
    }
  }

  // ---- Scenes --------------------------------------------------------------

  function scene(y: number): Record<string, Entity> {
    const entities: Record<string, Entity> = {};
    const tNow = rows[y].t;
    // Entries of a lane on show count by row; a lane not on show counts by time. Both are prefixes.
    const reachedLog = (i: number) => (showTcp ? (tcpRow.get(i) ?? Infinity) <= y : log[i].t < tNow || (log[i].t === tNow && y > 0));
    const reachedUdp = (i: number) => (showUdp ? (udpRow.get(i) ?? Infinity) <= y : udp.events[i].t < tNow || (udp.events[i].t === tNow && y > 0));
    while (logAt + 1 < log.length && reachedLog(logAt + 1)) logAt++;
    while (udpAt + 1 < udp.events.length && reachedUdp(udpAt + 1)) udpAt++;
    const tcbs = log[logAt].tcbs;

    if (showTcp) {
      entities[ACTOR.tcp.client] = { kind: 'actor', id: ACTOR.tcp.client, label: { ko: 'TCP 클라이언트', en: 'TCP client' }, sublabel: `${IPS.client}:${plan.ports.tcpClient}`, x: x.tcpC, role: 'client', state: tcbs.client.state };
      entities[ACTOR.tcp.server] = { kind: 'actor', id: ACTOR.tcp.server, label: { ko: 'TCP 서버', en: 'TCP server' }, sublabel: `${IPS.server}:${plan.ports.server}`, x: x.tcpS, role: 'server', state: tcbs.server.state };
    }
    if (showUdp) {
      entities[ACTOR.udp.client] = { kind: 'actor', id: ACTOR.udp.client, label: { ko: 'UDP 클라이언트', en: 'UDP client' }, sublabel: `${IPS.client}:${plan.ports.udpClient}`, x: x.udpC, role: 'client' };
      entities[ACTOR.udp.server] = { kind: 'actor', id: ACTOR.udp.server, label: { ko: 'UDP 서버', en: 'UDP server' }, sublabel: `${IPS.server}:${plan.ports.server}`, x: x.udpS, role: 'server' };
    }
    for (const m of arrows) {
      if (m.y0 > y) continue;
      const done = m.y1 <= y;
      if (done && m.y0 !== y) {
        // Landed: the same entity in every later scene.
        entities[m.id] = m.landed;
        continue;
      }
      entities[m.id] = {
        ...m.landed,
        progress: done ? 1 : round((y - m.y0) / Math.max(1, m.y1 - m.y0)),
        status: done ? m.landed.status : 'flight',
        fresh: m.y0 === y,
      };
    }
    if (showTcp) for (const tm of timers(y)) entities[tm.id] = tm;
    for (const mk of marks) entities[mk.id] = mk.y === y ? { ...mk, fresh: true } : mk;
    entities.counters = counters();
    return entities;
  }

  /** Retransmission timers running at row y, and the ones that fired. */
  function timers(y: number): TimerEntity[] {
    const out: TimerEntity[] = [];
    const open = new Map<HostId, { y0: number; ms: number; n: number }>();
    let n = 0;
    const entity = (host: HostId, o: { y0: number; ms: number; n: number }, y1: number, status: TimerEntity['status']): TimerEntity => ({
      kind: 'timer',
      id: `timer-${host}-${o.n}`,
      on: ACTOR.tcp[host],
      y0: o.y0,
      y1,
      label: { ko: `RTO ${o.ms} ms`, en: `RTO ${o.ms} ms` },
      status,
      ms: o.ms,
    });
    for (let i = 1; i < log.length; i++) {
      const r = tcpRow.get(i);
      if (r === undefined || r > y) continue;
      const e = log[i];
      if (e.cause.kind === 'timer' && e.cause.timer === 'rtx') {
        const o = open.get(e.cause.host);
        if (o) out.push(entity(e.cause.host, o, r, 'fired'));
        open.delete(e.cause.host);
      }
      for (const tm of e.timers) {
        if (tm.timer !== 'rtx') continue;
        open.delete(tm.host);
        if (tm.action === 'start') open.set(tm.host, { y0: r, ms: tm.ms ?? 0, n: n++ });
      }
    }
    for (const [host, o] of open) out.push(entity(host, o, y, 'running'));
    return out;
  }

  function counters(): CountersEntity {
    const tc = tcpSum[logAt];
    const uc = udpSum[udpAt + 1];
    const inOrder = (c: Sum) => (c.got === 0 ? '—' : c.inOrder ? '✓' : '✗');
    return {
      kind: 'counters',
      id: 'counters',
      title: { ko: '경주 현황 (지금 단계까지)', en: 'The race so far' },
      columns: [
        { ko: 'TCP', en: 'TCP' },
        { ko: 'UDP', en: 'UDP' },
      ],
      rows: [
        { label: { ko: '앱에 전달된 메시지', en: 'Messages delivered to the app' }, values: [`${tc.got} / ${plan.n}`, `${uc.got} / ${plan.n}`] },
        { label: { ko: '보낸 순서대로 전달?', en: 'Delivered in the order sent?' }, values: [inOrder(tc), inOrder(uc)] },
        { label: { ko: '보낸 패킷', en: 'Packets sent' }, values: [String(tc.sent), String(uc.sent)] },
        { label: { ko: '네트워크에서 손실', en: 'Lost in the network' }, values: [String(tc.lost), String(uc.lost)] },
        { label: { ko: '재전송', en: 'Retransmissions' }, values: [String(tc.rtx), '0'] },
        { label: { ko: '데이터 바이트', en: 'Payload bytes' }, values: [`${tc.payload} B`, `${uc.payload} B`] },
        { label: { ko: '헤더 바이트 (IPv4 20 + TCP 20+옵션 / UDP 8)', en: 'Header bytes (IPv4 20 + TCP 20+options / UDP 8)' }, values: [`${tc.header} B`, `${uc.header} B`] },
        { label: { ko: '끝난 시각', en: 'Finished at' }, values: [tc.done, uc.done] },
      ],
    };
  }
}

function caption(frags: Frag[], setup: boolean): Text {
  const lanes = (['TCP', 'UDP'] as const)
    .map((lane) => {
      const mine = frags.filter((f) => f.lane === lane).map((f) => f.text);
      if (!mine.length) return undefined;
      const shown = mine.length > 3 ? [...mine.slice(0, 2), { ko: `외 ${mine.length - 2}건`, en: `+${mine.length - 2} more` }] : mine;
      return { ko: `${lane}: ${shown.map((s) => s.ko).join(', ')}`, en: `${lane}: ${shown.map((s) => s.en).join(', ')}` };
    })
    .filter((x): x is Text => x !== undefined);
  const body = { ko: lanes.map((l) => l.ko).join(' · '), en: lanes.map((l) => l.en).join(' · ') };
  return setup ? { ko: `준비 · ${body.ko}`, en: `Ready · ${body.en}` } : body;
}

function join(parts: Text[]): Text {
  return { ko: parts.map((p) => p.ko).join(' '), en: parts.map((p) => p.en).join(' ') };
}
