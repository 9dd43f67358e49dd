/**
 * ports-sockets: how one server host hands each arriving segment or datagram to the
 * right socket. TCP: one listening socket, then one connected socket per client, found
 * by the exact 4-tuple; UDP: one socket for everyone, found by (destination IP, port).
 * The hosts are kernel actors (world.ts); the story is built from their trace (story.ts).
 */
import { SEED_PARAM, type ParamsOf } from '../../core/params';
import { defineScenario, param } from '../../core/scenario';
import type { Timeline } from '../../core/timeline';
import { buildStory } from './story';
import { runWorld } from './world';

export const PROTOCOL = param({
  name: 'protocol',
  kind: 'enum',
  label: { ko: '프로토콜', en: 'Protocol' },
  help: {
    ko: 'tcp: 웹 서버(80번 포트), 듣는 소켓 하나와 클라이언트마다 연결 소켓 하나. udp: 에코 서버(7번 포트), 소켓 하나가 모두를 받습니다.',
    en: 'tcp: a web server (port 80), one listening socket and one connected socket per client. udp: an echo server (port 7), one socket for everyone.',
  },
  default: 'tcp',
  options: [
    { value: 'tcp', label: { ko: 'TCP (4-튜플로 찾기)', en: 'TCP (found by 4-tuple)' } },
    { value: 'udp', label: { ko: 'UDP (목적지 포트로 찾기)', en: 'UDP (found by destination)' } },
  ],
});
export const CLIENTS = param({
  name: 'clients',
  kind: 'int',
  label: { ko: '클라이언트 수', en: 'Clients' },
  help: {
    ko: '서버에 접속하는 클라이언트 수입니다. 마지막 클라이언트는 처음에 없는 포트(8443)로 잘못 보냅니다.',
    en: 'How many clients talk to the server. The last one first tries a port nothing is bound to (8443).',
  },
  min: 1,
  max: 6,
  default: 3,
});

const PARAMS = [PROTOCOL, CLIENTS, SEED_PARAM] as const;

function run(p: ParamsOf<typeof PARAMS>, seed: number): Timeline {
  const protocol = p.protocol;
  const world = runWorld(protocol, p.clients, seed);
  const story = buildStory(world);
  return {
    topic: 'ports-sockets',
    scenario: protocol === 'tcp' ? 'tcp-demux' : 'udp-demux',
    params: { ...p },
    seed,
    view: {},
    steps: story.beats,
    spans: story.spans,
  };
}

export const scenario = defineScenario({ diagram: 'topology', params: PARAMS, simulate: run });

export const params = scenario.params;
export const simulate = scenario.simulate;
export default scenario;
