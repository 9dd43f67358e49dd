/** The words: what a method promises, and what each event of a run means. */
import type { Text } from '../../core/text';
import type { Method, PatchKind } from './resource';

const tx = (ko: string, en: string): Text => ({ ko, en });

export function promise(method: Method, patch: PatchKind, key: boolean): Text {
  switch (method) {
    case 'GET':
    case 'HEAD':
    case 'OPTIONS':
      return tx(`${method}는 안전(safe)한 메서드입니다: 서버 상태를 바꾸지 않으니 몇 번을 다시 보내도 됩니다. 안전하면 멱등이기도 합니다.`, `${method} is safe: it does not change the server's state, so it can be resent any number of times. Safe implies idempotent.`);
    case 'PUT':
      return tx('PUT은 "이 URL의 상태를 이 내용으로 만들라"는 요청입니다: 안전하지 않지만 멱등입니다. 두 번째부터는 이미 그 상태입니다.', 'PUT means "make the resource at this URL this": not safe, but idempotent. From the second time on, it already is.');
    case 'DELETE':
      return tx('DELETE는 안전하지 않지만 멱등입니다: 지운 것을 또 지워도 상태는 같습니다. 응답은 달라도 됩니다 (두 번째는 404).', 'DELETE is not safe but idempotent: deleting what is gone leaves the state as it was. The responses may differ (404 the second time).');
    case 'POST':
      return key
        ? tx('POST는 멱등이 아니지만, Idempotency-Key를 붙이면 서버가 같은 키의 재시도에 처음 응답을 다시 돌려줍니다: 주문은 하나만 생깁니다.', 'POST is not idempotent, but with an Idempotency-Key the server answers a retry with the same key by replaying the first response: only one order is created.')
        : tx('POST는 멱등이 아닙니다: 같은 요청이 도착할 때마다 새 주문이 생깁니다.', 'POST is not idempotent: every copy that arrives creates another order.');
    case 'PATCH':
      if (key) return tx('PATCH는 멱등이 보장되지 않지만, Idempotency-Key를 붙이면 재시도는 처음 응답의 재생으로 끝납니다.', 'PATCH is not guaranteed idempotent, but with an Idempotency-Key a retry just replays the first response.');
      return patch === 'set'
        ? tx('이 PATCH는 JSON Merge Patch(RFC 7396)로 값을 "설정"하므로 결과적으로 멱등입니다. 하지만 PATCH 자체가 멱등을 보장하지는 않습니다.', 'This PATCH sets a value with a JSON Merge Patch (RFC 7396), so it happens to be idempotent. PATCH as such promises nothing.')
        : tx('이 PATCH는 "잔액에 10을 더하라"는 증분이라 멱등이 아닙니다: 도착할 때마다 잔액이 늘어납니다.', 'This PATCH says "add 10 to the balance": not idempotent, every copy that arrives adds again.');
  }
}

export const sent = (attempt: number, line: string, timeout: number): Text =>
  attempt === 1
    ? tx(`클라이언트가 요청을 보내고 ${timeout} ms 타임아웃을 겁니다: ${line}.`, `The client sends ${line} and starts a ${timeout} ms timeout.`)
    : tx(`${attempt}번째 시도: 새 연결로 바이트 하나 다르지 않은 같은 요청을 다시 보냅니다.`, `Try ${attempt}: the very same request, byte for byte, over a new connection.`);

export function applied(status: string, replayed: boolean, changed: boolean, n: number): Text {
  if (replayed) return tx(`서버는 이 Idempotency-Key를 이미 압니다: 아무것도 실행하지 않고 저장해 둔 첫 응답(${status})을 그대로 돌려줍니다.`, `The server knows this Idempotency-Key already: it runs nothing and sends back the stored first response (${status}).`);
  const what = changed ? tx('자원 상태가 바뀌었습니다.', 'the resource state changed.') : tx('자원 상태는 그대로입니다.', 'the resource state is unchanged.');
  return tx(`서버가 ${n}번째로 이 요청을 처리합니다: ${status}, ${what.ko}`, `The server handles this request for the ${ordinal(n)} time: ${status}; ${what.en}`);
}

const ordinal = (n: number) => (n === 1 ? 'first' : n === 2 ? 'second' : n === 3 ? 'third' : `${n}th`);

export const lost = (dir: 'request' | 'response', attempt: number): Text =>
  dir === 'response'
    ? tx(`${attempt}번째 시도의 응답이 돌아오는 길에 사라집니다. 서버는 이미 처리했지만 클라이언트는 그 사실을 알 길이 없습니다.`, `Try ${attempt}'s response is lost on the way back. The server has done the work; the client cannot know.`)
    : tx(`${attempt}번째 시도의 요청이 가는 길에 사라집니다. 서버는 아무것도 하지 않았습니다.`, `Try ${attempt}'s request is lost on the way. The server did nothing.`);

export const timedOut = (attempt: number, retry: boolean): Text =>
  retry
    ? tx(`시간 초과: ${attempt}번째 시도에 응답이 없습니다. 처리가 됐는지 안 됐는지 모르니 다시 보냅니다.`, `Timeout: no response to try ${attempt}. Done or not done? The client cannot tell, so it sends again.`)
    : tx(`시간 초과: 재시도 횟수를 다 써서 포기합니다. 서버가 처리했는지는 끝내 모릅니다.`, `Timeout: out of retries, the client gives up, never knowing whether the server did the work.`);

export function verdict(same: boolean, applications: number): Text {
  if (applications <= 1) return tx('서버가 요청을 한 번만 처리했으니 상태는 당연히 한 번 보낸 것과 같습니다.', 'The server handled the request once, so the state is that of one request.');
  return same
    ? tx(`요청이 ${applications}번 처리됐지만 서버 상태는 한 번 처리했을 때와 같습니다: 멱등입니다.`, `The request was handled ${applications} times, yet the server state equals that after one: idempotent.`)
    : tx(`요청이 ${applications}번 처리되어 서버 상태가 한 번 처리했을 때와 다릅니다: 멱등이 아닙니다.`, `The request was handled ${applications} times and the server state differs from that after one: not idempotent.`);
}
