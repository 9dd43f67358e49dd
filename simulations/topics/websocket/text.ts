/** The websocket narration: what each event is, for the transport in play, in ko and en. */
import { t, type Text } from '../../core/text';
import type { TraceEntry } from '../../core/kernel';
import { WEBSOCKET_GUID } from '../../wire/websocket';
import type { Metrics } from './metrics';
import type { Note, State, Transport } from './world';
import type { ChatMessage } from './workload';
import { josa } from '../../names/ko';

export const TRANSPORT_NAME: Record<Transport, Text> = {
  polling: t('폴링', 'Polling'),
  'long-polling': t('롱 폴링', 'Long polling'),
  websocket: t('WebSocket', 'WebSocket'),
};

const HOW: Record<Transport, Text> = {
  polling: t('브라우저가 정해진 간격마다 "새 메시지 있나요?"라고 묻습니다.', 'The browser asks "anything new?" at a fixed interval.'),
  'long-polling': t('브라우저가 묻고, 서버는 새 메시지가 생길 때까지 답을 미룹니다.', 'The browser asks, and the server holds the answer until it has a new message.'),
  websocket: t('HTTP 요청 하나로 연결을 WebSocket으로 바꾸고, 그 뒤로는 서버가 메시지를 바로 보냅니다.', 'One HTTP request turns the connection into a WebSocket; from then on the server sends each message at once.'),
};

export interface Said {
  caption: Text;
  parts: Text[];
  /** The step's key: the first of these not taken by an earlier step. */
  keys: string[];
}

/** When one event is several things (a message arrives and is pushed at once), the step is named by the most telling. */
const PRIORITY = ['start', 'upgrade', 'switching', 'open', 'client-message', 'push', 'poll-data', 'empty', 'hold', 'poll', 'produced', 'ping', 'pong', 'close', 'close-echo', 'closed'];

export interface NarrateInput {
  entry: TraceEntry<State, unknown, Note>;
  i: number;
  transport: Transport;
  chat: readonly ChatMessage[];
  /** When the client had each message, before this entry. */
  got: Record<number, number>;
  interval: number;
  all: Record<Transport, Metrics>;
  notes: Note[];
}

const list = (ids: number[]) => ids.map((x) => `#${x}`).join(', ');

export function narrate(o: NarrateInput): Said {
  const parts: Text[] = [];
  let caption: Text = t(`${o.entry.t} ms`, `${o.entry.t} ms`);
  const keys: string[] = [];
  if (o.i === 0 && o.notes.length === 0) {
    caption = t(`시작: ${TRANSPORT_NAME[o.transport].ko}, 채팅 메시지 ${o.chat.length}개`, `Start: ${TRANSPORT_NAME[o.transport].en}, ${o.chat.length} chat message${o.chat.length === 1 ? '' : 's'}`);
    parts.push(t(`채팅 서버에 메시지 ${o.chat.length}개가 시간차를 두고 도착합니다. 브라우저는 그것을 되도록 빨리 받고 싶습니다.`, `${o.chat.length} chat message${o.chat.length === 1 ? '' : 's'} will reach the chat server over time; the browser wants each as soon as possible.`), HOW[o.transport]);
    keys.push('start');
  }
  for (const n of o.notes) {
    switch (n.type) {
      case 'produced': {
        caption = t(`서버: 새 메시지 #${n.msg.id} "${n.msg.text}"`, `Server: new message #${n.msg.id} "${n.msg.text}"`);
        const pushed = o.notes.some((x) => x.type === 'push' || x.type === 'answer');
        parts.push(
          o.transport === 'polling'
            ? t('서버는 먼저 말을 걸 수 없습니다: 메시지는 다음 폴링 요청이 올 때까지 서버에서 기다립니다.', 'The server cannot speak first: the message waits on the server for the next poll.')
            : pushed
              ? o.transport === 'websocket'
                ? t('열린 WebSocket으로 곧바로 텍스트 프레임을 보냅니다. 요청을 기다릴 필요가 없습니다.', 'It goes out at once as a text frame on the open WebSocket; no request to wait for.')
                : t('붙잡아 둔 요청이 있으니 지금 그 요청에 답합니다.', 'A request is being held, so the server answers it now.')
              : o.transport === 'websocket'
                ? t('아직 WebSocket이 열리지 않아, 열리면 바로 보냅니다.', 'The WebSocket is not open yet; it goes out the moment it is.')
                : t('붙잡아 둔 요청이 없어(방금 답을 보냈음) 다음 요청을 기다립니다.', 'No request is being held (one was just answered): it waits for the next.'),
        );
        keys.push('produced');
        break;
      }
      case 'poll':
        caption = t(`브라우저 → GET /messages?after=${n.after}`, `Browser → GET /messages?after=${n.after}`);
        parts.push(
          o.transport === 'polling'
            ? t(`${o.interval} ms마다 묻습니다. ${josa(`after=${n.after}`, '은')} 이미 받은 마지막 메시지 번호입니다. 요청마다 시작 줄과 헤더가 다시 갑니다.`, `It asks every ${o.interval} ms; after=${n.after} is the last message it has. Each request sends a start line and header fields again.`)
            : t(`답을 받자마자 다시 묻습니다 (after=${n.after}).`, `It asks again as soon as it has an answer (after=${n.after}).`),
        );
        keys.push('poll');
        break;
      case 'hold':
        caption = t('서버: 새 메시지가 없어 요청을 붙잡아 둠', 'Server: nothing new, holds the request');
        parts.push(t('답을 보내지 않고 요청을 열어 둡니다. 메시지가 생기면 그때 답합니다 (보통은 30초쯤 지나면 빈 답을 보냄).', 'It sends no answer and keeps the request open; a new message will answer it (servers usually send an empty answer after about 30 s).'));
        keys.push('hold');
        break;
      case 'answer':
        if (n.ids.length === 0) {
          caption = t('서버 → 200 OK []', 'Server → 200 OK []');
          parts.push(t('새 메시지가 없다는 답입니다. 요청과 응답의 헤더가 오갔지만 전한 것은 없습니다.', 'Nothing new. A request and a response, header fields and all, carried nothing.'));
          keys.push('empty');
        } else {
          caption = t(`서버 → 200 OK, 메시지 ${list(n.ids)}`, `Server → 200 OK, message${n.ids.length > 1 ? 's' : ''} ${list(n.ids)}`);
          parts.push(t('응답 본문이 JSON 배열로 새 메시지를 싣습니다.', 'The response body carries the new messages as a JSON array.'));
          keys.push('poll-data');
        }
        break;
      case 'delivered': {
        if (n.ids.length === 0) {
          caption = t('브라우저: 새 메시지 없음', 'Browser: nothing new');
          parts.push(t('다음 폴링 때 다시 묻습니다.', 'It will ask again at the next poll.'));
          break;
        }
        const ds = n.ids.map((id) => o.entry.t - o.chat.find((m) => m.id === id)!.at);
        caption = t(`브라우저: 메시지 ${list(n.ids)} 받음`, `Browser: has message${n.ids.length > 1 ? 's' : ''} ${list(n.ids)}`);
        parts.push(t(`메시지 ${josa(list(n.ids), '을')} 받았습니다: 서버에 도착한 뒤 ${ds.join(', ')} ms.`, `Message${n.ids.length > 1 ? 's' : ''} ${list(n.ids)} in, ${ds.join(', ')} ms after the server had ${n.ids.length > 1 ? 'them' : 'it'}.`));
        break;
      }
      case 'upgrade':
        caption = t('브라우저 → GET /chat, Upgrade: websocket', 'Browser → GET /chat, Upgrade: websocket');
        parts.push(t(`여는 핸드셰이크는 평범한 HTTP/1.1 GET입니다. Upgrade와 Connection 헤더로 프로토콜을 바꾸자고 하고, Sec-WebSocket-Key에 16바이트 난수의 base64(${n.key})를 싣습니다.`, `The opening handshake is a plain HTTP/1.1 GET: Upgrade and Connection ask to switch protocols, and Sec-WebSocket-Key carries 16 random bytes in base64 (${n.key}).`));
        keys.push('upgrade');
        break;
      case 'switching':
        caption = t('서버 → 101 Switching Protocols', 'Server → 101 Switching Protocols');
        parts.push(t(`Sec-WebSocket-Accept = base64(SHA-1(키 + "${WEBSOCKET_GUID}")) = ${n.accept}. 서버가 WebSocket 핸드셰이크를 이해했다는 증거일 뿐, 인증이나 암호화는 아닙니다.`, `Sec-WebSocket-Accept = base64(SHA-1(key + "${WEBSOCKET_GUID}")) = ${n.accept}: proof that the server understood a WebSocket handshake, not authentication or encryption.`));
        keys.push('switching');
        break;
      case 'open':
        caption = n.accept === n.expected ? t('브라우저: Accept 값 확인, WebSocket 열림', 'Browser: Accept checked, WebSocket open') : t('브라우저: Accept 값이 틀려 연결 실패', 'Browser: wrong Accept value, the connection fails');
        parts.push(t('같은 계산을 해 보고 값이 맞으니, 이제 이 TCP 연결에는 HTTP가 아니라 WebSocket 프레임이 오갑니다.', 'It makes the same computation and the value matches: from now on this TCP connection carries WebSocket frames, not HTTP.'));
        keys.push('open');
        break;
      case 'client-message':
        caption = t(`브라우저 → 텍스트 프레임 "${n.text}" (마스킹)`, `Browser → text frame "${n.text}" (masked)`);
        parts.push(t('클라이언트가 보내는 모든 프레임은 4바이트 마스킹 키로 XOR합니다 (RFC 6455 §5.3). 비밀을 지키려는 것이 아니라(키가 프레임 안에 있음) 프레임을 HTTP로 오해하는 중간 장비의 캐시 오염을 막으려는 것입니다.', 'Every frame a client sends is XORed with a 4-byte masking key (RFC 6455 §5.3): not for secrecy (the key is in the frame) but to stop intermediaries that misread the bytes as HTTP from poisoning their caches.'));
        keys.push('client-message');
        break;
      case 'server-got':
        caption = t(`서버: "${n.text}" 받음`, `Server: got "${n.text}"`);
        parts.push(t('서버는 마스크를 풀어 읽습니다. 같은 연결로 양쪽이 아무 때나 보낼 수 있습니다 (전이중).', 'The server unmasks and reads it. Either side may send at any time on the one connection (full duplex).'));
        break;
      case 'push':
        if (!o.notes.some((x) => x.type === 'produced')) caption = t(`서버 → 텍스트 프레임 #${n.id}`, `Server → text frame #${n.id}`);
        parts.push(t(`메시지 ${josa(`#${n.id}`, '은')} 마스킹하지 않은 텍스트 프레임 하나입니다: 헤더 2바이트와 JSON 본문.`, `Message #${n.id} is one unmasked text frame: a 2-byte header and the JSON payload.`));
        keys.push('push');
        break;
      case 'ping':
        caption = t('서버 → Ping', 'Server → Ping');
        parts.push(t('연결이 살아 있는지 보는 제어 프레임입니다. 받은 쪽은 같은 내용의 Pong으로 답해야 합니다.', 'A control frame to check the connection is alive; the receiver must answer with a Pong carrying the same payload.'));
        keys.push('ping');
        break;
      case 'pong-received':
        caption = t('서버: Pong 받음', 'Server: got the Pong');
        parts.push(t('상대가 살아 있습니다. 정해진 시간 안에 Pong이 오지 않으면 서버는 연결이 끊겼다고 보고 닫습니다.', 'The other end is alive. Had no Pong come in time, the server would treat the connection as dead and close it.'));
        break;
      case 'pong':
        caption = t('브라우저 → Pong', 'Browser → Pong');
        parts.push(t('브라우저가 자동으로 답합니다 (페이지의 스크립트는 관여하지 않음).', 'The browser answers by itself (the page\'s script is not involved).'));
        keys.push('pong');
        break;
      case 'close':
        caption = t(`브라우저 → Close ${n.code}`, `Browser → Close ${n.code}`);
        parts.push(t('닫는 핸드셰이크: 상태 코드 1000(정상 종료)을 실은 Close 프레임을 보냅니다.', 'The closing handshake: a Close frame with status code 1000 (normal closure).'));
        keys.push('close');
        break;
      case 'close-echo':
        caption = t(`서버 → Close ${n.code}`, `Server → Close ${n.code}`);
        parts.push(t('Close를 받은 쪽은 Close로 답하고, 그 뒤 서버가 TCP 연결을 닫습니다.', 'The side that gets a Close answers with a Close; then the server closes the TCP connection.'));
        keys.push('close-echo');
        break;
      case 'closed':
        caption = t('브라우저: 닫는 핸드셰이크 완료', 'Browser: closing handshake complete');
        parts.push(t('양쪽이 Close를 주고받았으니 WebSocket이 깨끗하게 닫혔습니다 (close 이벤트, 코드 1000).', 'Both sides have sent a Close: the WebSocket closed cleanly (a close event with code 1000).'));
        keys.push('closed');
        break;
    }
  }
  return { caption, parts, keys: keys.sort((a, b) => PRIORITY.indexOf(a) - PRIORITY.indexOf(b)) };
}

/** The last beat: this run beside the other two. */
export function summaryText(tr: Transport, all: Record<Transport, Metrics>): Text {
  const p = all.polling, l = all['long-polling'], w = all.websocket;
  return t(
    `같은 메시지로 폴링은 요청 ${p.requests}개·헤더 ${p.headerBytes}바이트·평균 지연 ${p.avgDelay} ms, 롱 폴링은 ${l.requests}개·${l.headerBytes}바이트·${l.avgDelay} ms, WebSocket은 ${w.requests}개·${w.headerBytes}바이트·${w.avgDelay} ms입니다.${tr === 'polling' ? ' 폴링 간격을 줄이면 지연은 줄지만 요청이 늘어납니다.' : ''}`,
    `On the same messages, polling took ${p.requests} requests, ${p.headerBytes} header bytes, ${p.avgDelay} ms average delay; long polling ${l.requests}, ${l.headerBytes} bytes, ${l.avgDelay} ms; WebSocket ${w.requests}, ${w.headerBytes} bytes, ${w.avgDelay} ms.${tr === 'polling' ? ' A shorter interval cuts the delay but adds requests.' : ''}`,
  );
}
