/** What each event of a page load means, in words (one sentence per note). */
import type { Text } from '../../core/text';
import type { Mode } from './browser';
import type { Note } from './world';

const tx = (ko: string, en: string): Text => ({ ko, en });

/** The way's name on its browser's lifeline when four ways share the screen: the words that tell them apart. */
export function laneName(m: Mode, connections: number): Text {
  switch (m) {
    case 'http10':
      return tx('HTTP/1.0', 'HTTP/1.0');
    case 'keepalive':
      return tx('지속 연결', 'keep-alive');
    case 'pipelining':
      return tx('파이프라이닝', 'pipelining');
    case 'parallel':
      return tx(`연결 ${connections}개`, `${connections} conn.`);
  }
}

/** The way's full name: HTTP/1.0, or HTTP/1.1 and its lane name. */
export function modeName(m: Mode, connections: number): Text {
  if (m === 'http10') return laneName(m, connections);
  const lane = m === 'parallel' ? tx(`연결 ${connections}개`, `× ${connections} connections`) : laneName(m, connections);
  return tx(`HTTP/1.1 ${lane.ko}`, `HTTP/1.1 ${lane.en}`);
}

/** "/img/3.svg" → "img3", "/" → "/": what a chip has room for. */
export const short = (path: string) => (path === '/' ? '/' : path.replace(/^\/img\/(\d+)\.svg$/, 'img$1'));

/** One sentence for a note, or nothing for notes the diagram says well enough. */
export function noteText(side: 'client' | 'server', note: Note): Text | undefined {
  if (note.type === 'tcp') {
    if (note.to === 'ESTABLISHED' && side === 'client') return tx(`포트 ${note.conn} 연결 수립: 핸드셰이크에 RTT 한 번이 들었습니다.`, `Connection from port ${note.conn} established: the handshake cost one RTT.`);
    if (note.to === 'SYN-RECEIVED') return tx(`서버가 포트 ${note.conn}의 SYN에 SYN-ACK으로 답합니다.`, `The server answers port ${note.conn}'s SYN with a SYN-ACK.`);
    if (note.to === 'TIME-WAIT') return tx(`포트 ${note.conn} 연결: 먼저 닫은 쪽이 TIME-WAIT에 들어갑니다.`, `Port ${note.conn}'s connection: the side that closed first enters TIME-WAIT.`);
    return undefined;
  }
  const n = note.note;
  switch (n.kind) {
    case 'connect':
      return n.path !== undefined
        ? tx(`${n.path}를 가져오려고 새 TCP 연결(포트 ${n.conn})을 엽니다: SYN.`, `A new TCP connection (port ${n.conn}) just to fetch ${n.path}: SYN.`)
        : tx(`새 TCP 연결(포트 ${n.conn})을 엽니다: SYN.`, `Opens a TCP connection (port ${n.conn}): SYN.`);
    case 'request':
      if ('pipelined' in n)
        return tx(
          `GET ${n.path} 전송 (Connection: ${n.close ? 'close' : 'keep-alive'})${n.pipelined ? ', 앞선 응답을 기다리지 않고 이어서 보냄(파이프라이닝)' : ''}.`,
          `Sends GET ${n.path} (Connection: ${n.close ? 'close' : 'keep-alive'})${n.pipelined ? ', back to back without waiting for earlier responses (pipelining)' : ''}.`,
        );
      return n.work > 0
        ? tx(`서버가 GET ${n.path}를 받았습니다. 이 응답을 만드는 데 ${n.work} ms가 걸립니다.`, `The server receives GET ${n.path}; making this response takes ${n.work} ms.`)
        : tx(`서버가 GET ${n.path}를 받아 곧바로 응답을 만듭니다.`, `The server receives GET ${n.path} and has the response at once.`);
    case 'respond':
      return tx(`서버 → ${n.status} ${n.path}${n.close ? ', 그리고 연결을 닫습니다 (Connection: close): FIN.' : '. 연결은 열어 둡니다.'}`, `Server → ${n.status} for ${n.path}${n.close ? ', then closes the connection (Connection: close): FIN.' : '; the connection stays open.'}`);
    case 'blocked':
      return tx(`${n.path}의 응답은 준비됐지만 ${n.behind}의 응답이 먼저 나가야 합니다: 헤드 오브 라인 블로킹.`, `The response for ${n.path} is ready but must wait until ${n.behind}'s has gone: head-of-line blocking.`);
    case 'response':
      return tx(`브라우저가 ${n.path} 응답(${n.status}, 본문 ${n.bytes}바이트)을 받았습니다.`, `The browser has ${n.path} (${n.status}, ${n.bytes}-byte body).`);
    case 'html':
      return tx(`HTML을 파싱해 이미지 ${n.images.length}개를 찾았습니다: 이제 이들을 요청합니다.`, `Parsing the HTML finds ${n.images.length} images: now they are requested.`);
    case 'loaded':
      return tx(`페이지 완성: 자원 모두 도착, TCP 연결 ${n.conns}개 사용.`, `Page loaded: every resource is in, over ${n.conns} TCP connection${n.conns === 1 ? '' : 's'}.`);
  }
}

/** How much a note matters for the caption (higher wins). */
export function weight(note: Note): number {
  if (note.type === 'tcp') return note.to === 'ESTABLISHED' ? 2 : ['SYN-RECEIVED', 'FIN-WAIT-1', 'LAST-ACK', 'TIME-WAIT', 'CLOSED'].includes(note.to) ? 1 : 0;
  const order: Record<string, number> = { loaded: 9, blocked: 8, html: 7, respond: 5, response: 6, request: 4, connect: 3 };
  return order[note.note.kind] ?? 1;
}

export function captionOf(note: Note, side: 'client' | 'server', t: number): Text {
  if (note.type === 'tcp') {
    const what: Record<string, Text> = {
      'SYN-RECEIVED': tx('SYN-ACK', 'SYN-ACK'),
      'FIN-WAIT-1': tx('FIN: 연결 닫기', 'FIN: closing'),
      'LAST-ACK': tx('FIN: 연결 닫기', 'FIN: closing'),
      'TIME-WAIT': tx('TIME-WAIT', 'TIME-WAIT'),
      CLOSED: tx('연결 닫힘', 'connection closed'),
    };
    const w = what[note.to] ?? tx('연결 수립', 'connected');
    return tx(`${w.ko} (포트 ${note.conn})`, `${w.en} (port ${note.conn})`);
  }
  const n = note.note;
  switch (n.kind) {
    case 'connect':
      return tx(`SYN (포트 ${n.conn})`, `SYN (port ${n.conn})`);
    case 'request':
      return side === 'client' ? tx(`GET ${n.path}`, `GET ${n.path}`) : tx(`서버 ← GET ${n.path}`, `Server ← GET ${n.path}`);
    case 'respond':
      return tx(`서버 → ${n.status} ${n.path}`, `Server → ${n.status} ${n.path}`);
    case 'blocked':
      return tx(`${n.path}: ${n.behind} 뒤에서 대기`, `${n.path} waits behind ${n.behind}`);
    case 'response':
      return tx(`← ${n.path} 도착`, `← ${n.path} arrives`);
    case 'html':
      return tx(`HTML 도착: 이미지 ${n.images.length}개 발견`, `HTML in: ${n.images.length} images found`);
    case 'loaded':
      return tx(`페이지 완성: ${t} ms`, `Page loaded: ${t} ms`);
  }
}
