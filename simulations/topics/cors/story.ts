/**
 * The cors story, read from the kernel trace: a beat per event (the call, the browser's
 * decision, each request the server handles, each check, the result), the HTTP messages as
 * arrows carrying their bytes, and two panels: the browser's checks and the server's log.
 */
import { Arrows } from '../../core/arrows';
import { StoryBuilder, type Story } from '../../core/story';
import { t, joinText, sentence, type Text } from '../../core/text';
import { round } from '../../core/round';
import type { View } from '../../core/timeline';
import type { MessageEntity, MessageTone } from '../../figures/sequence';
import type { CountersEntity } from '../../figures/panels';
import { flags, type Segment } from '../../tcp/segment';
import { dataLength, segmentLabel } from '../../tcp/segment';
import { isSafelistedMethod, needsPreflight, type CheckResult } from './fetch-rules';
import { isLoopback, type FetchCall } from './request';
import type { CorsTrace, Decision, Msg, Note, State } from './world';
import { checkText, needText, originDiff } from './text';
import { josa } from '../../names/ko';

const firstLine = (s: string) => s.slice(0, s.indexOf('\r\n'));
const mark = (r: CheckResult | null | undefined) => (r === undefined ? '…' : r === null ? '—' : r.ok ? '✓' : '✗');

export interface StoryInput {
  trace: CorsTrace;
  call: FetchCall;
  ports: { client: number; server: number };
  iss: { client: number; server: number };
  /** Messages carry TCP segments only over plain http (over https they are inside TLS records). */
  packets: boolean;
}

interface Checks {
  decision?: Decision;
  preflight?: CheckResult | null;
  response?: CheckResult | null;
  read?: boolean;
}

function checksPanel(c: FetchCall, k: Checks): CountersEntity {
  const d = k.decision;
  const rows: CountersEntity['rows'] = [];
  rows.push({ label: t(`같은 출처? (${originDiff(c.page, c.url).ko})`, `Same origin? (${originDiff(c.page, c.url).en})`), values: [d ? (d.sameOrigin ? '✓' : '✗') : '…'] });
  if (d?.mixed) rows.push({ label: t('https 페이지에서 http 요청 (혼합 콘텐츠)', 'http from an https page (mixed content)'), values: ['✗'] });
  const cross = d ? !d.sameOrigin && !d.mixed : true;
  rows.push({ label: t(`메서드 ${josa(c.method, '이')} 안전 목록`, `Method ${c.method} safelisted`), values: [!d ? '…' : !cross ? '—' : isSafelistedMethod(c.method) ? '✓' : '✗'] });
  const unsafe = d?.need.headers ?? [];
  rows.push({
    label: unsafe.length ? t(`헤더가 안전 목록 (${unsafe.join(', ')} 아님)`, `Headers safelisted (not ${unsafe.join(', ')})`) : t('헤더가 모두 안전 목록', 'Headers all safelisted'),
    values: [!d ? '…' : !cross ? '—' : unsafe.length ? '✗' : '✓'],
  });
  const preflightNeeded = d ? cross && needsPreflight(d.need) : true;
  rows.push({ label: t('사전 요청(OPTIONS)이 허용', 'Preflight (OPTIONS) allows it'), values: [!d ? '…' : !preflightNeeded ? '—' : mark(k.preflight)] });
  const actualSent = d && !d.mixed && (!preflightNeeded || k.preflight?.ok);
  rows.push({ label: t('응답의 CORS 검사', "The response's CORS check"), values: [!d ? '…' : !cross ? '—' : !actualSent && k.preflight !== undefined ? '—' : mark(k.response)] });
  rows.push({ label: t('페이지가 응답을 읽음', 'The page reads the response'), values: [k.read === undefined ? '…' : k.read ? '✓' : '✗'] });
  return { kind: 'counters', id: 'checks', title: t('브라우저의 판단', "The browser's checks"), columns: [t('결과', 'result')], rows };
}

function serverPanel(s: State): CountersEntity {
  const data = s.kind === 'server' ? s.data : { boards: 0, log: [] };
  return {
    kind: 'counters', id: 'server-log', title: t('서버가 처리한 요청', 'Requests the server handled'),
    columns: [t('상태', 'status'), t('데이터 변경', 'data changed')],
    rows: [
      { label: t('저장된 게시판', 'Boards stored'), values: [String(data.boards), ''] },
      ...data.log.map((h) => ({ label: t(`${h.method} ${h.target}`, `${h.method} ${h.target}`), values: [String(h.status), h.changed ? '✓' : '—'] })),
    ],
  };
}

function chipOf(m: Msg): { label: string; short: string; chip: string; tone: MessageTone } {
  if (m.kind === 'call') return { label: 'fetch()', short: 'fetch()', chip: 'fetch', tone: 'data' };
  if (m.kind === 'result') return m.ok ? { label: `Response ${m.status}`, short: `${m.status}`, chip: `${m.status}`, tone: 'answer' } : { label: 'TypeError', short: 'TypeError', chip: '✗', tone: 'reset' };
  const line = firstLine(m.text);
  const w = line.split(' ');
  if (m.dir === 'request') return { label: line, short: `${w[0]} ${w[1]}`, chip: w[0], tone: m.role === 'preflight' ? 'control' : 'query' };
  return { label: line, short: w.slice(1).join(' '), chip: w[1], tone: m.role === 'preflight' ? 'control' : 'answer' };
}

export function corsStory(o: StoryInput): { story: Story; view: View } {
  const { trace, call: c } = o;
  const b = new StoryBuilder();
  const keys = new Set<string>();
  const key = (k: string) => (keys.has(k) ? undefined : (keys.add(k), k));
  const checks: Checks = {};
  const ips = isLoopback(c.url.hostname) ? { client: '127.0.0.1', server: '127.0.0.1' } : { client: '192.0.2.10', server: '198.51.100.80' };
  // One connection: each side's next sequence number after what it has sent.
  const next = { client: (o.iss.client + 1) >>> 0, server: (o.iss.server + 1) >>> 0 };
  const segs = new Map<string, Segment>();
  for (const w of trace.wires) {
    if (w.msg.kind !== 'http') continue;
    const req = w.msg.dir === 'request';
    const seg: Segment = { srcPort: req ? o.ports.client : o.ports.server, dstPort: req ? o.ports.server : o.ports.client, seq: req ? next.client : next.server, ack: req ? next.server : next.client, flags: flags(['psh', 'ack']), window: 502, data: w.msg.text };
    const len = dataLength(w.msg.text);
    if (req) next.client = (next.client + len) >>> 0;
    else next.server = (next.server + len) >>> 0;
    segs.set(w.id, seg);
  }
  const arrows = new Arrows(trace);

  trace.entries.forEach((e, i) => {
    let caption: Text = t(`${e.t} ms`, `${e.t} ms`);
    const parts: Text[] = [];
    let k: string | undefined;
    if (i === 0 && e.notes.length === 0) {
      caption = t(`시작: ${c.page.origin}의 페이지, ${c.url.origin}의 API`, `Start: a page at ${c.page.origin}, an API at ${c.url.origin}`);
      parts.push(t(`브라우저가 ${c.page.origin}에서 받은 페이지를 보여 주고 있습니다. 그 스크립트가 ${c.url.origin}${c.url.target}에 요청하려 합니다. 표 "브라우저의 판단"은 브라우저가 내릴 판단을, "서버가 처리한 요청"은 서버가 실제로 받아 처리한 요청을 보여 줍니다.`, `The browser shows a page it loaded from ${c.page.origin}. Its script is about to request ${c.url.origin}${c.url.target}. The table "The browser's checks" lists what the browser will decide; "Requests the server handled", what actually reaches the server.`));
      k = key('start');
    }
    for (const { note } of e.notes as { note: Note }[]) {
      if (note.type === 'call') {
        const hs = c.headers.map(([n, v]) => `${n}: ${v}`).join(', ');
        caption = t(`페이지: fetch() ${c.method} ${c.url.origin}${c.url.target}`, `Page: fetch() ${c.method} ${c.url.origin}${c.url.target}`);
        parts.push(t(`${c.page.origin}에서 온 페이지의 스크립트가 fetch()를 부릅니다: 메서드 ${c.method}, 헤더 ${hs || '없음'}, credentials: '${c.credentials}'.`, `A script of the page from ${c.page.origin} calls fetch(): method ${c.method}, headers ${hs || 'none'}, credentials: '${c.credentials}'.`));
        if (c.dropped.length) parts.push(t(`${josa(c.dropped.join(', '), '은')} 페이지가 설정할 수 없는 헤더라 브라우저가 뺍니다.`, `${c.dropped.join(', ')}: a page may not set ${c.dropped.length > 1 ? 'these headers' : 'this header'}; the browser leaves ${c.dropped.length > 1 ? 'them' : 'it'} out.`));
        k = key('fetch');
      } else if (note.type === 'decide') {
        const d = note.decision;
        checks.decision = d;
        if (d.mixed) {
          caption = t('브라우저: 혼합 콘텐츠 차단', 'Browser: mixed content blocked');
          parts.push(t('https 페이지는 평문 http로 요청할 수 없습니다 (localhost 같은 루프백은 예외). 요청은 나가지도 않습니다.', 'An https page may not fetch over plain http (loopback such as localhost aside). Nothing is sent.'));
          k = key('mixed-content');
        } else if (d.sameOrigin) {
          caption = t('브라우저: 같은 출처, CORS 없음', 'Browser: same origin, no CORS');
          parts.push(t(`두 URL의 출처(스킴, 호스트, 포트)가 같습니다: ${c.page.origin}. 동일 출처 정책이 허락하므로 CORS는 끼어들지 않습니다.`, `Both URLs have the same origin (scheme, host, port): ${c.page.origin}. The same-origin policy allows this; CORS does not take part.`));
          k = key('same-origin');
        } else {
          const pre = needsPreflight(d.need);
          caption = pre ? t('브라우저: 다른 출처 → 사전 요청 OPTIONS', 'Browser: cross-origin → preflight OPTIONS') : t(`브라우저: 다른 출처, 단순 요청 ${c.method}`, `Browser: cross-origin, simple ${c.method}`);
          parts.push(t(`출처가 다릅니다 (${originDiff(c.page, c.url).ko}).`, `The origins differ (${originDiff(c.page, c.url).en}).`));
          parts.push(needText(c.method, c.headers, d.need));
          parts.push(pre ? t('사전 요청에는 쿠키 같은 자격 증명을 싣지 않습니다.', 'A preflight carries no credentials such as cookies.') : t('요청에 Origin 헤더를 붙입니다. 서버는 이 요청을 받아 처리합니다: CORS는 보내는 것을 막지 않고, 페이지가 응답을 읽는 것만 막습니다.', 'The request gets an Origin header. The server will receive and process it: CORS does not stop the sending, only the page reading the response.'));
          k = key(pre ? 'preflight' : 'simple');
        }
      } else if (note.type === 'served') {
        const h = note.handled;
        caption = t(`서버: ${h.method} ${h.target} → ${h.status}`, `Server: ${h.method} ${h.target} → ${h.status}`);
        if (h.preflight) {
          parts.push(t('서버가 사전 요청에 자신의 CORS 정책으로 답합니다: 허용하는 출처, 메서드, 헤더, 그리고 이 답을 600초 동안 캐시해도 된다는 Access-Control-Max-Age.', 'The server answers the preflight with its CORS policy: the origin, methods and headers it allows, and Access-Control-Max-Age, how long the browser may cache this answer (600 s).'));
          k = key('preflight-response');
        } else {
          if (checks.decision?.sameOrigin) parts.push(h.changed ? t('서버가 요청을 처리했고 데이터가 바뀌었습니다.', 'The server has processed the request and its data changed.') : t('서버가 요청을 처리했습니다 (데이터는 그대로).', 'The server has processed the request (no data changed).'));
          else parts.push(h.changed ? t('서버가 요청을 처리했고 데이터가 바뀌었습니다. 응답을 페이지가 읽을 수 있을지는 이제 브라우저가 정합니다.', 'The server has processed the request and its data changed. Whether the page may read the response is now up to the browser.') : t('서버가 요청을 처리했습니다 (데이터는 그대로). 응답을 페이지가 읽을 수 있을지는 브라우저가 정합니다.', 'The server has processed the request (no data changed). Whether the page may read the response is up to the browser.'));
          k = key('served');
        }
      } else if (note.type === 'preflight-check') {
        checks.preflight = note.result;
        caption = note.result.ok ? t(`브라우저: 사전 요청 통과 → ${c.method}`, `Browser: preflight passed → ${c.method}`) : t('브라우저: 사전 요청 거부, 실제 요청은 보내지 않음', 'Browser: preflight refused, no actual request');
        parts.push(checkText(note.result, c.page.origin));
        if (note.result.ok) parts.push(t(`메서드와 헤더도 허용되었으므로 실제 요청을 보냅니다${c.credentials === 'include' ? ' (이번에는 쿠키를 실어서)' : ''}.`, `The method and headers are allowed too, so the actual request goes out${c.credentials === 'include' ? ' (with cookies this time)' : ''}.`));
        else parts.push(t('실제 요청은 서버에 가지 않습니다. 서버의 데이터는 그대로입니다.', 'The actual request never reaches the server; its data is unchanged.'));
        k = key(note.result.ok ? 'preflight-ok' : 'preflight-fail');
      } else if (note.type === 'cors-check') {
        checks.response = note.result;
        if (note.result === null) {
          caption = t(`브라우저: 같은 출처의 응답 ${note.status}`, `Browser: same-origin response ${note.status}`);
          parts.push(t('같은 출처의 응답은 검사 없이 페이지에 넘어갑니다.', 'A same-origin response goes to the page unchecked.'));
          k = key('response');
        } else {
          caption = note.result.ok ? t(`브라우저: CORS 검사 통과 (${note.status})`, `Browser: CORS check passed (${note.status})`) : t(`브라우저: CORS 검사 실패 (${note.status} 응답을 숨김)`, `Browser: CORS check failed (hides the ${note.status} response)`);
          parts.push(checkText(note.result, c.page.origin));
          if (!note.result.ok) parts.push(t('응답은 도착했지만 페이지는 상태 코드조차 읽지 못합니다.', 'The response has arrived, but the page may not read even its status.'));
          k = key(note.result.ok ? 'cors-ok' : 'cors-fail');
        }
      } else if (note.type === 'result') {
        const m = note.msg;
        checks.read = m.ok;
        caption = m.ok ? t(`페이지: Response ${m.status} ${m.reason}`, `Page: Response ${m.status} ${m.reason}`) : t('페이지: TypeError: Failed to fetch', 'Page: TypeError: Failed to fetch');
        parts.push(
          m.ok
            ? c.page.origin === c.url.origin
              ? t('fetch()가 응답으로 이행됩니다. 같은 출처라 모든 헤더를 읽을 수 있습니다.', 'fetch() resolves with the response; same origin, so every header is readable.')
              : t('fetch()가 응답으로 이행됩니다. 페이지는 상태와 본문, 그리고 안전 목록 응답 헤더(Content-Type 등)와 Access-Control-Expose-Headers에 적힌 헤더만 읽을 수 있습니다.', 'fetch() resolves with the response. The page may read the status, the body, the CORS-safelisted response headers (Content-Type and a few more) and those named in Access-Control-Expose-Headers.')
            : m.why === 'cors' && trace.entries.some((x) => x.notes.some((n) => n.note.type === 'served' && !n.note.handled.preflight && n.note.handled.changed))
              ? t('fetch()가 TypeError로 거부됩니다. 그래도 서버는 이미 요청을 처리했습니다: CORS는 서버를 지키지 않습니다.', 'fetch() rejects with a TypeError. Yet the server has already processed the request: CORS does not protect the server.')
              : t('fetch()가 TypeError로 거부됩니다. 왜 막혔는지는 페이지에 알려 주지 않고 개발자 도구 콘솔에만 보입니다.', 'fetch() rejects with a TypeError. The page is not told why; only the developer console says.'),
        );
        k = key('result');
      }
    }
    b.beat({ t: e.t, ...(k ? { key: k } : {}), caption, narration: joinText([sentence(caption), ...parts]) });
    if (i === 0) {
      b.show({ kind: 'actor', id: 'page', label: t('페이지 스크립트', "Page's script"), sublabel: c.page.origin, x: 12, role: 'client' });
      b.show({ kind: 'actor', id: 'browser', label: t('브라우저', 'Browser'), sublabel: 'fetch + CORS', x: 42, role: 'proxy' });
      b.show({ kind: 'actor', id: 'server', label: t('API 서버', 'API server'), sublabel: c.url.origin, x: 86, role: 'server' });
    }
    for (const { id, y0, y1, arrived } of arrows.at(i)) {
      const w = trace.wire(id);
      const seg = segs.get(id);
      const toServer = w.to === 'server';
      const chip = chipOf(w.msg);
      const m: MessageEntity = {
        kind: 'message', id, from: w.from, to: w.to, y0, y1,
        progress: arrived ? 1 : round((i - y0) / Math.max(1, y1 - y0)),
        status: arrived ? 'delivered' : 'flight', ...chip,
        // A label with bytes behind it names the segment first, as every packet's label does.
        ...(seg && o.packets ? { label: `${segmentLabel(seg)} ${chip.label}` } : {}),
        fresh: y0 === i,
        ...(seg && o.packets ? { packet: { proto: 'tcp' as const, fields: { src: toServer ? ips.client : ips.server, dst: toServer ? ips.server : ips.client, seg, t: w.sentAt, app: 'http' as const } } } : {}),
      };
      b.show(m);
    }
    b.show(checksPanel(c, checks));
    b.show(serverPanel(e.states.server as State));
  });
  return { story: b.build(), view: { rows: trace.entries.length, ticks: trace.entries.map((e, y) => ({ y, t: e.t })) } };
}
