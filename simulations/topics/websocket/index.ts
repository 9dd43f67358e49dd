/**
 * websocket: a chat server receives messages over time and the browser gets them by polling,
 * by long polling, or over a WebSocket (RFC 6455: the HTTP/1.1 Upgrade handshake with a real
 * Sec-WebSocket-Accept, masked client frames, ping/pong, the closing handshake). The three
 * transports run on the same chat, and a chart compares requests, header bytes and delay.
 */
import { createRandom } from '../../core/random';
import { SEED_PARAM } from '../../core/params';
import { defineScenario, param } from '../../core/scenario';
import { t } from '../../core/text';
import type { Timeline } from '../../core/timeline';
import { base64Encode, toHex } from '../../wire/bytes';
import { metrics, type Metrics } from './metrics';
import { chatStory } from './story';
import { runChat, type Transport } from './world';
import { chatMessages } from './workload';

export const ONE_WAY = 30;
const TRANSPORTS: readonly Transport[] = ['polling', 'long-polling', 'websocket'];

export const params = [
  param({
    name: 'transport', kind: 'enum', default: 'websocket', label: t('방식', 'Transport'),
    options: [
      { value: 'polling', label: t('폴링', 'Polling') },
      { value: 'long-polling', label: t('롱 폴링', 'Long polling') },
      { value: 'websocket', label: t('WebSocket', 'WebSocket') },
    ],
  }),
  param({ name: 'messages', kind: 'int', min: 1, max: 6, default: 3, label: t('채팅 메시지 수', 'Chat messages'), help: t('서버에 시간차를 두고 도착하는 메시지 수 (시각은 시드로 정함).', 'How many messages reach the server over time (their times come from the seed).') }),
  param({ name: 'interval', kind: 'int', min: 250, max: 3000, unit: 'ms', default: 1000, label: t('폴링 간격', 'Polling interval'), help: t('폴링에서 요청 사이의 간격.', 'Time between requests when polling.') }),
  SEED_PARAM,
] as const;

/** The run's random values: the handshake key, the client's masking keys, ports and sequence numbers. */
export function secrets(seed: number) {
  const r = createRandom(seed);
  const k = r.fork('ws-key');
  const key = base64Encode(Uint8Array.from({ length: 16 }, () => k.int(0, 255)));
  const m = r.fork('masks');
  const masks = Array.from({ length: 4 }, () => toHex(Uint8Array.from({ length: 4 }, () => m.int(0, 255))));
  const isn = r.fork('isn');
  return { key, masks, iss: { client: isn.u32(), server: isn.u32() }, port: r.fork('port').int(49152, 65535) };
}

export default defineScenario({
  diagram: 'sequence',
  params,
  simulate(p, seed): Timeline {
    const chat = chatMessages(p.messages, seed);
    const s = secrets(seed);
    const world = (transport: Transport) => runChat({ transport, chat, interval: p.interval, key: s.key, masks: s.masks, oneWay: ONE_WAY, seed });
    const traces = Object.fromEntries(TRANSPORTS.map((tr) => [tr, world(tr)])) as Record<Transport, ReturnType<typeof world>>;
    const all = Object.fromEntries(TRANSPORTS.map((tr) => [tr, metrics(traces[tr], chat)])) as Record<Transport, Metrics>;
    const { story, view } = chatStory({ trace: traces[p.transport], transport: p.transport, chat, interval: p.interval, ports: { client: s.port, server: 80 }, iss: s.iss, all });
    return { topic: 'websocket', scenario: p.transport, params: { ...p }, seed, view, steps: story.beats, spans: story.spans };
  },
});
