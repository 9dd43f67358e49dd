/** HTTP/1.1 messages as text on the wire (RFC 9112): start line, headers, CRLF, body. */
import { t, type Text } from '../core/text';
import { asciiEncode, concat, latin1Decode } from './bytes';
import { field, type Field, type Layer } from './fields';

export type HttpHeaders = [name: string, value: string][];

export interface HttpRequest {
  kind: 'request';
  method: string;
  target: string;
  /** Default 'HTTP/1.1'. */
  version?: string;
  headers: HttpHeaders;
  body?: Uint8Array;
}

export interface HttpResponse {
  kind: 'response';
  /** Default 'HTTP/1.1'. */
  version?: string;
  status: number;
  reason: string;
  headers: HttpHeaders;
  body?: Uint8Array;
}

export type HttpMessage = HttpRequest | HttpResponse;

/** A parsed message: version and body are always present. */
export type HttpDecoded = HttpMessage & { version: string; body: Uint8Array };

const HEADER_MEANINGS: Record<string, Text> = {
  host: t('요청을 받을 서버의 이름 (한 IP에 여러 사이트가 있을 때 필요)', 'which site on the server is meant (many sites can share one IP)'),
  'user-agent': t('요청을 보낸 프로그램', 'the program that sent the request'),
  accept: t('받고 싶은 콘텐츠 형식', 'content types the client accepts'),
  'content-type': t('본문의 형식', 'format of the body'),
  'content-length': t('본문의 바이트 수: 어디서 메시지가 끝나는지 알려 줌', 'body size in bytes: tells where the message ends'),
  connection: t('이 연결을 계속 쓸지, 닫을지, 업그레이드할지', 'keep, close or upgrade this connection'),
  upgrade: t('다른 프로토콜로 바꾸자는 제안 (예: websocket)', 'asks to switch protocols (e.g. websocket)'),
  'sec-websocket-key': t('웹소켓 핸드셰이크용 임의 값 (base64)', 'random nonce for the WebSocket handshake (base64)'),
  'sec-websocket-accept': t('키에 고정 GUID를 붙여 SHA-1한 값: 핸드셰이크를 이해했다는 증거', 'SHA-1 of key + fixed GUID: proof the server understood the handshake'),
  'sec-websocket-version': t('웹소켓 프로토콜 버전 (13)', 'WebSocket protocol version (13)'),
  'cache-control': t('캐시에 저장해도 되는지, 얼마나 오래인지', 'whether and how long it may be cached'),
  location: t('리다이렉트할 주소', 'where to redirect'),
  'set-cookie': t('브라우저에 저장할 쿠키', 'a cookie for the browser to store'),
  cookie: t('브라우저가 보내는 저장된 쿠키', 'stored cookies sent back by the browser'),
};

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Encodes exactly what is given: no header is added (not even Content-Length). */
export function encodeHttp1(m: HttpMessage): Uint8Array {
  const version = m.version ?? 'HTTP/1.1';
  const start = m.kind === 'request' ? `${m.method} ${m.target} ${version}` : `${version} ${m.status} ${m.reason}`;
  if (m.kind === 'request' && (!TOKEN.test(m.method) || /[\s]/.test(m.target) || m.target === '')) {
    throw new Error('HTTP: bad method or request target');
  }
  if (m.kind === 'response' && (!Number.isInteger(m.status) || m.status < 100 || m.status > 999 || /[\r\n]/.test(m.reason))) {
    throw new Error('HTTP: bad status line');
  }
  let head = start + '\r\n';
  for (const [name, value] of m.headers) {
    if (!TOKEN.test(name)) throw new Error(`HTTP: bad header name ${JSON.stringify(name)}`);
    if (/[\r\n\0]/.test(value) || value !== value.trim()) throw new Error(`HTTP: bad value for header ${name}`);
    head += `${name}: ${value}\r\n`;
  }
  head += '\r\n';
  return concat(asciiEncode(head), m.body ?? new Uint8Array(0));
}

interface Line { text: string; start: number; end: number /* index of CR */ }

interface Parsed {
  message: HttpDecoded;
  lines: Line[];
  headEnd: number;
  bodyEnd: number;
}

function parse(bytes: Uint8Array, offset: number, end: number): Parsed {
  const lines: Line[] = [];
  let p = offset;
  for (;;) {
    let i = p;
    while (i + 1 < end && !(bytes[i] === 13 && bytes[i + 1] === 10)) i++;
    if (i + 1 >= end) throw new Error('HTTP: the header section does not end with an empty line (CRLF CRLF)');
    if (i === p) { p = i + 2; break; }
    lines.push({ text: latin1Decode(bytes.subarray(p, i)), start: p, end: i });
    p = i + 2;
  }
  if (lines.length === 0) throw new Error('HTTP: empty message');
  const headers: HttpHeaders = [];
  for (const l of lines.slice(1)) {
    const colon = l.text.indexOf(':');
    if (colon <= 0) throw new Error(`HTTP: header line without a name: ${JSON.stringify(l.text)}`);
    const name = l.text.slice(0, colon);
    if (!TOKEN.test(name)) throw new Error(`HTTP: bad header name ${JSON.stringify(name)}`);
    headers.push([name, l.text.slice(colon + 1).trim()]);
  }
  const cl = headers.find(([n]) => n.toLowerCase() === 'content-length');
  let bodyEnd = end;
  if (cl) {
    if (!/^\d+$/.test(cl[1])) throw new Error('HTTP: bad Content-Length');
    bodyEnd = p + Number(cl[1]);
    if (bodyEnd > end) throw new Error('HTTP: body shorter than Content-Length');
  }
  const body = bytes.slice(p, bodyEnd);
  const startLine = lines[0].text;
  let message: HttpDecoded;
  const resp = /^(HTTP\/\d\.\d) (\d{3}) ?(.*)$/.exec(startLine);
  if (resp) {
    message = { kind: 'response', version: resp[1], status: Number(resp[2]), reason: resp[3], headers, body };
  } else {
    const req = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+) (\S+) (HTTP\/\d\.\d)$/.exec(startLine);
    if (!req) throw new Error(`HTTP: bad start line ${JSON.stringify(startLine)}`);
    message = { kind: 'request', method: req[1], target: req[2], version: req[3], headers, body };
  }
  return { message, lines, headEnd: p, bodyEnd };
}

/**
 * Parses one message starting at offset. The body is bounded by
 * Content-Length when present, otherwise it runs to `end`.
 */
export function decodeHttp1(bytes: Uint8Array, offset = 0, end = bytes.length): HttpDecoded {
  return parse(bytes, offset, end).message;
}

export function describeHttp1(bytes: Uint8Array, offset = 0, end = bytes.length): Layer {
  const { message: m, lines, headEnd, bodyEnd } = parse(bytes, offset, end);
  const s = lines[0];
  const isReq = m.kind === 'request';
  const parts = s.text.split(' ');
  const startChildren: Field[] = [];
  let col = s.start;
  const partInfo = isReq
    ? [['http.request.method', 'Request Method', t('서버에 원하는 동작 (GET은 가져오기)', 'what the client wants done (GET = fetch)')],
       ['http.request.uri', 'Request URI', t('요청하는 자원의 경로', 'path of the requested resource')],
       ['http.request.version', 'Request Version', t('HTTP 버전', 'HTTP version')]] as const
    : [['http.response.version', 'Response Version', t('HTTP 버전', 'HTTP version')],
       ['http.response.code', 'Status Code', t('결과를 나타내는 세 자리 숫자 (200은 성공)', 'three-digit result (200 = OK)')],
       ['http.response.phrase', 'Response Phrase', t('상태 코드를 사람이 읽게 풀어 쓴 말', 'human-readable reason for the status')]] as const;
  for (let i = 0; i < 3; i++) {
    const text = i < 2 ? parts[i] : parts.slice(2).join(' ');
    startChildren.push(field(partInfo[i][0], partInfo[i][1], text, col, text.length, { meaning: partInfo[i][2] }));
    col += text.length + 1;
  }
  const fields: Field[] = [
    field(isReq ? 'http.request.line.start' : 'http.response.line.start', isReq ? 'Request line' : 'Status line', s.text, s.start, s.end + 2 - s.start, {
      meaning: isReq ? t('무엇을 어떻게 요청하는지 적은 첫 줄', 'first line: what is requested and how') : t('요청의 결과를 알리는 첫 줄', 'first line: the outcome of the request'),
      children: startChildren,
    }),
  ];
  for (const l of lines.slice(1)) {
    const name = l.text.slice(0, l.text.indexOf(':'));
    const meaning = HEADER_MEANINGS[name.toLowerCase()];
    fields.push(field(isReq ? 'http.request.line' : 'http.response.line', name, l.text.slice(name.length + 1).trim(), l.start, l.end + 2 - l.start, meaning ? { meaning } : {}));
  }
  fields.push(field('http.crlf', 'End of headers', '\\r\\n', headEnd - 2, 2, { meaning: t('빈 줄: 헤더가 끝나고 본문이 시작됨', 'empty line: headers end, the body begins') }));
  if (bodyEnd > headEnd) {
    fields.push(field('http.file_data', 'Body', `${bodyEnd - headEnd} bytes`, headEnd, bodyEnd - headEnd, { meaning: t('메시지 본문', 'message body') }));
  }
  return {
    key: 'http',
    title: `Hypertext Transfer Protocol (${isReq ? 'request' : 'response'})`,
    offset,
    length: bodyEnd - offset,
    fields,
  };
}
