/**
 * http2: one page load over one TLS 1.3 + TCP connection speaking HTTP/2 (RFC 9113):
 * binary frames, concurrent streams, HPACK (RFC 7541) with its dynamic table across
 * requests, RFC 9218 priorities, and TCP head-of-line blocking under loss; beside it,
 * optionally, the same page over HTTP/1.1 on one connection, on the same clock.
 */
import { SEED_PARAM } from '../../core/params';
import { defineScenario, param } from '../../core/scenario';
import type { Timeline } from '../../core/timeline';
import { runLoad } from './load';
import { buildStory } from './story';
import { RESOURCES } from './site';

export const STREAMS = param({
  name: 'streams', kind: 'int', min: 1, max: RESOURCES.length, default: 6,
  label: { ko: '요청 수 (스트림)', en: 'Requests (streams)' },
  help: { ko: '페이지 하나와 자원들: 각 요청이 HTTP/2 스트림 하나입니다.', en: 'The page and its assets: each request is one HTTP/2 stream.' },
});
export const LOSS = param({
  name: 'loss', kind: 'int', min: 0, max: 30, default: 0, unit: '%',
  label: { ko: '응답 세그먼트 손실률', en: 'Response segment loss' },
  help: { ko: '응답을 실은 세그먼트가 처음 보낼 때 사라질 확률 (시드로 결정).', en: 'Chance that a segment carrying response bytes is lost on its first transmission (drawn from the seed).' },
});
export const PRIORITY = param({
  name: 'priority', kind: 'enum', default: 'on',
  label: { ko: '우선순위 (RFC 9218)', en: 'Priorities (RFC 9218)' },
  help: { ko: 'on: 서버가 priority 헤더의 긴급도를 따름. off: 스트림을 돌아가며 보냄.', en: 'on: the server follows the priority header\'s urgency. off: it takes the streams in turn.' },
  options: [{ value: 'on', label: { ko: '켬', en: 'on' } }, { value: 'off', label: { ko: '끔', en: 'off' } }],
});
export const COMPARE = param({
  name: 'compare', kind: 'enum', default: 'http1',
  label: { ko: '비교', en: 'Compare with' },
  help: { ko: 'http1: 같은 페이지를 HTTP/1.1 연결 하나로 (요청을 하나씩) 같은 시계에서.', en: 'http1: the same page over one HTTP/1.1 connection (one request at a time), on the same clock.' },
  options: [{ value: 'http1', label: { ko: 'HTTP/1.1', en: 'HTTP/1.1' } }, { value: 'none', label: { ko: '없음', en: 'none' } }],
});
export const TABLE_SIZE = param({
  name: 'table-size', kind: 'int', min: 0, max: 4096, default: 4096, unit: 'B',
  label: { ko: 'SETTINGS_HEADER_TABLE_SIZE', en: 'SETTINGS_HEADER_TABLE_SIZE' },
  help: { ko: 'HPACK 동적 표의 최대 크기 (바이트). 0이면 동적 표를 쓰지 않습니다.', en: 'Largest HPACK dynamic table, in bytes. 0 turns the dynamic table off.' },
});

export default defineScenario({
  diagram: 'sequence',
  params: [STREAMS, LOSS, PRIORITY, COMPARE, TABLE_SIZE, SEED_PARAM],
  simulate(p, seed): Timeline {
    const lp = { streams: p.streams, loss: p.loss, priority: p.priority === 'on', compare: p.compare === 'http1', tableSize: p['table-size'], seed };
    const load = runLoad(lp);
    const story = buildStory(load, lp);
    return {
      topic: 'http2', scenario: 'page-load', params: { ...p }, seed,
      view: story.view, steps: story.steps, spans: story.spans, tlsKeyLog: load.keylog,
    };
  },
});
