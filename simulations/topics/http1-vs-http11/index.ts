/**
 * http1-vs-http11: one page (an HTML document and N images) loaded over HTTP/1.0 (a TCP
 * connection per request, RFC 1945), HTTP/1.1 persistent connections, HTTP/1.1
 * pipelining (RFC 9112 §9.3.2) and HTTP/1.1 with several connections per host, each by a
 * browser and a server that are RFC 9293 TCP hosts on the kernel, with real HTTP text
 * as the TCP payload.
 */
import { SEED_PARAM } from '../../core/params';
import { defineScenario, param } from '../../core/scenario';
import type { Timeline } from '../../core/timeline';
import { MODES, runLoads } from './world';
import { buildStory } from './story';

/** Extra server time for the first image when `slow-first` is on (ms). */
export const SLOW_MS = 400;

export const MODE = param({
  name: 'mode', kind: 'enum', default: 'compare',
  label: { ko: '불러오는 방식', en: 'How the page loads' },
  help: { ko: 'compare: 네 가지를 같은 시간축에 나란히.', en: 'compare: all four side by side on one time axis.' },
  options: [
    { value: 'compare', label: { ko: '네 가지 비교', en: 'compare all four' } },
    { value: 'http10', label: { ko: 'HTTP/1.0 (요청마다 새 연결)', en: 'HTTP/1.0 (a connection per request)' } },
    { value: 'keepalive', label: { ko: 'HTTP/1.1 지속 연결', en: 'HTTP/1.1 keep-alive' } },
    { value: 'pipelining', label: { ko: 'HTTP/1.1 파이프라이닝', en: 'HTTP/1.1 pipelining' } },
    { value: 'parallel', label: { ko: 'HTTP/1.1 병렬 연결', en: 'HTTP/1.1 parallel connections' } },
  ],
});

export const params = [
  MODE,
  param({ name: 'resources', kind: 'int', min: 1, max: 12, default: 4, label: { ko: '이미지 수', en: 'Images on the page' }, help: { ko: 'HTML 문서가 연결한 이미지 수 (HTML까지 자원은 하나 더).', en: 'Images the HTML links (plus the HTML itself).' } }),
  param({ name: 'rtt', kind: 'int', min: 10, max: 400, unit: 'ms', default: 100, label: { ko: '왕복 시간 (RTT)', en: 'Round-trip time (RTT)' } }),
  param({ name: 'slow-first', kind: 'bool', default: false, label: { ko: '첫 이미지가 느림', en: 'Slow first image' }, help: { ko: `서버가 첫 이미지를 만드는 데 ${SLOW_MS} ms가 걸립니다.`, en: `The server takes ${SLOW_MS} ms to make the first image.` } }),
  param({ name: 'connections', kind: 'int', min: 1, max: 6, default: 6, label: { ko: '호스트당 연결 수', en: 'Connections per host' }, help: { ko: '병렬 방식에서 쓰는 연결 수 (브라우저는 6).', en: 'Connections in the parallel way (browsers use 6).' } }),
  SEED_PARAM,
] as const;

export default defineScenario({
  diagram: 'sequence',
  params,
  simulate(p, seed): Timeline {
    const modes = p.mode === 'compare' ? MODES : [p.mode];
    const trace = runLoads({ modes, resources: p.resources, rtt: p.rtt, slow: p['slow-first'] ? SLOW_MS : 0, connections: p.connections, seed });
    const { story, view } = buildStory(trace, modes, p.connections);
    return { topic: 'http1-vs-http11', scenario: 'page-load', params: { ...p }, seed, view, steps: story.beats, spans: story.spans };
  },
});
