/**
 * The caption and narration of one log entry, composed from what the state machines did
 * at that entry and what had happened before it: never from what is still to come.
 */
import type { Text } from '../core/text';
import { joinText } from '../core/text';
import { dataLength, segmentLabel } from './segment';
import type { HostId, LogEntry, Wire } from './world';
import { HOST, HOST_CAP, SUBJ, callMark, callText, segmentWhy, shortName, transitionLabel, type TransitionCause } from './words';
import { SYN_TIMEOUT_RTO } from './machine';

/** What the story has shown so far: facts of past and current entries only. */
export interface Past {
  /** Wires sent so far, in order. */
  sent: Wire[];
  /** Wires whose loss has been shown. */
  lost: Set<string>;
  /** Wires that have arrived. */
  arrived: Set<string>;
  /** Socket calls each app has made so far. */
  calls: Record<HostId, string[]>;
}

/** One entry as the narration sees it. */
export interface EntryContext {
  entry: LogEntry;
  index: number;
  wire(id: string): Wire;
  past: Past;
  /** The wire whose arrival or loss caused this entry. */
  cause?: Wire;
}

export const arrow = (from: HostId) => (from === 'client' ? '→' : '←');

export function causeOf(ctx: EntryContext): TransitionCause {
  const c = ctx.entry.cause;
  if (c.kind === 'app') return { kind: 'app' };
  if (c.kind === 'timer') return { kind: 'timer', timer: c.timer };
  if (c.kind === 'arrive') return { kind: 'segment', seg: ctx.wire(c.wire).seg };
  return { kind: 'other' };
}

/** The caption and narration of an entry; `extra` is the topic's own paragraph, placed after the segments sent. */
export function narrateEntry(ctx: EntryContext, ports: Record<HostId, number>, extra?: Text): { caption: Text; narration: Text } {
  const { entry: e, past } = ctx;
  const parts: Text[] = [];
  let caption: Text;
  const c = e.cause;
  const sent = e.sent.map(ctx.wire);
  const sentShort = sent.map((w) => `${shortName(w.seg)}${w.retransmission ? '*' : ''}`).join(', ');
  switch (c.kind) {
    case 'start':
      parts.push({ ko: '클라이언트와 서버 모두 CLOSED 상태입니다. 아직 소켓도 연결도 없습니다.', en: 'Both hosts are CLOSED: no socket and no connection yet.' });
      caption = { ko: '시작: 둘 다 CLOSED', en: 'Start: both CLOSED' };
      break;
    case 'app': {
      const shutFirst = past.calls[c.host].includes('shutdown');
      parts.push(callText(c.host, c.call, ports[c.host], shutFirst));
      const tail = sentShort ? ` ${arrow(c.host)} ${sentShort}` : '';
      caption = { ko: `${HOST[c.host].ko}: ${callMark(c.call).ko}${tail}`, en: `${HOST_CAP[c.host].en}: ${callMark(c.call).en}${tail}` };
      break;
    }
    case 'arrive': {
      const w = ctx.wire(c.wire);
      parts.push({ ko: `${HOST[c.host].ko}에 도착: ${segmentLabel(w.seg)}.`, en: `${segmentLabel(w.seg)} arrives at the ${HOST[c.host].en}.` });
      const reply = sentShort ? ` · ${sentShort} ${arrow(c.host)}` : '';
      caption = { ko: `${HOST[c.host].ko} ← ${shortName(w.seg)}${reply}`, en: `${shortName(w.seg)} reaches ${HOST[c.host].en}${reply}` };
      break;
    }
    case 'lost': {
      const w = ctx.wire(c.wire);
      parts.push({
        ko: `${shortName(w.seg)} 세그먼트가 네트워크에서 사라집니다. 보낸 쪽도 받을 쪽도 이를 바로 알 수 없습니다: 알려 주는 것은 재전송 타이머뿐입니다.`,
        en: `The ${shortName(w.seg)} segment is lost in the network. Neither side can tell right away: only a retransmission timer will.`,
      });
      caption = { ko: `${shortName(w.seg)} 손실 ✕`, en: `${shortName(w.seg)} lost ✕` };
      break;
    }
    case 'timer':
      if (c.timer === 'rtx') {
        parts.push({
          ko: `${HOST[c.host].ko}의 재전송 타이머(RTO)가 만료됩니다: 보낸 세그먼트에 대한 ACK가 제때 오지 않았습니다.`,
          en: `The ${HOST[c.host].en}'s retransmission timer (RTO) expires: no ACK came in time for what it sent.`,
        });
        caption = { ko: `${HOST[c.host].ko} RTO 만료 → ${sentShort} 재전송`, en: `${HOST_CAP[c.host].en} RTO fires → resend ${sentShort}` };
      } else if (ctx.entry.tcbs[c.host].msl === 0) {
        parts.push({
          ko: `${HOST[c.host].ko}는 TIME-WAIT를 건너뜁니다 (여기서는 2×MSL = 0): 연결을 곧바로 잊습니다.`,
          en: `The ${HOST[c.host].en} skips TIME-WAIT (2×MSL = 0 here): it forgets the connection at once.`,
        });
        caption = { ko: `${HOST[c.host].ko}: TIME-WAIT 없이 → CLOSED`, en: `${HOST_CAP[c.host].en}: no TIME-WAIT → CLOSED` };
      } else {
        parts.push({
          ko: `${HOST[c.host].ko}의 TIME-WAIT 타이머(2×MSL)가 끝납니다. 이제 이 연결의 흔적이 사라지고 같은 포트 조합을 다시 써도 안전합니다.`,
          en: `The ${HOST[c.host].en}'s TIME-WAIT timer (2×MSL) ends. The connection is gone, and the same port pair is safe to reuse.`,
        });
        caption = { ko: `${HOST[c.host].ko}: 2×MSL 경과 → CLOSED`, en: `${HOST_CAP[c.host].en}: 2×MSL over → CLOSED` };
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
  }
  for (const s of e.signals) parts.push(...signalText(s.host, s.signal, ctx));
  const cause = causeOf(ctx);
  for (const tr of e.transitions) {
    const label = transitionLabel(tr.from, tr.to, cause);
    parts.push({ ko: `${HOST[tr.host].ko} 상태: ${tr.from} → ${tr.to} (${label.ko}).`, en: `${HOST_CAP[tr.host].en} state: ${tr.from} → ${tr.to} (${label.en}).` });
    if (tr.to === 'ESTABLISHED' && e.tcbs[tr.host].rtoBase >= SYN_TIMEOUT_RTO) {
      parts.push({
        ko: `SYN이 한 번 시간 초과됐으므로 ${HOST[tr.host].ko}는 데이터 전송을 RTO 3초로 시작합니다 (RFC 6298 §5.7).`,
        en: `A SYN timed out earlier, so the ${HOST[tr.host].en} starts data transmission with an RTO of 3 s (RFC 6298 §5.7).`,
      });
    }
  }
  for (const w of sent) parts.push(segmentWhy(w, past.sent));
  if (extra) parts.push(extra);
  for (const tm of e.timers) {
    if (tm.action !== 'start') continue;
    if (tm.timer === 'rtx' && c.kind === 'timer') {
      parts.push({ ko: `RTO는 ${tm.ms} ms로 두 배가 됩니다 (RFC 6298 지수 백오프).`, en: `The RTO doubles to ${tm.ms} ms (RFC 6298 exponential backoff).` });
    }
    if (tm.timer === 'time-wait' && tm.ms! > 0) {
      parts.push({
        ko: `TIME-WAIT 타이머 2×MSL = ${tm.ms! / 1000}초를 시작합니다: 상대가 FIN을 다시 보내오면 다시 ACK할 수 있도록, 그리고 늦게 떠도는 옛 세그먼트가 네트워크에서 없어지도록 기다립니다.`,
        en: `It starts the TIME-WAIT timer, 2×MSL = ${tm.ms! / 1000} s: long enough to ACK again should the peer resend its FIN, and for stray old segments to die out.`,
      });
    }
  }
  return { caption, narration: joinText(parts.filter((p) => p.ko || p.en)) };
}

function signalText(host: HostId, signal: string, ctx: EntryContext): Text[] {
  const closed = ctx.past.calls[host].includes('close');
  if (signal === 'connected') {
    return [
      host === 'client'
        ? { ko: 'connect()가 반환됩니다: 클라이언트 쪽 연결이 열렸습니다.', en: 'connect() returns: the connection is open on the client side.' }
        : { ko: 'accept()가 새 연결 소켓을 돌려줍니다.', en: 'accept() returns a new connected socket.' },
    ];
  }
  if (signal === 'reset') {
    return [
      closed
        ? {
            ko: `${HOST[host].ko} 앱은 이미 close()로 소켓을 놓았으므로 오류를 받을 앱이 없습니다: RST는 남아 있던 연결 상태를 지울 뿐입니다.`,
            en: `The ${HOST[host].en} app already let go of the socket with close(), so no app sees an error: the RST just removes what was left of the connection.`,
          }
        : { ko: `${HOST[host].ko}의 연결이 RST로 중단됩니다: 앱은 오류(ECONNRESET)를 받습니다.`, en: `The ${HOST[host].en}'s connection is aborted by the RST: its app gets an error (ECONNRESET).` },
    ];
  }
  if (signal === 'eof') {
    const canSend = !ctx.entry.tcbs[host].finSent;
    return [
      {
        ko: `${HOST[host].ko} 앱의 recv()가 0을 돌려줍니다 (EOF): 상대가 더 보낼 것이 없습니다.${canSend ? ' 하지만 이쪽은 아직 보낼 수 있습니다 (half-close).' : ''}`,
        en: `The ${HOST[host].en} app's recv() returns 0 (EOF): the peer has nothing more to send.${canSend ? ' This side can still send (a half-close).' : ''}`,
      },
    ];
  }
  return [];
}
