/**
 * The one list of topics. The index, generateStaticParams, the sitemap, the
 * e2e suite and the content checks all read it. Adding a topic: a folder in
 * simulations/topics/, an MDX pair in content/{ko,en}/, and one line here.
 */
import type { Scenario } from './core/timeline';
import type { Text } from './core/text';
import { SCENARIOS } from './scenarios';
import { suggest } from './suggest';
import { SLUGS, type Slug } from './slugs';

export { SLUGS, isSlug, type Slug } from './slugs';

export type GroupId = 'layers' | 'transport' | 'http' | 'security' | 'realtime';

export const GROUPS: readonly { id: GroupId; title: Text }[] = [
  { id: 'layers', title: { ko: '계층과 이름', en: 'Layers & naming' } },
  { id: 'transport', title: { ko: '전송 계층', en: 'Transport' } },
  { id: 'http', title: { ko: 'HTTP', en: 'HTTP' } },
  { id: 'security', title: { ko: '웹 보안', en: 'Web security' } },
  { id: 'realtime', title: { ko: '실시간과 확장', en: 'Real-time & scale' } },
];

export interface Topic {
  /** Position in the study sheet, 1–23. */
  n: number;
  slug: Slug;
  group: GroupId;
  title: Text;
  /** Loads the scenario; absent while the topic is not built yet (see scenarios.ts). */
  load?: () => Promise<{ default: Scenario }>;
}

const SHEET: readonly Omit<Topic, 'load'>[] = [
  { n: 1, slug: 'dns', group: 'layers', title: { ko: 'DNS', en: 'DNS' } },
  { n: 2, slug: 'dns-resolution', group: 'layers', title: { ko: 'DNS 동작 원리', en: 'How DNS resolution works' } },
  { n: 3, slug: 'osi-model', group: 'layers', title: { ko: 'OSI 7계층', en: 'The OSI model' } },
  { n: 4, slug: 'transport-layer', group: 'transport', title: { ko: '전송 계층 (TCP, UDP)', en: 'The transport layer (TCP, UDP)' } },
  { n: 5, slug: 'tcp-ip-model', group: 'layers', title: { ko: 'TCP/IP 4계층', en: 'The TCP/IP model' } },
  { n: 6, slug: 'tcp-connection', group: 'transport', title: { ko: 'TCP 연결: 3-way 핸드셰이크와 4-way 종료', en: 'TCP connections: the 3-way handshake and the 4-way close' } },
  { n: 7, slug: 'time-wait', group: 'transport', title: { ko: 'FIN보다 늦게 온 데이터와 TIME-WAIT', en: 'Data that arrives after the FIN, and TIME-WAIT' } },
  { n: 8, slug: 'what-happens-url', group: 'http', title: { ko: 'www.naver.com을 입력하면 일어나는 일', en: 'What happens when you type www.naver.com' } },
  { n: 9, slug: 'http-https', group: 'http', title: { ko: 'HTTP와 HTTPS', en: 'HTTP and HTTPS' } },
  { n: 10, slug: 'http-idempotency', group: 'http', title: { ko: 'HTTP 멱등성', en: 'HTTP idempotency' } },
  { n: 11, slug: 'http1-vs-http11', group: 'http', title: { ko: 'HTTP/1.0과 HTTP/1.1', en: 'HTTP/1.0 and HTTP/1.1' } },
  { n: 12, slug: 'http2', group: 'http', title: { ko: 'HTTP/2', en: 'HTTP/2' } },
  { n: 13, slug: 'tcp-flow-error-control', group: 'transport', title: { ko: 'TCP 오류 제어와 흐름 제어', en: 'TCP error control and flow control' } },
  { n: 14, slug: 'ports-sockets', group: 'transport', title: { ko: '포트와 소켓', en: 'Ports and sockets' } },
  { n: 15, slug: 'cookies-sessions', group: 'security', title: { ko: '세션과 쿠키', en: 'Sessions and cookies' } },
  { n: 16, slug: 'jwt', group: 'security', title: { ko: 'JWT', en: 'JWT' } },
  { n: 17, slug: 'oauth', group: 'security', title: { ko: 'OAuth', en: 'OAuth' } },
  { n: 18, slug: 'uri-url-urn', group: 'http', title: { ko: 'URI, URL, URN', en: 'URI, URL and URN' } },
  { n: 19, slug: 'rest-api', group: 'http', title: { ko: 'REST API', en: 'REST APIs' } },
  { n: 20, slug: 'cors', group: 'security', title: { ko: 'CORS', en: 'CORS' } },
  { n: 21, slug: 'mitm', group: 'security', title: { ko: '중간자 공격', en: 'Man-in-the-middle attacks' } },
  { n: 22, slug: 'websocket', group: 'realtime', title: { ko: 'WebSocket과 Socket.IO', en: 'WebSocket and Socket.IO' } },
  { n: 23, slug: 'load-balancing', group: 'realtime', title: { ko: '로드 밸런싱', en: 'Load balancing' } },
];

export const TOPICS: readonly Topic[] = SHEET.map((t) => (SCENARIOS[t.slug] ? { ...t, load: SCENARIOS[t.slug] } : t));

if (SHEET.some((t, i) => t.slug !== SLUGS[i])) throw new Error('registry: the sheet and SLUGS disagree');

export const isAvailable = (t: Topic): boolean => t.load !== undefined;
export const availableTopics = (): Topic[] => TOPICS.filter(isAvailable);
export const topicBySlug = (slug: string): Topic | undefined => TOPICS.find((t) => t.slug === slug);

/** Topics whose slug is closest to a mistyped one (for the 404 page). */
export function suggestTopics(input: string, limit = 3): Topic[] {
  return suggest(TOPICS, input, limit);
}
