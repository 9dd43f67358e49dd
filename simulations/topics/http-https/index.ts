/**
 * http-https: the same login over HTTP (port 80) and over HTTPS (port 443), with an
 * eavesdropper on the path. Real bytes both ways: the plain request with its password,
 * or a TLS 1.3 (RFC 8446) / TLS 1.2 (RFC 5246) handshake computed from the seed, then
 * AES-128-GCM records. A bad certificate ends the handshake with the alert RFC 8446 §6.2
 * names. The timeline carries the key log, so the .pcapng download decrypts in Wireshark.
 */
import { SEED_PARAM } from '../../core/params';
import { defineScenario, param } from '../../core/scenario';
import type { Text } from '../../core/text';
import type { Timeline } from '../../core/timeline';
import { chainChecks, runHttps, runPlainHttp, serverPki, SECRET_ORDER_12, SECRET_ORDER_13 } from '../../https';
import { HOST, loginRequest, loginResponse } from './messages';
import { buildStory } from './story';

const tx = (ko: string, en: string): Text => ({ ko, en });

export const PROTOCOL = param({
  name: 'protocol', kind: 'enum', default: 'https', label: tx('프로토콜', 'Protocol'),
  options: [{ value: 'http', label: tx('HTTP (80, 평문)', 'HTTP (80, plain)') }, { value: 'https', label: tx('HTTPS (443, TLS)', 'HTTPS (443, TLS)') }],
});
export const TLS = param({
  name: 'tls', kind: 'enum', default: '1.3', label: tx('TLS 버전', 'TLS version'),
  help: tx('1.3: 왕복 1번, ServerHello 뒤는 모두 암호화. 1.2: 왕복 2번, 인증서가 평문.', '1.3: one round trip, everything after ServerHello encrypted. 1.2: two round trips, certificates in clear.'),
  options: [{ value: '1.3', label: tx('TLS 1.3', 'TLS 1.3') }, { value: '1.2', label: tx('TLS 1.2', 'TLS 1.2') }],
});
export const ATTACKER = param({
  name: 'attacker', kind: 'bool', default: true, label: tx('경로 위 도청자', 'Eavesdropper on the path'),
  help: tx('같은 Wi-Fi나 경로 위 라우터처럼 모든 프레임의 사본을 받는 도청자.', 'Gets a copy of every frame, like someone on the same Wi-Fi or a router on the path.'),
});
export const CERT = param({
  name: 'cert', kind: 'enum', default: 'valid', label: tx('서버 인증서', 'Server certificate'),
  options: [
    { value: 'valid', label: tx('정상', 'valid') },
    { value: 'expired', label: tx('만료됨', 'expired') },
    { value: 'wrong-host', label: tx('다른 호스트용', 'for another host') },
    { value: 'self-signed', label: tx('자체 서명', 'self-signed') },
  ],
});

export const scenario = defineScenario({
  diagram: 'sequence',
  params: [PROTOCOL, TLS, ATTACKER, CERT, SEED_PARAM],
  simulate(p, seed): Timeline {
    const https = p.protocol === 'https';
    const version = p.tls;
    const ctx = { https, version, attacker: p.attacker };
    const request = loginRequest(https), response = loginResponse(https, seed);
    const notices: Text[] = [];
    if (!https && (p.tls !== TLS.default || p.cert !== CERT.default)) {
      notices.push(tx('HTTP에는 TLS가 없으므로 TLS 버전과 인증서 설정은 쓰이지 않습니다.', 'Plain HTTP has no TLS: the TLS version and certificate settings do not apply.'));
    }
    if (!https) {
      const conn = runPlainHttp({ seed, request, response, eavesdropper: p.attacker });
      const { story, view } = buildStory({ ctx, conn });
      return { topic: 'http-https', scenario: 'login', params: { ...p }, seed, view, steps: story.beats, spans: story.spans, ...(notices.length ? { notices } : {}) };
    }
    const r = runHttps({ seed, serverName: HOST, alpn: ['http/1.1'], request, response, version, cert: p.cert, eavesdropper: p.attacker });
    const checks = chainChecks(serverPki(HOST, p.cert, seed), HOST);
    const { story, view } = buildStory({ ctx, conn: r.conn, tls: r.tls, checks, secretOrder: version === '1.2' ? SECRET_ORDER_12 : SECRET_ORDER_13 });
    return {
      topic: 'http-https', scenario: 'login', params: { ...p }, seed, view, steps: story.beats, spans: story.spans,
      tlsKeyLog: r.tls.keylog, ...(notices.length ? { notices } : {}),
    };
  },
});

export default scenario;
