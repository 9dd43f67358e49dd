/** The words of the http2 story, in both languages. Logic never reads them. */
import { t, type Text } from '../../core/text';
import type { Side } from './h2';

export const SIDE: Record<Side, Text> = { client: t('브라우저', 'Browser'), server: t('서버', 'Server') };
export const CONN: Record<'h2' | 'h1', string> = { h2: 'HTTP/2', h1: 'HTTP/1.1' };

export const list = (items: readonly string[], max = 3): Text => {
  const head = items.slice(0, max).join(', ');
  const more = items.length - max;
  return more > 0 ? t(`${head} 외 ${more}개`, `${head} and ${more} more`) : t(head, head);
};

export const captions = {
  send: (side: Side, what: Text): Text => t(`${SIDE[side].ko}가 보냄: ${what.ko}`, `${SIDE[side].en} sends ${what.en}`),
  arrive: (side: Side, what: Text): Text => t(`${SIDE[side].ko}에 도착: ${what.ko}`, `${what.en} reaches the ${SIDE[side].en.toLowerCase()}`),
  held: (n: number): Text => t(`세그먼트 ${n}개 도착, 하지만 TCP가 붙잡아 둠 (앞 세그먼트가 빠짐)`, `${n} segment${n === 1 ? '' : 's'} arrive, but TCP holds them (an earlier one is missing)`),
  lost: (what: Text): Text => t(`세그먼트 손실: ${what.ko}`, `Segment lost: ${what.en}`),
  rto: (side: Side): Text => t(`${SIDE[side].ko}의 재전송 타이머(RTO) 만료: 빠진 세그먼트를 다시 보냄`, `The ${SIDE[side].en.toLowerCase()}'s retransmission timer (RTO) fires: it resends the missing segment`),
  done: (paths: readonly string[]): Text => t(`응답 완료: ${paths.join(', ')}`, `Complete: ${paths.join(', ')}`),
};

/** Extra paragraphs for the steps the page links to, by step key. */
export const EXPLAIN: Record<string, Text> = {
  syn: t(
    '연결은 하나입니다. HTTP/2는 요청마다 연결을 새로 열지 않고, 이 TCP 연결 하나에 모든 요청과 응답을 스트림으로 실어 보냅니다.',
    'There is one connection. HTTP/2 does not open a connection per request: every request and response travels on this one TCP connection as a stream.',
  ),
  'client-hello': t(
    'ClientHello의 ALPN 확장(RFC 7301)에 "h2"와 "http/1.1"을 넣어, TLS 핸드셰이크 안에서 어떤 HTTP를 쓸지 정합니다. 서버가 "h2"를 고르면 추가 왕복 없이 HTTP/2로 시작합니다.',
    'The ClientHello carries ALPN (RFC 7301) offering "h2" and "http/1.1": the HTTP version is agreed inside the TLS handshake. The server picks "h2", so HTTP/2 starts with no extra round trip.',
  ),
  settings: t(
    '서버는 Finished 바로 뒤에 첫 SETTINGS를 보냅니다(TLS 1.3의 0.5-RTT 데이터). SETTINGS_HEADER_TABLE_SIZE는 "내 HPACK 디코더가 쓸 동적 표의 최대 크기"라서, 브라우저의 인코더는 이 크기를 넘는 표를 쓰지 않습니다.',
    'Right after its Finished the server sends its first SETTINGS (TLS 1.3 0.5-RTT data). SETTINGS_HEADER_TABLE_SIZE is "the largest dynamic table my HPACK decoder will keep", so the browser\'s encoder never uses a bigger one.',
  ),
  preface: t(
    '브라우저는 24바이트 연결 프리페이스 "PRI * HTTP/2.0…"와 자기 SETTINGS, 연결 전체(스트림 0)의 흐름 제어 창을 넓히는 WINDOW_UPDATE, 서버 SETTINGS에 대한 ACK, 그리고 페이지 요청(스트림 1의 HEADERS)을 한 번에 보냅니다. 모든 프레임은 9바이트 헤더(길이 24비트, 타입, 플래그, 스트림 ID 31비트)로 시작하는 이진 프레임입니다.',
    'The browser sends the 24-byte connection preface "PRI * HTTP/2.0…", its SETTINGS, a WINDOW_UPDATE widening the connection-wide (stream 0) flow-control window, the ACK of the server\'s SETTINGS and the page request (HEADERS on stream 1), all at once. Every frame is binary and starts with a 9-byte header: 24-bit length, type, flags, 31-bit stream id.',
  ),
  requests: t(
    'HTML을 받은 브라우저가 필요한 자원을 한꺼번에 요청합니다. 요청마다 새 스트림(3, 5, 7… 클라이언트는 홀수)을 열 뿐, 앞 응답을 기다리지 않습니다. HPACK 동적 표에 이미 들어간 헤더는 1바이트 인덱스로 보내므로 요청 헤더 블록이 첫 요청보다 훨씬 작습니다.',
    'With the HTML in, the browser asks for every asset at once: each request opens a new stream (3, 5, 7…: clients use odd ids) and none waits for an earlier response. Headers already in the HPACK dynamic table go as one-byte indices, so these header blocks are far smaller than the first.',
  ),
  interleave: t(
    '서버는 여러 스트림의 HEADERS와 DATA 프레임을 섞어 한 연결로 보냅니다. 프레임마다 스트림 ID가 있어 받는 쪽이 다시 나눌 수 있습니다. 어떤 순서로 섞을지는 서버가 정합니다.',
    'The server interleaves HEADERS and DATA frames of several streams on the one connection; each frame names its stream, so the receiver can sort them out. The server decides the order.',
  ),
  'priority-on': t(
    '우선순위: 요청의 priority 헤더(RFC 9218, 예 "u=0", "u=5, i")에 따라 긴급도 숫자가 작은 응답부터, 같은 긴급도에서는 incremental(i)이 아닌 것은 하나씩 차례로, incremental인 것은 번갈아 보냅니다. 그래서 CSS와 JS가 큰 이미지보다 먼저 끝납니다.',
    'Priorities: by each request\'s priority header (RFC 9218, e.g. "u=0", "u=5, i"), the lowest urgency goes first; within one urgency, non-incremental responses go one after another, incremental ones take turns. CSS and JS finish before the big image.',
  ),
  'priority-off': t(
    '우선순위 끔: 서버는 열린 스트림을 돌아가며 프레임 하나씩 보냅니다. 모두 조금씩 진행하지만, 렌더링을 막는 CSS도 이미지와 똑같이 기다립니다.',
    'Priorities off: the server takes the open streams in turn, one frame each. Everything progresses a little, and the render-blocking CSS waits just like the images.',
  ),
  lost: t(
    '이 세그먼트는 한 스트림의 프레임 하나를 실었을 뿐이지만, TCP에게는 바이트 흐름의 한 구멍입니다.',
    'This segment carried one frame of one stream, but to TCP it is a hole in one byte stream.',
  ),
  hol: t(
    'TCP 수준 HOL(Head-of-Line) 블로킹: 뒤 세그먼트들은 도착했고 다른 스트림의 완전한 프레임도 들어 있지만, TCP는 순서대로만 앱에 넘기므로(RFC 9293) 구멍이 메워질 때까지 모든 스트림이 멈춥니다. HTTP/3는 QUIC(RFC 9000) 위에서 스트림마다 따로 순서를 맞추므로, 잃어버린 패킷의 스트림만 기다리고 나머지는 계속 앱에 전달됩니다.',
    'TCP-level head-of-line blocking: later segments have arrived, with whole frames of other streams in them, but TCP hands bytes to the app only in order (RFC 9293), so every stream stalls until the hole is filled. HTTP/3 runs on QUIC (RFC 9000), which orders each stream on its own: only the stream whose packet was lost waits, the others keep being delivered.',
  ),
  rto: t(
    '이 TCP는 RTT를 재지 않으므로 RFC 6298의 초기값 1초를 RTO로 씁니다. 재전송된 세그먼트가 도착하면 붙잡혀 있던 바이트가 한꺼번에 앱으로 올라갑니다.',
    'This TCP takes no RTT samples, so its RTO is RFC 6298\'s initial 1 s. When the retransmission arrives, everything held behind it goes up to the app at once.',
  ),
  'page-loaded': t('HTTP/2로 페이지와 모든 자원을 받았습니다.', 'Over HTTP/2, the page and every asset are in.'),
  'h1-done': t(
    'HTTP/1.1 연결은 요청 하나를 보내고 응답이 끝나야 다음 요청을 보냅니다(파이프라이닝은 브라우저가 쓰지 않음). 자원마다 왕복 시간이 하나씩 더 들고, 헤더는 매번 압축 없이 텍스트로 갑니다. 브라우저는 이를 피하려고 호스트마다 연결을 6개까지 엽니다.',
    'The HTTP/1.1 connection sends one request and waits for its whole response before the next (browsers do not pipeline): every asset costs another round trip, and the headers go as uncompressed text every time. Browsers open up to six connections per host to work around it.',
  ),
  close: t(
    '브라우저가 GOAWAY로 이 연결을 다 썼다고 알리고, TLS close_notify와 TCP FIN으로 닫습니다.',
    'The browser says it is done with GOAWAY, then TLS close_notify and TCP FINs close the connection.',
  ),
};
