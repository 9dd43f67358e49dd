/**
 * What the TCP lane says about one log entry: narration, caption fragments, and the
 * marks it writes on the lifelines. Duplicate ACKs are named by RFC 5681's definition
 * only (see dupack.ts).
 */
import type { MarkEntity } from '../../core/timeline';
import type { Text } from '../../core/text';
import { dataLength } from '../../tcp/segment';
import type { HostId, LogEntry, Wire } from '../../tcp/world';
import { msgNumber, msgOf } from './race';
import { ACTOR, HOST, TOPIC, cap, isPureAck, list, noun } from './labels';
import type { AckReading } from './dupack';
import { ackArrives, sentText } from './tcp-acks';

export interface Out {
  parts: Text[];
  frags: { lane: 'TCP' | 'UDP'; text: Text }[];
  mark(on: string, tone: MarkEntity['tone'], text: Text): void;
  changes: { host: HostId; from: string; to: string }[];
}

export interface TcpTextCtx {
  log: LogEntry[];
  byId: Map<string, Wire>;
  acks: AckReading;
}

/** A narrator for the TCP lane: call it entry by entry, in log order (it remembers what it said). */
export function tcpNarrator(ctx: TcpTextCtx): (i: number, out: Out) => void {
  const { log, byId } = ctx;
  const seen = { dupAck: false, hold: false, ackLoss: false };
  const lastAck: Record<HostId, number> = { client: -1, server: -1 };

  return (i, out) => {
    const e = log[i];
    const prev = log[i - 1].tcbs;
    const c = e.cause;
    const sent = e.sent.map((id) => byId.get(id)!);
    const described = new Set<string>();
    const push = (ko: string, en: string) => out.parts.push({ ko, en });
    const frag = (ko: string, en: string) => out.frags.push({ lane: 'TCP', text: { ko, en } });

    switch (c.kind) {
      case 'start':
        break;
      case 'app': {
        const call = c.call;
        const w = sent[0];
        if (w) described.add(w.id);
        if (call.call === 'connect') {
          out.mark(ACTOR.tcp.client, 'call', { ko: 'connect()', en: 'connect()' });
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
          out.mark(ACTOR.tcp.client, 'call', { ko: 'close()', en: 'close()' });
          push(
            `TCP 클라이언트 앱이 마지막 메시지를 쓰고 close()를 호출해 FIN(seq=${w?.seg.seq})을 보냅니다. FIN도 순서 번호 하나를 차지하므로, 서버는 앞선 데이터를 모두 받은 뒤에야 FIN을 처리합니다.`,
            `The TCP client app has written its last message and calls close(), which sends a FIN (seq=${w?.seg.seq}). The FIN takes a sequence number too, so the server handles it only after all the data before it.`,
          );
          frag('close() → FIN', 'close() → FIN');
        } else if (call.call === 'close') {
          out.mark(ACTOR.tcp.server, 'call', { ko: 'close()', en: 'close()' });
          push(`TCP 서버 앱도 close()를 호출해 자기 쪽 FIN(seq=${w?.seg.seq})을 보냅니다.`, `The TCP server app calls close() too, and sends its own FIN (seq=${w?.seg.seq}).`);
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
          push(`UDP의 msg ${m} 데이터그램과 같은 운명입니다. 하지만 TCP 클라이언트에게는 재전송 타이머가 있습니다.`, `Same fate as UDP's msg ${m} datagram. But the TCP client has a retransmission timer.`);
        } else if (!w.seg.flags.syn && !w.seg.flags.fin && m === 0) {
          if (!seen.ackLoss) {
            push(
              'TCP는 확인 응답 자체를 재전송하지 않습니다: 뒤이은 누적 확인 응답이 대신하거나, 데이터를 보낸 쪽의 타이머가 만료되어 다시 보냅니다.',
              'TCP never retransmits an ACK as such: a later cumulative ACK covers for it, or the data sender’s timer expires and it resends.',
            );
          }
          seen.ackLoss = true;
        } else {
          push(`${HOST[w.from].ko}의 재전송 타이머가 만료되어야 다시 보내게 됩니다.`, `Only the ${HOST[w.from].en}'s retransmission timer will make it send again.`);
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
          if (!seen.hold) {
            push(
              `하지만 앞선 바이트(${prev[h].rcvNxt}번부터)가 아직 오지 않았습니다: ${TOPIC[h]} 이 세그먼트를 버리지 않고 보관하며, 앱에는 아직 아무것도 넘기지 않습니다.`,
              `But the bytes before it (from ${prev[h].rcvNxt}) have not arrived yet: the ${HOST[h].en} holds this segment instead of discarding it, and gives the app nothing yet.`,
            );
          } else {
            push(`${prev[h].rcvNxt}번부터 아직 비어 있으므로 이것도 보관만 합니다.`, `Byte ${prev[h].rcvNxt} onward is still missing, so this one is held too.`);
          }
          seen.hold = true;
          frag(`${n.short} 보관`, `${n.short} held`);
        } else if (dup) {
          push('이미 받은 번호이므로 버리고, 확인 응답만 다시 보냅니다.', 'It carries nothing new, so it is discarded and only an ACK goes back.');
          frag(`${n.short} 중복`, `${n.short} duplicate`);
        } else if (delivered.length > 0) {
          if (delivered.length === 1) {
            push(`기다리던 바로 그 바이트이므로 앱이 곧바로 받습니다 (recv → msg ${delivered[0]}).`, `These are the very bytes it was waiting for, so the app gets them at once (recv → msg ${delivered[0]}).`);
          } else {
            push(`빈 곳이 채워졌으므로 보관해 두었던 세그먼트까지 앱에 순서대로 넘깁니다 (recv → ${list(delivered)}).`, `The gap is filled, so the held segments follow, in order (recv → ${list(delivered)}).`);
          }
          out.mark(ACTOR.tcp[h], 'app', { ko: `recv → ${list(delivered)}`, en: `recv → ${list(delivered)}` });
          frag(`${n.short} → recv ${list(delivered)}`, `${n.short} → recv ${list(delivered)}`);
        } else if (h === 'client' && isPureAck(w.seg)) {
          ackArrives({ i, e, prev: prev.client, w, wires: [...byId.values()], acks: ctx.acks, seen, push, frag, short: n.short });
        } else {
          frag(`${n.short} 도착`, `${n.short} arrives`);
        }
        for (const s of e.signals.filter((sg) => sg.host === h)) {
          if (s.signal === 'connected' && h === 'client') {
            push(`connect()가 반환됩니다. 핸드셰이크에 걸린 시간: ${e.t} ms. 이제야 앱이 데이터를 보낼 수 있습니다.`, `connect() returns. The handshake took ${e.t} ms; only now can the app send data.`);
          } else if (s.signal === 'connected') {
            push('accept()가 연결된 소켓을 돌려줍니다.', 'accept() returns the connected socket.');
            out.mark(ACTOR.tcp.server, 'app', { ko: 'accept() ✓', en: 'accept() ✓' });
          } else if (s.signal === 'eof') {
            push(
              h === 'server'
                ? 'FIN까지 순서대로 처리되어 서버 앱의 recv()가 0을 돌려받습니다 (EOF): 클라이언트가 보낼 것을 다 보냈다는 뜻입니다.'
                : '서버도 보낼 것을 다 보냈습니다: 클라이언트 앱의 recv()가 0을 돌려받습니다 (EOF).',
              h === 'server'
                ? 'The FIN is processed in order, so the server app’s recv() returns 0 (EOF): the client has sent everything.'
                : 'The server has sent everything too: the client app’s recv() returns 0 (EOF).',
            );
            out.mark(ACTOR.tcp[h], 'app', { ko: 'recv() = 0', en: 'recv() = 0' });
          } else if (s.signal === 'reset') {
            push('연결이 RST로 끊깁니다.', 'The connection is reset.');
          }
        }
        break;
      }
    }

    // What was sent in answer, then state changes.
    for (const w of sent) if (!described.has(w.id)) out.parts.push(sentText(w, lastAck[w.from] === w.seg.ack));
    for (const w of sent) if (isPureAck(w.seg)) lastAck[w.from] = w.seg.ack;
    for (const tr of e.transitions) {
      out.changes.push(tr);
      out.mark(ACTOR.tcp[tr.host], 'state', { ko: tr.to, en: tr.to });
    }
  };
}
