/**
 * What the time-wait story says beyond the shared TCP narration, and its step keys.
 * Every sentence is about the entry at hand or what came before it: a loss is called a
 * loss only once it has been shown.
 */
import type { Text } from '../../core/text';
import type { EntryContext } from '../../tcp/story';
import { segmentKind } from '../../tcp/segment';
import type { Wire } from '../../tcp/world';
import { isLateOriginal, type Plan } from './plan';

export function keyOf(plan: Plan, ctx: EntryContext): string | undefined {
  const { entry: e, cause: w } = ctx;
  const sent = e.sent.map(ctx.wire);
  const first = e.tcbs.client.iss === plan.iss.client;
  if (e.cause.kind === 'arrive' && w && isLateOriginal(w, plan.lateSeq)) {
    return first && e.delivered.some((d) => d.host === 'client' && d.data === w.seg.data) ? 'late-data' : 'stale';
  }
  if (e.held.length > 0) return 'held';
  if (sent.some((x) => x.seg.flags.fin && x.from === 'client')) return 'client-fin';
  if (sent.some((x) => x.seg.flags.fin && x.from === 'server' && !x.retransmission)) return 'server-fin';
  if (e.transitions.some((tr) => tr.to === 'TIME-WAIT')) return 'time-wait';
  if (e.cause.kind === 'lost') return 'lost-ack';
  if (e.cause.kind === 'timer' && e.cause.timer === 'rtx' && e.cause.host === 'server') {
    return sent.some((x) => x.seg.flags.fin) ? 'fin-again' : 'data-again';
  }
  if (e.cause.kind === 'arrive' && e.cause.host === 'client' && e.tcbs.client.state === 'TIME-WAIT' && w?.seg.flags.fin) return 'fin-reacked';
  if (e.cause.kind === 'timer' && e.cause.timer === 'time-wait') return 'closed';
  if (e.cause.kind === 'app' && e.cause.call.call === 'connect' && e.cause.call.iss !== undefined) return 'reconnect';
  return undefined;
}

/** A copy of the client's last ACK (ack = server FIN + 1) whose loss has already been shown. */
function lastAckLost(plan: Plan, ctx: EntryContext): boolean {
  return ctx.past.sent.some((x) => ctx.past.lost.has(x.id) && x.from === 'client' && segmentKind(x.seg) === 'ack' && x.seg.ack === ((plan.finSeq + 1) >>> 0));
}

export function extraText(plan: Plan, ctx: EntryContext): Text | undefined {
  const { entry: e, cause: w } = ctx;
  const c = e.cause;
  if (c.kind === 'timer' && c.timer === 'time-wait' && e.tcbs.client.msl === 0 && c.host === 'client') {
    return {
      ko: '이 포트 조합은 바로 다시 쓸 수 있게 됩니다. 하지만 옛 연결의 세그먼트가 아직 네트워크에 남아 있을 수 있습니다.',
      en: 'The same port pair can be used again right away, though segments of the old connection may still be in the network.',
    };
  }
  if (c.kind !== 'arrive' || !w) return undefined;
  if (c.host === 'server') return serverArrival(plan, ctx, w);
  const kind = segmentKind(w.seg);
  const wasTimeWait = e.tcbs.client.state === 'TIME-WAIT' && !e.transitions.some((tr) => tr.host === 'client');
  if (kind === 'rst' && e.transitions.some((tr) => tr.host === 'client' && tr.from === 'TIME-WAIT')) {
    return {
      ko: 'TIME-WAIT 중에 받은 RST가 2×MSL을 다 기다리기 전에 연결을 끝냈습니다. RFC 1337은 이를 "TIME-WAIT 암살"이라 부르고, TIME-WAIT에서는 RST를 무시하라고 권합니다 (리눅스: net.ipv4.tcp_rfc1337).',
      en: 'A RST received in TIME-WAIT ended it before 2×MSL had passed. RFC 1337 calls this "TIME-WAIT assassination" and recommends ignoring RSTs in TIME-WAIT (Linux: net.ipv4.tcp_rfc1337).',
    };
  }
  if (w.retransmission && wasTimeWait && (kind === 'fin' || kind === 'data')) {
    const why = lastAckLost(plan, ctx)
      ? { ko: '마지막 ACK이 사라졌기 때문에', en: 'The last ACK was lost, so' }
      : { ko: '서버의 타이머가 ACK보다 먼저 만료되어', en: "The server's timer fired before an ACK reached it, so" };
    const what = kind === 'fin' ? { ko: 'FIN을', en: 'its FIN' } : { ko: '아직 확인받지 못한 데이터를', en: 'the data still unacknowledged' };
    const timer = kind === 'fin' ? { ko: ' 2×MSL 타이머도 처음부터 다시 잽니다.', en: ' It also restarts the 2×MSL timer.' } : { ko: '', en: '' };
    return {
      ko: `${why.ko} 서버가 ${what.ko} 다시 보냈습니다. 클라이언트가 TIME-WAIT로 연결을 기억하고 있으니 ACK을 다시 보냅니다.${timer.ko} 연결을 이미 잊었다면 RST로 답했을 것이고, 서버는 깔끔하게 닫는 대신 RST로 연결을 끊어야 했을 것입니다.`,
      en: `${why.en} the server resent ${what.en}. The client remembers the connection in TIME-WAIT, so it ACKs again.${timer.en} Had it forgotten the connection, it would have answered with a RST, and the server would have had to abort instead of closing cleanly.`,
    };
  }
  if (kind === 'ack' && e.tcbs.client.state === 'SYN-SENT' && e.sent.some((id) => segmentKind(ctx.wire(id).seg) === 'rst') && e.tcbs.server.state === 'LAST-ACK') {
    return {
      ko: '서버는 아직 옛 연결을 LAST-ACK 상태로 붙들고 있어서, 새 SYN을 옛 연결에 속한 세그먼트로 보고 옛 번호로 ACK했습니다. 새 연결을 여는 클라이언트에게 이 ACK은 말이 되지 않으므로 RST로 답합니다. TIME-WAIT가 있었다면 클라이언트는 옛 연결의 마지막 ACK을 다시 보냈을 것입니다.',
      en: 'The server still holds the old connection in LAST-ACK, so it took the new SYN as part of the old connection and ACKed with old numbers. To the client, which is opening a new connection, that ACK makes no sense: it answers with a RST. With TIME-WAIT, the client would have resent the old connection’s last ACK instead.',
    };
  }
  if (!isLateOriginal(w, plan.lateSeq)) return undefined;
  return lateArrival(plan, ctx);
}

function serverArrival(plan: Plan, ctx: EntryContext, w: Wire): Text | undefined {
  const closes = ctx.entry.transitions.some((tr) => tr.host === 'server' && tr.from === 'LAST-ACK' && tr.to === 'CLOSED');
  if (closes && segmentKind(w.seg) === 'ack' && lastAckLost(plan, ctx)) {
    return {
      ko: '이 ACK은 두 번째 사본입니다: 첫 번째는 사라졌고, TIME-WAIT에 남아 있던 클라이언트가 다시 보낸 것이 서버를 깔끔하게 닫습니다.',
      en: 'This ACK is a second copy: the first was lost, and the one the client sent again from TIME-WAIT lets the server close cleanly.',
    };
  }
  return undefined;
}

function lateArrival(plan: Plan, ctx: EntryContext): Text {
  const e = ctx.entry;
  const client = e.tcbs.client;
  const delivered = e.delivered.find((d) => d.host === 'client');
  const first = client.iss === plan.iss.client;
  if (delivered && first) {
    return {
      ko: '늦게 온 데이터도 잃어버리지 않았습니다: 순서 번호가 빈자리를 정확히 채우므로, 보관해 둔 FIN보다 앞에 놓입니다.',
      en: 'The late data is not lost: its sequence number fills the gap exactly, so it goes before the FIN that was held.',
    };
  }
  if (delivered) {
    return {
      ko: `이전 연결의 옛 세그먼트가 새 연결의 데이터로 받아들여졌습니다: 앱은 "${delivered.data}"를 새 응답의 앞부분으로 읽습니다. 같은 4-튜플에 창 안의 순서 번호라면 TCP는 구별할 수 없습니다. 여기서는 새 ISN이 옛 번호 바로 아래였지만, 32비트 번호는 돌고 돌기 때문에 이런 일이 가능합니다. TIME-WAIT가 막는 것이 바로 이것입니다.`,
      en: `An old segment of the previous connection was accepted as data of the new one: the app reads "${delivered.data}" as the start of the new response. Same 4-tuple and a sequence number inside the window: TCP cannot tell. Here the new ISN sat just below the old numbers; 32-bit numbers wrap, so this can happen. This is what TIME-WAIT prevents.`,
    };
  }
  const rst = e.sent.some((id) => segmentKind(ctx.wire(id).seg) === 'rst');
  if (!first && client.state === 'SYN-SENT' && rst) {
    return {
      ko: '옛 연결의 데이터 세그먼트가 새 연결이 아직 열리는 중에 도착했습니다. SYN-SENT 상태의 클라이언트에게 그 ACK 번호는 말이 되지 않으므로 RST로 답합니다. 이번에는 데이터로 받아들여지지 않았지만, 옛 세그먼트가 새 연결에 끼어든 것은 같습니다.',
      en: 'A data segment of the old connection arrives while the new connection is still opening. To the client in SYN-SENT its ACK number makes no sense, so it answers with a RST. This time it was not taken as data, but an old segment still reached the new connection.',
    };
  }
  if (!first) {
    return {
      ko: '이번에는 옛 세그먼트의 번호가 새 연결이 이미 지나간 번호여서 버려졌습니다. 운이 좋았을 뿐, 보장은 아닙니다: 보장은 TIME-WAIT가 합니다.',
      en: 'This time the old segment carried numbers the new connection had already passed, so it was dropped. That was luck, not a guarantee: TIME-WAIT is the guarantee.',
    };
  }
  if (client.state !== 'TIME-WAIT') {
    return {
      ko: '클라이언트는 이 연결을 이미 잊었으므로 이 옛 세그먼트에 RST로 답합니다.',
      en: 'The client has already forgotten this connection, so it answers the old segment with a RST.',
    };
  }
  return {
    ko: '이 옛 중복 세그먼트는 이미 받은 번호여서 TIME-WAIT 중인 클라이언트가 ACK만 다시 보내고 버립니다. 같은 포트로 새 연결이 있었다면 혼동될 수 있었던 세그먼트입니다.',
    en: 'This old duplicate carries numbers already received, so the client in TIME-WAIT just ACKs again and drops it. It could have confused a new connection on the same ports.',
  };
}
