/**
 * The race as a story, built while walking both traces row by row: actors are shown once
 * and their TCP state set when it changes; a message is shown when it is sent and set as
 * it flies and lands; marks appear at their row; retransmission timers run, fire or go;
 * the counters panel is set from the running sums.
 */
import { round } from '../../core/round';
import { StoryBuilder, type Story } from '../../core/story';
import type { CountersEntity, MarkEntity, MessageEntity, TimerEntity, View } from '../../core/timeline';
import type { HostId } from '../../tcp/world';
import type { Plan, TcpLane } from './race';
import { IPS } from './race';
import { ACTOR, tcpChip, tcpLabel, udpChip, udpLabel, type Focus } from './labels';
import { readAcks } from './dupack';
import { layout, type Sum } from './rows';
import { tcpNarrator, type Out } from './tcp-text';
import { caption, changesText, setupText, tcpDoneText, udpDoneText, udpNarrator } from './race-text';
import type { UdpLane } from './udp';

export interface StoryInput {
  plan: Plan;
  tcp: TcpLane;
  udp: UdpLane;
  focus: Focus;
}

export function buildStory({ plan, tcp, udp, focus }: StoryInput): Story & { view: View } {
  const L = layout(plan, tcp, udp, focus);
  const { rows, showTcp, showUdp, byId } = L;
  const { log } = tcp;
  const b = new StoryBuilder();
  const tcpSay = tcpNarrator({ log, byId, acks: readAcks(log, byId) });
  const udpSay = udpNarrator(udp);
  const x = focus === 'both' ? { tcpC: 8, tcpS: 40, udpC: 60, udpS: 92 } : { tcpC: 20, tcpS: 80, udpC: 20, udpS: 80 };
  /** Messages in flight: id → the rows they span. */
  const flying = new Map<string, { y0: number; y1: number; status: MessageEntity['status'] }>();
  const timers = new Map<HostId, string>();
  let timerN = 0;
  let markN = 0;
  let logAt = 0;
  let udpAt = -1;

  rows.forEach((row, y) => {
    const marks: MarkEntity[] = [];
    const out: Out = {
      parts: [],
      frags: [],
      changes: [],
      mark: (on, tone, text) => marks.push({ kind: 'mark', id: `mark-${y}-${on}-${markN++}`, on, y, tone, text, fresh: false }),
    };
    if (row.setup) setupText(plan, showTcp, showUdp, row.tcp.length > 0, out, row.tcp.flatMap((i) => log[i].transitions));
    else for (const i of row.tcp) tcpSay(i, out);
    changesText(out);
    for (const i of row.udp) udpSay(i, out);
    if (showTcp && row.tcp.includes(L.tcpDoneAt)) out.parts.push(tcpDoneText(plan, log[L.tcpDoneAt].t, L.udpLastEnd >= 0 ? udp.events[L.udpLastEnd].t : -1));
    if (showUdp && row.udp.includes(L.udpLastEnd)) out.parts.push(udpDoneText(plan, udp, udp.events[L.udpLastEnd].t));

    const key = L.keyOfRow.get(y);
    b.beat({
      t: row.t,
      ...(key ? { key } : {}),
      caption: caption(out.frags, row.setup),
      narration: { ko: out.parts.map((p) => p.ko).join(' '), en: out.parts.map((p) => p.en).join(' ') },
    });

    // Where each lane stands: a lane on show by row, a lane not on show by time.
    const reachedLog = (i: number) => (showTcp ? (L.tcpRow.get(i) ?? Infinity) <= y : log[i].t < row.t || (log[i].t === row.t && y > 0));
    const reachedUdp = (i: number) => (showUdp ? (L.udpRow.get(i) ?? Infinity) <= y : udp.events[i].t < row.t || (udp.events[i].t === row.t && y > 0));
    while (logAt + 1 < log.length && reachedLog(logAt + 1)) logAt++;
    while (udpAt + 1 < udp.events.length && reachedUdp(udpAt + 1)) udpAt++;
    const tcbs = log[logAt].tcbs;

    if (y === 0) {
      if (showTcp) {
        b.show({ kind: 'actor', id: ACTOR.tcp.client, label: { ko: 'TCP 클라이언트', en: 'TCP client' }, sublabel: `:${plan.ports.tcpClient}`, x: x.tcpC, role: 'client', state: tcbs.client.state });
        b.show({ kind: 'actor', id: ACTOR.tcp.server, label: { ko: 'TCP 서버', en: 'TCP server' }, sublabel: `:${plan.ports.server}`, x: x.tcpS, role: 'server', state: tcbs.server.state });
      }
      if (showUdp) {
        b.show({ kind: 'actor', id: ACTOR.udp.client, label: { ko: 'UDP 클라이언트', en: 'UDP client' }, sublabel: `:${plan.ports.udpClient}`, x: x.udpC, role: 'client' });
        b.show({ kind: 'actor', id: ACTOR.udp.server, label: { ko: 'UDP 서버', en: 'UDP server' }, sublabel: `:${plan.ports.server}`, x: x.udpS, role: 'server' });
      }
    } else if (showTcp) {
      b.set(ACTOR.tcp.client, { state: tcbs.client.state });
      b.set(ACTOR.tcp.server, { state: tcbs.server.state });
    }

    // Messages: in flight ones move on or land, then this row's sends appear.
    for (const [id, m] of flying) {
      if (m.y1 === y) {
        b.set(id, { progress: 1, status: m.status });
        flying.delete(id);
      } else b.set(id, { progress: round((y - m.y0) / (m.y1 - m.y0)) });
    }
    if (showTcp) {
      for (const i of row.tcp) {
        for (const wid of log[i].sent) {
          const w = byId.get(wid)!;
          const y1 = L.wireY1.get(wid) ?? rows.length;
          const id = `tcp-${wid}`;
          b.show({
            kind: 'message', id, from: ACTOR.tcp[w.from], to: ACTOR.tcp[w.to], y0: y, y1, progress: 0, status: 'flight',
            label: tcpLabel(w.seg), chip: tcpChip(w.seg), tone: tcpTone(w.seg), fresh: false, retransmission: w.retransmission,
            packet: { proto: 'tcp', fields: { src: IPS[w.from], dst: IPS[w.to], seg: w.seg, t: w.sentAt } },
          });
          flying.set(id, { y0: y, y1, status: w.lost ? 'lost' : 'delivered' });
        }
      }
    }
    if (showUdp) {
      for (const i of row.udp) {
        const ev = udp.events[i];
        if (ev.kind !== 'send') continue;
        const d = udp.datagrams.find((g) => g.id === ev.datagram)!;
        const id = `udp-${d.id}`;
        const y1 = L.dgY1.get(d.id)!;
        b.show({
          kind: 'message', id, from: ACTOR.udp.client, to: ACTOR.udp.server, y0: y, y1, progress: 0, status: 'flight',
          label: udpLabel(d.msg), chip: udpChip(d.msg), tone: 'udp', fresh: false,
          packet: { proto: 'udp', fields: { src: IPS.client, dst: IPS.server, srcPort: d.srcPort, dstPort: d.dstPort, data: d.data, t: d.sentAt } },
        });
        flying.set(id, { y0: y, y1, status: d.lost ? 'lost' : 'delivered' });
      }
    }

    // Retransmission timers: a fired one stays drawn; a stopped or restarted one goes.
    if (showTcp) {
      for (const id of timers.values()) b.set(id, { y1: y });
      for (const i of row.tcp) {
        const e = log[i];
        if (e.cause.kind === 'timer' && e.cause.timer === 'rtx') {
          const id = timers.get(e.cause.host);
          if (id) b.set(id, { status: 'fired', y1: y });
          timers.delete(e.cause.host);
        }
        for (const tm of e.timers) {
          if (tm.timer !== 'rtx') continue;
          const old = timers.get(tm.host);
          if (old) b.hide(old);
          timers.delete(tm.host);
          if (tm.action !== 'start') continue;
          const id = `timer-${tm.host}-${timerN++}`;
          const ms = tm.ms ?? 0;
          const t: TimerEntity = { kind: 'timer', id, on: ACTOR.tcp[tm.host], y0: y, y1: y, label: { ko: `RTO ${ms} ms`, en: `RTO ${ms} ms` }, status: 'running', ms };
          b.show(t);
          timers.set(tm.host, id);
        }
      }
    }
    for (const mk of marks) b.show(mk);
    b.show(counters(plan, L.tcpSum[logAt], L.udpSum[udpAt + 1]));
  });

  const story = b.build();
  return { ...story, view: { rows: rows.length, ticks: rows.map((r, y) => ({ y, t: r.t })) } };
}

function tcpTone(s: { flags: { syn: boolean; fin: boolean; rst: boolean }; data: string }): MessageEntity['tone'] {
  if (s.flags.rst) return 'reset';
  if (s.flags.syn) return 'control';
  if (s.flags.fin) return 'close';
  return s.data.length > 0 ? 'data' : 'ack';
}

function counters(plan: Plan, tc: Sum, uc: Sum): CountersEntity {
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
