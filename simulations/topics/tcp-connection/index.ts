/**
 * tcp-connection: socket calls, the 3-way handshake, data, the 4-way close and
 * TIME-WAIT, played out by two RFC 9293 state machines over a simulated path.
 */
import { createRandom } from '../../core/random';
import { SEED_PARAM, type ParamsOf } from '../../core/params';
import { defineScenario, param } from '../../core/scenario';
import type { Timeline } from '../../core/timeline';
import { tcpStory } from '../../tcp/story';
import { runWorld, type AppCall, type HostId } from '../../tcp/world';

export const CLOSER = param({
  name: 'closer',
  kind: 'enum',
  label: { ko: '먼저 닫는 쪽', en: 'Who closes first' },
  help: {
    ko: '먼저 연결을 닫는 쪽(여기서는 shutdown(SHUT_WR)으로 FIN을 먼저 보내는 쪽)이 TIME-WAIT에 들어갑니다.',
    en: 'Whoever closes first (here: sends its FIN first, with shutdown(SHUT_WR)) ends up in TIME-WAIT.',
  },
  default: 'client',
  options: [
    { value: 'client', label: { ko: '클라이언트', en: 'client' } },
    { value: 'server', label: { ko: '서버', en: 'server' } },
  ],
});
export const LOSSY = param({
  name: 'lossy',
  kind: 'bool',
  label: { ko: 'SYN-ACK 한 번 손실', en: 'Lose the SYN-ACK once' },
  help: { ko: '첫 SYN-ACK을 버려 재전송 타이머가 일하는 모습을 봅니다.', en: 'Drops the first SYN-ACK so the retransmission timers have to act.' },
  default: false,
});
export const ISN = param({
  name: 'isn',
  kind: 'enum',
  label: { ko: '초기 순서 번호', en: 'Initial sequence numbers' },
  help: {
    ko: 'random: 시드로 고른 32비트 ISN (실제처럼). fixed: 읽기 쉬운 1000과 5000.',
    en: 'random: 32-bit ISNs drawn from the seed (as in real stacks). fixed: easy-to-read 1000 and 5000.',
  },
  default: 'random',
  options: [
    { value: 'random', label: { ko: '무작위 (시드)', en: 'random (seeded)' } },
    { value: 'fixed', label: { ko: '고정 1000 / 5000', en: 'fixed 1000 / 5000' } },
  ],
});

export const REQUEST = 'GET / HTTP/1.1\r\nHost: example.com\r\n\r\n';
export const RESPONSE = 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello';
const ONE_WAY = 50;
const MSL = 30_000;
const IPS: Record<HostId, string> = { client: '192.0.2.10', server: '198.51.100.20' };

const PARAMS = [CLOSER, LOSSY, ISN, SEED_PARAM] as const;

function run(p: ParamsOf<typeof PARAMS>, seed: number): Timeline {
  const closer: HostId = p.closer;
  const rnd = createRandom(seed);
  const clientPort = rnd.fork('port').int(49152, 65535);
  const isnRnd = rnd.fork('isn');
  const fixed = p.isn === 'fixed';
  const iss = { client: fixed ? 1000 : isnRnd.u32(), server: fixed ? 5000 : isnRnd.u32() };
  const ports: Record<HostId, number> = { client: clientPort, server: 80 };

  const result = runWorld({
    client: { localPort: ports.client, remotePort: ports.server, iss: iss.client, msl: MSL },
    server: { localPort: ports.server, remotePort: ports.client, iss: iss.server, msl: MSL },
    oneWay: ONE_WAY,
    // Decided up front: with lossy, the network loses the server's first SYN-ACK.
    faults: { drop: p.lossy ? [{ from: 'server', kind: 'syn-ack', copy: 0 }] : [] },
    script: [
      { at: 0, host: 'server', call: { call: 'listen' } },
      { at: 20, host: 'client', call: { call: 'connect' } },
    ],
    app: {
      react(host, signal, _w, data): { after: number; call: AppCall }[] {
        if (host === 'client' && signal === 'connected') return [{ after: 5, call: { call: 'send', data: REQUEST } }];
        if (host === 'server' && signal === 'data' && data === REQUEST) {
          const out: { after: number; call: AppCall }[] = [{ after: 10, call: { call: 'send', data: RESPONSE } }];
          if (closer === 'server') out.push({ after: 15, call: { call: 'shutdown' } });
          return out;
        }
        // The first closer half-closes (shutdown(SHUT_WR)) and keeps reading until recv() returns 0.
        if (host === 'client' && signal === 'data' && closer === 'client') return [{ after: 10, call: { call: 'shutdown' } }];
        if (signal === 'eof') return [{ after: host === closer ? 5 : 20, call: { call: 'close' } }];
        return [];
      },
    },
    stopWhenClosed: true,
  });

  const { steps, spans, view } = tcpStory(result, {
    x: { client: 20, server: 80 },
    ports,
    ips: IPS,
    keyOf({ entry: e, wire }) {
      const sent = e.sent.map((id) => wire(id).seg);
      if (sent.some((s) => s.flags.syn && !s.flags.ack)) return 'syn';
      if (sent.some((s) => s.flags.syn && s.flags.ack)) return 'syn-ack';
      if (e.signals.some((s) => s.signal === 'connected' && s.host === 'server')) return 'established';
      if (e.cause.kind === 'lost') return 'lost';
      if (e.cause.kind === 'timer' && e.cause.timer === 'rtx') return 'rto';
      if (e.delivered.length > 0) return 'data';
      if (sent.some((s) => s.flags.fin)) return 'fin';
      if (e.transitions.some((tr) => tr.to === 'TIME-WAIT')) return 'time-wait';
      if (e.cause.kind === 'timer' && e.cause.timer === 'time-wait') return 'closed';
      return undefined;
    },
  });
  return { topic: 'tcp-connection', scenario: 'handshake', params: { ...p }, seed, view, steps, spans };
}

export const scenario = defineScenario({ diagram: 'sequence', params: PARAMS, simulate: run });

export const params = scenario.params;
export const simulate = scenario.simulate;
export default scenario;
