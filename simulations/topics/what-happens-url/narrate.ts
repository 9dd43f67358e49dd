/** What each beat of the journey says, in Korean and English, from the run's own values. */
import type { Text } from '../../core/text';
import { HOST } from './page';

const tx = (ko: string, en: string): Text => ({ ko, en });

export interface Ctx {
  hsts: boolean;
  warm: boolean;
  http: '1.1' | '2';
  address?: string;
  /** The omnibox's URL: href, scheme and port. */
  href?: string;
  scheme?: string;
  port?: number;
  /** Value for this beat (a duration, a path, a count). */
  ms?: number;
  path?: string;
  n?: number;
}

export type BeatText = { caption: Text; narration: Text };

export const TEXT: Readonly<Record<string, (c: Ctx) => BeatText>> = {
  'url-parse': (c) => ({
    caption: tx(`주소창: www.naver.com → ${c.href}`, `Omnibox: www.naver.com → ${c.href}`),
    narration: tx(
      `사용자가 주소창에 www.naver.com을 입력합니다. 브라우저는 먼저 이것이 검색어인지 주소인지 판단합니다: 공백이 없고 점으로 나뉜 올바른 호스트 이름이므로 주소로 보고, 스킴이 없으니 붙여서 URL 파서(WHATWG URL, RFC 3986)에 넘깁니다: ${c.href} — 스킴 ${c.scheme}, 호스트 www.naver.com, 포트 ${c.port}(기본값), 경로 /.`,
      `The user types www.naver.com into the address bar. The browser first decides whether this is a search term or an address: it has no spaces and is a valid dotted host name, so it is an address; it has no scheme, so one is added and the URL parser (WHATWG URL, RFC 3986) gives ${c.href}: scheme ${c.scheme}, host www.naver.com, port ${c.port} (the default), path /.`,
    ),
  }),
  hsts: (c) => c.hsts
    ? { caption: tx('HSTS 목록에 있음 → https://', 'On the HSTS list → https://'), narration: tx(`${HOST}은(는) 브라우저의 HSTS 목록(미리 실린 preload 목록)에 있습니다. 그래서 브라우저는 http로 한 번도 보내지 않고 곧바로 https://${HOST}/ (포트 443)으로 갑니다 (RFC 6797 §8.3).`, `${HOST} is on the browser's HSTS list (the preloaded list), so the browser never sends anything over http: it goes straight to https://${HOST}/ on port 443 (RFC 6797 §8.3).`) }
    : { caption: tx('HSTS 정보 없음 → http://', 'No HSTS entry → http://'), narration: tx(`브라우저는 ${HOST}의 HSTS 정책을 모릅니다 (목록에 없고, 전에 받은 적도 없음). 그래서 스킴 없는 입력은 http://${HOST}/ (포트 80)으로 갑니다. 이 첫 평문 요청이 바로 HSTS가 없애려는 틈입니다: 경로 위의 공격자가 가로챌 수 있습니다 (RFC 6797 §2.3).`, `The browser knows no HSTS policy for ${HOST} (not preloaded, never received), so the typed name goes to http://${HOST}/ on port 80. This first plain request is the gap HSTS closes: an attacker on the path could intercept it (RFC 6797 §2.3).`) },
  'dns-cache': () => ({
    caption: tx('브라우저 캐시 → OS 캐시 · hosts: 없음', 'Browser cache → OS cache · hosts: miss'),
    narration: tx(
      'IP 주소를 알아야 연결할 수 있습니다. 브라우저는 먼저 자기 DNS 캐시를 보고, 없으면 OS에 묻습니다 (getaddrinfo). OS는 hosts 파일과 자기 캐시를 본 뒤에야 설정된 재귀 리졸버에 질의를 보냅니다. 첫 방문이므로 모두 비어 있습니다.',
      'To connect, the browser needs an IP address. It checks its own DNS cache first, then asks the OS (getaddrinfo); the OS reads the hosts file and its own cache before it sends a query to the configured recursive resolver. This is a first visit: all of them are empty.',
    ),
  }),
  'dns-query': (c) => ({
    caption: tx('OS 스텁 → 리졸버: www.naver.com A? (UDP 53)', 'OS stub → resolver: www.naver.com A? (UDP 53)'),
    narration: tx(
      `OS의 스텁 리졸버가 재귀 리졸버에 UDP 53번으로 재귀 질의(RD=1)를 보냅니다. ${c.warm ? '리졸버는 방금 다른 사용자를 위해 이 이름을 찾았으므로 캐시에 답이 있습니다.' : '리졸버의 캐시는 차갑습니다: 루트 힌트만 압니다.'}`,
      `The OS stub resolver sends a recursive query (RD=1) to the recursive resolver over UDP port 53. ${c.warm ? 'The resolver looked this name up a moment ago for another user, so the answer is in its cache.' : "The resolver's cache is cold: it knows only the root hints."}`,
    ),
  }),
  'dns-answer': (c) => ({
    caption: tx(`DNS 답: ${c.address} (${c.ms} ms)`, `DNS answer: ${c.address} (${c.ms} ms)`),
    narration: tx(
      `답이 왔습니다: www.naver.com은 CNAME으로 www.naver.com.nheos.com을 가리키고, 그 A 레코드가 ${c.address}입니다. 조회에 ${c.ms} ms가 걸렸습니다${c.warm ? ' (리졸버 캐시 적중: 리졸버 너머로는 패킷이 하나도 나가지 않았습니다)' : ' (루트 → .com TLD → naver.com → 다시 .com → nheos.com 권한 서버까지)'}. 브라우저와 OS는 TTL 동안 이 답을 캐시합니다.`,
      `The answer: www.naver.com is a CNAME for www.naver.com.nheos.com, whose A record is ${c.address}. The lookup took ${c.ms} ms${c.warm ? ' (a resolver cache hit: not one packet went past the resolver)' : ' (root → .com TLD → naver.com → .com again → the nheos.com authoritative server)'}. The browser and the OS cache it for its TTL.`,
    ),
  }),
  'http-request': () => ({
    caption: tx('GET http://www.naver.com/ (평문, 포트 80)', 'GET http://www.naver.com/ (plain text, port 80)'),
    narration: tx('포트 80으로 TCP 연결을 맺고 평문 HTTP 요청을 보냅니다. 누구든 경로 위에서 읽고 바꿀 수 있습니다.', 'A TCP connection to port 80, and a plain-text HTTP request: anyone on the path can read or change it.'),
  }),
  redirect: () => ({
    caption: tx('301 → https://www.naver.com/', '301 → https://www.naver.com/'),
    narration: tx('서버는 301 Moved Permanently와 Location: https://www.naver.com/으로 답합니다. 브라우저는 443 포트로 새 연결을 엽니다. HTTPS 응답에 든 Strict-Transport-Security 헤더를 받은 뒤부터는 이 왕복이 사라집니다 (RFC 6797).', 'The server answers 301 Moved Permanently with Location: https://www.naver.com/, and the browser opens a new connection to port 443. Once it has the Strict-Transport-Security header from an HTTPS response, this round trip is gone for good (RFC 6797).'),
  }),
  'tcp-syn': (c) => ({
    caption: tx(`SYN → ${c.address}:443`, `SYN → ${c.address}:443`),
    narration: tx(`브라우저가 ${c.address}의 443 포트로 SYN을 보내 TCP 3-way 핸드셰이크를 시작합니다 (RFC 9293 §3.5).`, `The browser sends a SYN to port 443 of ${c.address}, starting the TCP three-way handshake (RFC 9293 §3.5).`),
  }),
  'tcp-established': (c) => ({
    caption: tx(`SYN-ACK ← · ACK → : 연결됨 (${c.ms} ms)`, `SYN-ACK ← · ACK → : established (${c.ms} ms)`),
    narration: tx(`SYN-ACK가 도착하고 브라우저가 ACK를 보내면 브라우저 쪽 연결은 ESTABLISHED입니다: 한 번의 왕복, ${c.ms} ms. 하지만 HTTPS는 아직 HTTP를 보낼 수 없습니다: TCP와 HTTP 사이에 TLS 핸드셰이크가 있습니다.`, `The SYN-ACK arrives and the browser ACKs it: the connection is ESTABLISHED on the browser's side after one round trip, ${c.ms} ms. HTTPS cannot send HTTP yet: a TLS handshake comes between TCP and HTTP.`),
  }),
  'tls-client-hello': (c) => ({
    caption: tx(`ClientHello (SNI ${HOST}, ALPN ${c.http === '2' ? 'h2, http/1.1' : 'http/1.1'})`, `ClientHello (SNI ${HOST}, ALPN ${c.http === '2' ? 'h2, http/1.1' : 'http/1.1'})`),
    narration: tx(`TLS 1.3 ClientHello: X25519 key_share, SNI ${HOST}, ALPN ${c.http === '2' ? 'h2와 http/1.1' : 'http/1.1'} (RFC 8446, RFC 7301). 키 공유가 처음부터 들어 있어서 핸드셰이크는 한 번의 왕복(1-RTT)으로 끝납니다.`, `The TLS 1.3 ClientHello: an X25519 key_share, SNI ${HOST}, ALPN ${c.http === '2' ? 'h2 and http/1.1' : 'http/1.1'} (RFC 8446, RFC 7301). The key share is in the very first message, so the handshake takes one round trip (1-RTT).`),
  }),
  'tls-server-flight': (c) => ({
    caption: tx(`ServerHello … Finished ← (ALPN ${c.http === '2' ? 'h2' : 'http/1.1'})`, `ServerHello … Finished ← (ALPN ${c.http === '2' ? 'h2' : 'http/1.1'})`),
    narration: tx(`서버의 한 묶음이 도착합니다: ServerHello(키 공유) 다음부터는 암호화되어 EncryptedExtensions(ALPN ${c.http === '2' ? 'h2' : 'http/1.1'}), 인증서, CertificateVerify(서명), Finished. 브라우저는 인증서 체인을 신뢰하는 루트까지 검증하고 서명과 Finished MAC을 확인합니다.`, `The server's flight arrives: ServerHello (its key share), then, encrypted, EncryptedExtensions (ALPN ${c.http === '2' ? 'h2' : 'http/1.1'}), the Certificate, CertificateVerify (a signature) and Finished. The browser checks the chain up to a trusted root, the signature and the Finished MAC.`),
  }),
  'tls-finished': (c) => ({
    caption: tx(`클라이언트 Finished → (TLS ${c.ms} ms)`, `Client Finished → (TLS ${c.ms} ms)`),
    narration: tx(`브라우저가 자기 Finished를 보냅니다. TLS 1.3 핸드셰이크는 한 번의 왕복, ${c.ms} ms였고, 양쪽은 같은 애플리케이션 트래픽 키를 갖습니다. 요청은 Finished 바로 뒤에 같은 비행으로 나갑니다.`, `The browser sends its Finished. The TLS 1.3 handshake took one round trip, ${c.ms} ms; both sides now hold the same application traffic keys. The request leaves right behind the Finished, in the same flight.`),
  }),
  request: (c) => ({
    caption: c.http === '2' ? tx('HTTP/2: 프리페이스, SETTINGS, HEADERS (GET /)', 'HTTP/2: preface, SETTINGS, HEADERS (GET /)') : tx('GET / HTTP/1.1 (암호화됨)', 'GET / HTTP/1.1 (encrypted)'),
    narration: c.http === '2'
      ? tx('HTTP/2 연결 프리페이스와 SETTINGS, 그리고 스트림 1의 HEADERS 프레임(:method GET, :path /, HPACK으로 압축)이 TLS 레코드 안에 암호화되어 나갑니다 (RFC 9113).', 'The HTTP/2 connection preface, SETTINGS, and a HEADERS frame on stream 1 (:method GET, :path /, HPACK-compressed) leave encrypted inside a TLS record (RFC 9113).')
      : tx('GET / HTTP/1.1 요청 (Host: www.naver.com)이 TLS 레코드 안에 암호화되어 나갑니다 (RFC 9110, RFC 9112).', 'The request GET / HTTP/1.1 (Host: www.naver.com) leaves encrypted inside a TLS record (RFC 9110, RFC 9112).'),
  }),
  response: (c) => ({
    caption: tx(`첫 바이트 (TTFB ${c.ms} ms)`, `First byte (TTFB ${c.ms} ms)`),
    narration: c.http === '2'
      ? tx(`응답의 첫 바이트가 도착합니다: 요청부터 ${c.ms} ms (한 번의 왕복 + 서버가 HTML을 만드는 시간, 모델 상수). 스트림 1의 HEADERS(:status 200, content-type text/html) 뒤로 DATA 프레임이 이어집니다.`, `The first byte of the response arrives, ${c.ms} ms after the request (one round trip plus the server's time to build the HTML, a modelled constant): HEADERS on stream 1 (:status 200, content-type text/html), then DATA frames.`)
      : tx(`응답의 첫 바이트가 도착합니다: 요청부터 ${c.ms} ms (한 번의 왕복 + 서버가 HTML을 만드는 시간, 모델 상수). 200 OK, Content-Type text/html, Strict-Transport-Security 헤더가 함께 옵니다.`, `The first byte of the response arrives, ${c.ms} ms after the request (one round trip plus the server's time to build the HTML, a modelled constant): 200 OK, Content-Type text/html, and a Strict-Transport-Security header.`),
  }),
  'html-downloaded': (c) => ({
    caption: tx(`HTML 다 받음 (${c.ms} ms)`, `HTML complete (${c.ms} ms)`),
    narration: tx(`HTML의 나머지 세그먼트가 접속 링크 속도(8 Mbit/s로 모델)만큼의 간격으로 도착합니다: 내려받기 ${c.ms} ms.`, `The rest of the HTML arrives segment by segment at the access link's rate (modelled as 8 Mbit/s): download ${c.ms} ms.`),
  }),
  'parse-html': (c) => ({
    caption: tx(`HTML 파싱 → DOM, 하위 리소스 ${c.n}개 발견`, `Parse HTML → DOM, ${c.n} subresources found`),
    narration: tx(`브라우저가 HTML을 토큰으로 나누고 DOM 트리를 만듭니다 (HTML 표준의 파싱 알고리즘). 그 과정에서 CSS 1개, 스크립트 2개(defer), 이미지 4개의 참조를 찾습니다. 파싱 시간은 모델 상수입니다 (엔진은 실제 레이아웃을 계산하지 않습니다).`, `The browser tokenises the HTML and builds the DOM tree (the HTML Standard's parsing algorithm), finding one stylesheet, two deferred scripts and four images. The parse time is a modelled constant (the engine computes no real layout).`),
  }),
  subresources: (c) => c.http === '2'
    ? { caption: tx(`하위 리소스 ${c.n}개: 한 연결의 스트림들`, `${c.n} subresources: streams on one connection`), narration: tx(`HTTP/2는 같은 연결 위에서 요청마다 새 스트림(3, 5, 7, …)을 엽니다: 새 TCP도 새 TLS도 없습니다. 응답 프레임들은 서로 섞여 도착합니다(다중화, RFC 9113 §5).`, `HTTP/2 opens a new stream per request (3, 5, 7, …) on the same connection: no new TCP, no new TLS. The responses' frames arrive interleaved (multiplexing, RFC 9113 §5).`) }
    : { caption: tx(`하위 리소스 ${c.n}개: 연결 ${c.ms}개로`, `${c.n} subresources over ${c.ms} connections`), narration: tx(`HTTP/1.1 연결 하나는 한 번에 요청 하나만 처리하므로, 브라우저는 호스트당 최대 6개까지 연결을 더 엽니다. 새 연결마다 TCP 핸드셰이크와 TLS 핸드셰이크를 다시 합니다.`, `An HTTP/1.1 connection carries one request at a time, so the browser opens more connections, up to six per host. Every new one pays for its own TCP and TLS handshakes.`) },
  'sub-done': (c) => ({ caption: tx(`${c.path} 받음`, `${c.path} received`), narration: tx(`${c.path}의 마지막 바이트가 도착했습니다.`, `The last byte of ${c.path} has arrived.`) }),
  'first-contentful-paint': (c) => ({
    caption: tx(`첫 콘텐츠 페인트 (모델: ${c.ms} ms)`, `First contentful paint (modelled: ${c.ms} ms)`),
    narration: tx('CSS가 도착해 CSSOM이 만들어지면, DOM과 CSSOM을 합친 렌더 트리로 레이아웃을 계산하고 처음으로 화면을 칠합니다 (중요 렌더링 경로). 이 시점은 모델입니다: CSS 도착 + 고정된 레이아웃·페인트 시간.', 'Once the CSS is in and the CSSOM built, the render tree (DOM + CSSOM) is laid out and painted for the first time (the critical rendering path). This point is modelled: CSS arrival plus a fixed layout and paint time.'),
  }),
  'dom-content-loaded': (c) => ({
    caption: tx(`DOMContentLoaded (${c.ms} ms)`, `DOMContentLoaded (${c.ms} ms)`),
    narration: tx('파싱이 끝나고 defer 스크립트가 모두 받아져 실행되면 DOMContentLoaded가 발생합니다. 스크립트 실행 시간은 모델 상수입니다.', 'DOMContentLoaded fires once parsing is done and the deferred scripts have arrived and run. The script time is a modelled constant.'),
  }),
  load: (c) => ({
    caption: tx(`load (${c.ms} ms)`, `load (${c.ms} ms)`),
    narration: tx(`이미지까지 모든 하위 리소스가 도착했습니다: load 이벤트, 입력부터 ${c.ms} ms. 단계별 시간 표의 합이 이 값입니다.`, `Every subresource, images included, has arrived: the load event, ${c.ms} ms after the user pressed Enter. The phase table adds up to this.`),
  }),
  lost: (c) => ({ caption: tx(`✕ ${c.path} 손실`, `✕ ${c.path} lost`), narration: tx(`${c.path}이(가) 네트워크에서 사라졌습니다. 보낸 쪽의 타이머가 만료되면 다시 보냅니다 (TCP: RFC 6298, DNS: 스텁과 리졸버의 재시도).`, `${c.path} is lost in the network. The sender resends it when its timer expires (TCP: RFC 6298; DNS: the stub's and the resolver's retries).`) }),
  'dns-failed': (c) => ({ caption: tx(`DNS 조회 실패 (${c.path}): 페이지를 열 수 없음`, `DNS lookup failed (${c.path}): the page cannot open`), narration: tx(`손실이 너무 많아 조회가 실패했습니다 (${c.path === 'servfail' ? '리졸버가 재시도를 다 쓰고 SERVFAIL로 답함' : '스텁이 5초씩 두 번 기다려도 답이 없음'}). 브라우저는 주소를 모르므로 연결할 수 없고 오류 페이지(ERR_NAME_NOT_RESOLVED)를 보여 줍니다.`, `Too much loss: the lookup failed (${c.path === 'servfail' ? 'the resolver used up its retries and answered SERVFAIL' : 'the stub waited 5 s twice with no answer'}). Without an address the browser cannot connect; it shows an error page (ERR_NAME_NOT_RESOLVED).`) }),
  'web-failed': () => ({ caption: tx('연결이 끝나지 않음: 시뮬레이션 한도 도달', 'The load did not finish: simulation limit reached'), narration: tx('손실이 너무 많아 정해진 사건 수 안에 페이지가 다 오지 않았습니다. 브라우저라면 계속 재전송하다가 결국 시간 초과 오류를 보여 줍니다.', 'So much loss that the page did not arrive within the event limit. A browser would keep retransmitting and finally show a timeout error.') }),
};
