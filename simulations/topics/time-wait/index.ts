/**
 * time-wait: the client closes first; the server's last data segment is delayed
 * and arrives after the server's FIN, yet it is not lost, because sequence numbers
 * put it back in order. Then TIME-WAIT (2×MSL): resending the last ACK when it is
 * lost, and letting old duplicates die before the same 4-tuple is used again.
 */
import { createRandom } from '../../core/random';
import { SEED_PARAM, normalize, type ParamSpec, type ParamValues } from '../../core/params';
import { fromScenes, type Scenario, type Timeline } from '../../core/timeline';
import type { Text } from '../../core/text';
import { buildSteps } from '../../tcp/narrate';
import { dataLength, segmentLabel } from '../../tcp/segment';
import { runWorld, type HostId, type Wire } from '../../tcp/world';
import { INITIAL_RTO } from '../../tcp/machine';

export const params: readonly ParamSpec[] = [
  {
    name: 'delay',
    kind: 'int',
    label: { ko: '늦는 세그먼트의 추가 지연 (ms)', en: 'Extra delay of the late segment (ms)' },
    help: {
      ko: '서버의 마지막 데이터가 네트워크에서 더 머무는 시간. RTO(1000 ms)보다 길면 서버가 먼저 재전송하고, 원본은 옛 중복으로 떠돕니다.',
      en: "How long the server's last data segment lingers in the network. Longer than the RTO (1000 ms) and the server resends it first; the original becomes an old duplicate.",
    },
    min: 0,
    max: 5000,
    default: 200,
    unit: 'ms',
  },
  {
    name: 'msl',
    kind: 'int',
    label: { ko: 'MSL (초)', en: 'MSL (seconds)' },
    help: { ko: 'TIME-WAIT는 2×MSL 동안 이어집니다. RFC 793은 2분을 예로 들었고, 리눅스는 TIME-WAIT를 60초로 고정합니다.', en: 'TIME-WAIT lasts 2×MSL. RFC 793 suggested 2 minutes; Linux fixes TIME-WAIT at 60 s.' },
    min: 1,
    max: 120,
    default: 30,
    unit: 's',
  },
  {
    name: 'drop-last-ack',
    kind: 'bool',
    label: { ko: '마지막 ACK 손실', en: 'Lose the last ACK' },
    help: { ko: '클라이언트의 마지막 ACK이 사라지면 서버가 FIN을 다시 보냅니다.', en: "If the client's last ACK is lost, the server resends its FIN." },
    default: false,
  },
  {
    name: 'no-time-wait',
    kind: 'bool',
    label: { ko: 'TIME-WAIT 없이', en: 'Without TIME-WAIT' },
    help: { ko: 'TIME-WAIT를 건너뛰고 같은 포트로 곧바로 다시 연결하면 무엇이 잘못되는지 봅니다.', en: 'Skip TIME-WAIT and reconnect at once from the same port, to see what goes wrong.' },
    default: false,
  },
  SEED_PARAM,
];

const REQUEST = 'GET /report HTTP/1.1\r\nHost: example.com\r\n\r\n';
const PART1 = 'HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\nfirst half, ';
const PART2 = 'second half';
const REQUEST2 = 'GET /new HTTP/1.1\r\nHost: example.com\r\n\r\n';
const RESPONSE2 = 'HTTP/1.1 204 No Content\r\n\r\n';
const ONE_WAY = 50;
const IPS: Record<HostId, string> = { client: '192.0.2.10', server: '198.51.100.20' };
/** Long enough for the server to resend first, so the original becomes an old duplicate. */
const STALE_DELAY = 1200;

export function simulate(input: ParamValues, seed: number): Timeline {
  const p = normalize(params, { ...input, seed });
  const noTimeWait = Boolean(p['no-time-wait']);
  const notices: Text[] = [];
  let delay = p.delay as number;
  if (noTimeWait && delay <= INITIAL_RTO) {
    notices.push({
      ko: `TIME-WAIT 없이 생기는 문제를 보려면 늦는 세그먼트가 RTO보다 오래 떠돌아야 하므로, 지연을 ${delay} ms에서 ${STALE_DELAY} ms로 늘렸습니다.`,
      en: `To show what goes wrong without TIME-WAIT, the late segment must outlive the RTO, so its delay was raised from ${delay} ms to ${STALE_DELAY} ms.`,
    });
    delay = STALE_DELAY;
  }
  const msl = (p.msl as number) * 1000;
  const rnd = createRandom(seed);
  const clientPort = rnd.fork('port').int(49152, 65535);
  const isnRnd = rnd.fork('isn');
  const iss = { client: isnRnd.u32(), server: isnRnd.u32() };
  const ports: Record<HostId, number> = { client: clientPort, server: 80 };
  // Where the late segment starts: ISN + 1 (SYN) + the first part of the response.
  const lateSeq = (iss.server + 1 + dataLength(PART1)) >>> 0;

  let lateSends = 0;
  let staleSeen = false;
  let reconnected = false;
  let lastAckDropped = false;
  let serverFinSeq: number | null = null;
  const isLateOriginal = (w: Wire) => w.from === 'server' && w.seg.data === PART2 && !w.retransmission;
  const result = runWorld({
    client: { localPort: ports.client, remotePort: ports.server, iss: iss.client, msl: noTimeWait ? 0 : msl },
    server: { localPort: ports.server, remotePort: ports.client, iss: iss.server, msl },
    oneWay: ONE_WAY,
    extraDelay: (seg, from) => {
      if (from === 'server' && seg.data === PART2 && lateSends++ === 0) return delay;
      return 0;
    },
    drop: (seg, from) => {
      if (from === 'server' && seg.flags.fin && serverFinSeq === null) serverFinSeq = seg.seq;
      // The client's ACK of the server's FIN (ack = FIN.seq + 1), the first time it is sent.
      const lastAck = from === 'client' && serverFinSeq !== null && seg.flags.ack && !seg.flags.fin && !seg.flags.syn && !seg.flags.rst && seg.ack === ((serverFinSeq + 1) >>> 0);
      if (p['drop-last-ack'] && lastAck && !lastAckDropped && !reconnected) {
        lastAckDropped = true;
        return true;
      }
      return false;
    },
    script: [
      { at: 0, host: 'server', call: { call: 'listen' } },
      { at: 20, host: 'client', call: { call: 'connect' } },
    ],
    app: {
      react(host, signal, w, data) {
        if (host === 'client' && signal === 'connected') return [{ after: 5, call: { call: 'send', data: reconnected ? REQUEST2 : REQUEST } }];
        if (host === 'server' && signal === 'data' && data === REQUEST) return [{ after: 5, call: { call: 'send', data: PART1 } }];
        if (host === 'server' && signal === 'data' && data === REQUEST2) return [{ after: 5, call: { call: 'send', data: RESPONSE2 } }];
        // The client has all it asked to send; it closes its side after the first part arrives.
        if (host === 'client' && signal === 'data' && data === PART1) return [{ after: 5, call: { call: 'close' } }];
        // The server still has the second part to send, then closes.
        if (host === 'server' && signal === 'eof' && w.tcb.state === 'CLOSE-WAIT') {
          return [
            { after: 5, call: { call: 'send', data: PART2 } },
            { after: 15, call: { call: 'close' } },
          ];
        }
        if (noTimeWait && host === 'client' && signal === 'closed' && !reconnected) {
          reconnected = true;
          // Same port, at once: the server's new ISN happens to sit just below the old segment.
          return [{ after: 80, call: { call: 'connect', iss: (iss.client + 100_000) >>> 0 } }];
        }
        if (noTimeWait && host === 'server' && (signal === 'closed' || signal === 'reset')) {
          return [{ after: 10, call: { call: 'listen', iss: (lateSeq - 1) >>> 0 } }];
        }
        return [];
      },
    },
    stopWhenClosed: !noTimeWait,
    // Without TIME-WAIT, the story ends when the old duplicate reaches the new connection.
    stopWhen: (e, ws) => {
      if (noTimeWait && reconnected && e.cause.kind === 'arrive' && isLateOriginal(ws.get(e.cause.wire)!)) staleSeen = true;
      return staleSeen && (e.delivered.length > 0 || e.signals.some((x) => x.signal === 'reset' || x.signal === 'connected'));
    },
    maxEntries: noTimeWait ? 45 : 80,
  });
  const { steps, view } = buildSteps(result, {
    x: { client: 20, server: 80 },
    ports,
    ips: IPS,
    labelOf: (w) => (isLateOriginal(w) ? `${segmentLabel(w.seg)} (late)` : undefined),
    keyOf(e, _i, ws) {
      const sent = e.sent.map((id) => ws.get(id)!);
      if (e.cause.kind === 'arrive' && isLateOriginal(ws.get(e.cause.wire)!)) {
        return e.delivered.some((d) => d.host === 'client' && d.data === PART2) && !reconnected ? 'late-data' : 'stale';
      }
      if (e.held.length > 0) return 'held';
      if (sent.some((w) => w.seg.flags.fin && w.from === 'client')) return 'client-fin';
      if (sent.some((w) => w.seg.flags.fin && w.from === 'server' && !w.retransmission)) return 'server-fin';
      if (e.transitions.some((tr) => tr.to === 'TIME-WAIT')) return 'time-wait';
      if (e.cause.kind === 'lost') return 'lost-ack';
      if (e.cause.kind === 'timer' && e.cause.timer === 'rtx' && e.cause.host === 'server') {
        return sent.some((w) => w.seg.flags.fin) ? 'fin-again' : 'data-again';
      }
      if (e.cause.kind === 'arrive' && e.cause.host === 'client' && e.tcbs.client.state === 'TIME-WAIT' && ws.get(e.cause.wire)!.seg.flags.fin) return 'fin-reacked';
      if (e.cause.kind === 'timer' && e.cause.timer === 'time-wait') return 'closed';
      if (e.cause.kind === 'app' && e.cause.call.call === 'connect' && e.cause.call.iss !== undefined) return 'reconnect';
      return undefined;
    },
    extra(e, _i, ws) {
      if (e.cause.kind === 'timer' && e.cause.timer === 'time-wait' && noTimeWait) {
        return {
          ko: 'TIME-WAIT가 없으니 클라이언트는 연결을 곧바로 잊습니다: 이 포트 조합은 바로 다시 쓸 수 있게 됩니다.',
          en: 'With no TIME-WAIT, the client forgets the connection at once: the same port pair can be used again right away.',
        };
      }
      if (e.cause.kind !== 'arrive' || e.cause.host !== 'client') return undefined;
      const w = ws.get(e.cause.wire)!;
      if (w.seg.flags.rst && e.transitions.some((tr) => tr.from === 'TIME-WAIT')) {
        return {
          ko: 'TIME-WAIT 중에 받은 RST가 연결을 일찍 끝냈습니다. RFC 1337은 이를 "TIME-WAIT 암살"이라 부르고, TIME-WAIT에서는 RST를 무시하라고 권합니다.',
          en: 'A RST received in TIME-WAIT ended it early. RFC 1337 calls this "TIME-WAIT assassination" and recommends ignoring RSTs in TIME-WAIT.',
        };
      }
      if (w.seg.flags.fin && w.retransmission && e.tcbs.client.state === 'TIME-WAIT') {
        return {
          ko: '마지막 ACK이 사라졌기 때문에 서버가 FIN을 다시 보냈습니다. 클라이언트가 아직 TIME-WAIT에 있으니 ACK을 다시 보내고 2×MSL 타이머를 처음부터 다시 잽니다.',
          en: 'The last ACK was lost, so the server resent its FIN. The client is still in TIME-WAIT, so it ACKs again and restarts the 2×MSL timer.',
        };
      }
      if (w.retransmission && e.tcbs.client.state === 'TIME-WAIT' && lastAckDropped) {
        return {
          ko: '마지막 ACK이 사라져 서버는 아직 확인받지 못한 세그먼트를 다시 보냈습니다. 클라이언트가 TIME-WAIT로 연결을 기억하고 있으니 ACK을 다시 보내 서버가 깔끔하게 닫을 수 있습니다. 연결을 이미 잊었다면 RST로 답했을 것이고, 서버 앱은 오류를 받았을 것입니다.',
          en: 'The last ACK was lost, so the server resent what was still unacknowledged. Because the client remembers the connection in TIME-WAIT, it ACKs again and the server can close cleanly. Had it forgotten the connection, it would have answered with a RST and the server app would have seen an error.',
        };
      }
      if (w.seg.flags.ack && !w.seg.flags.syn && e.tcbs.client.state === 'SYN-SENT' && e.sent.length > 0) {
        return {
          ko: '서버는 아직 옛 연결을 LAST-ACK 상태로 붙들고 있어서, 새 SYN을 옛 연결의 중복으로 보고 옛 번호로 ACK했습니다. 새 연결을 시작한 클라이언트에게 이 ACK은 말이 되지 않으므로 RST로 답합니다. TIME-WAIT가 있었다면 클라이언트는 옛 연결의 마지막 ACK을 다시 보냈을 것입니다.',
          en: 'The server still holds the old connection in LAST-ACK, so it took the new SYN for an old duplicate and ACKed with old numbers. To the client, which is opening a new connection, that ACK makes no sense: it answers with a RST. With TIME-WAIT, the client would have resent the old connection’s last ACK instead.',
        };
      }
      if (!isLateOriginal(w)) return undefined;
      const delivered = e.delivered.find((d) => d.host === 'client');
      if (delivered && !reconnected) {
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
      if (reconnected) {
        return {
          ko: '이번에는 옛 세그먼트의 번호가 이미 지나간 번호여서 새 연결이 버렸습니다. 운이 좋았을 뿐, 보장은 아닙니다: 보장은 TIME-WAIT가 합니다.',
          en: 'This time the old segment carried numbers the new connection had already passed, so it was dropped. That was luck, not a guarantee: TIME-WAIT is the guarantee.',
        };
      }
      return {
        ko: '이 옛 중복 세그먼트는 이미 받은 번호여서 TIME-WAIT 중인 클라이언트가 ACK만 다시 보내고 버립니다. 같은 포트로 새 연결이 있었다면 혼동될 수 있었던 세그먼트입니다.',
        en: 'This old duplicate carries numbers already received, so the client in TIME-WAIT just ACKs again and drops it. It could have confused a new connection on the same ports.',
      };
    },
  });
  return {
    topic: 'time-wait', scenario: noTimeWait ? 'no-time-wait' : 'late-fin', params: p, seed, view, ...fromScenes(steps), ...(notices.length ? { notices } : {}) };
}

export const scenario: Scenario = { diagram: 'sequence', params, simulate };
export default scenario;
