/** The HTTP/1.1 messages of the three transports (RFC 9112 syntax, RFC 6455 §4 for the opening handshake). */
import { encodeHttp1, decodeHttp1, type HttpDecoded } from '../../wire/http1';
import { utf8Decode, utf8Encode } from '../../wire/bytes';
import { websocketAccept } from '../../wire/websocket';

export const HOST = 'chat.example';

const text = (m: Parameters<typeof encodeHttp1>[0]) => utf8Decode(encodeHttp1(m));
export const parseHttp = (s: string): HttpDecoded => decodeHttp1(utf8Encode(s));

export const pollRequest = (after: number): string =>
  text({ kind: 'request', method: 'GET', target: `/messages?after=${after}`, headers: [['Host', HOST], ['Accept', 'application/json'], ['User-Agent', 'Mozilla/5.0']] });

export function pollResponse(body: string): string {
  const b = utf8Encode(body);
  return text({ kind: 'response', status: 200, reason: 'OK', headers: [['Content-Type', 'application/json'], ['Cache-Control', 'no-store'], ['Content-Length', String(b.length)]], body: b });
}

/** The client's opening handshake (RFC 6455 §4.1). */
export const upgradeRequest = (key: string): string =>
  text({
    kind: 'request', method: 'GET', target: '/chat',
    headers: [['Host', HOST], ['Upgrade', 'websocket'], ['Connection', 'Upgrade'], ['Sec-WebSocket-Key', key], ['Sec-WebSocket-Version', '13'], ['Origin', `http://${HOST}`], ['User-Agent', 'Mozilla/5.0']],
  });

/** The server's answer (§4.2.2): 101 and the accept value computed from the key. */
export const switchingResponse = (key: string): string =>
  text({ kind: 'response', status: 101, reason: 'Switching Protocols', headers: [['Upgrade', 'websocket'], ['Connection', 'Upgrade'], ['Sec-WebSocket-Accept', websocketAccept(key)]] });

/** Bytes of an HTTP message's start line and header fields, with the empty line: what the message costs beyond its content. */
export const headerBytes = (s: string): number => utf8Encode(s.slice(0, s.indexOf('\r\n\r\n') + 4)).length;
