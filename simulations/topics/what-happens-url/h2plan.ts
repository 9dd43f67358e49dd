/**
 * HTTP/2 (RFC 9113) for the journey: the conversation comes from the http2 topic's engine
 * (`buildH2`: preface, SETTINGS, HPACK header blocks with one table per direction, DATA
 * frames interleaved by RFC 9218 urgency), here for www.naver.com's page, wrapped in a
 * TLS 1.3 handshake that offers ALPN h2 (RFC 7301). One connection carries every stream;
 * the asset requests wait until the HTML is parsed. The browser keeps the connection open
 * afterwards, so the closing GOAWAY is left out.
 */
import { runTls13 } from '../../https/tls13';
import { createRandom } from '../../core/random';
import { TLS_CONTENT_TYPE as CT } from '../../wire/tls';
import { buildH2, type AppUnit } from '../http2/h2';
import type { Resource as H2Resource } from '../http2/site';
import { HOST, resources, type Resource } from './page';
import { endpoints, journeyPki, lastUnitOf, MODEL, redirectPlan, type Plans } from './plans';
import type { ConnPlan, Part, Unit } from './units';

const URGENCY: Record<Resource['type'], [number, boolean]> = { document: [0, true], stylesheet: [0, false], script: [1, false], image: [5, true] };

function partsOf(u: AppUnit, pathOf: (stream: number) => string): Part[] {
  const out: Part[] = [];
  for (const f of u.frames) {
    if (f.streamId === 0) continue;
    const path = pathOf(f.streamId);
    if (f.type === 'HEADERS') out.push({ path, role: u.from === 'client' ? 'request' : 'response', first: true, last: u.from === 'client', stream: f.streamId });
    else if (f.type === 'DATA' && f.end) out.push({ path, role: 'response', first: false, last: true, stream: f.streamId });
  }
  return out;
}

export function h2Plans(seed: number, hsts: boolean): Plans {
  const page = resources();
  const site = page.map((r): H2Resource => ({ path: r.path, type: r.mime, size: r.body.length, accept: '*/*', urgency: URGENCY[r.type][0], incremental: URGENCY[r.type][1] }));
  const conv = buildH2({ streams: site.length, priority: true, tableSize: 4096, seed, site: { host: HOST, resources: site, body: (r) => page.find((p) => p.path === r.path)!.body } });
  const app = conv.units.filter((u) => !u.frames.some((f) => f.type === 'GOAWAY'));
  const pathOf = (stream: number) => conv.resources[conv.streamOf.indexOf(stream)].path;
  const plans: ConnPlan[] = hsts ? [] : [redirectPlan(seed)];
  const main = plans.length;
  const tls = runTls13({
    seed: createRandom(seed).fork(`tls:${main}`).u32(), serverName: HOST, alpn: ['h2', 'http/1.1'], cert: 'valid', pki: journeyPki(seed),
    request: app.find((u) => u.from === 'client')!.bytes, response: app[0].bytes,
    clientData: app.filter((u) => u.from === 'client').map((u) => u.bytes), serverData: app.filter((u) => u.from === 'server').map((u) => u.bytes),
  });
  if (tls.failure || tls.alpn !== 'h2') throw new Error('what-happens-url: the h2 handshake did not agree on h2');
  const hs = tls.records.filter((r) => r.contentType === CT.handshake || r.contentType === CT.changeCipherSpec);
  const data = { client: tls.records.filter((r) => r.from === 'client' && r.contentType === CT.applicationData), server: tls.records.filter((r) => r.from === 'server' && r.contentType === CT.applicationData) };
  const units: Unit[] = [];
  const take = { client: 0, server: 0 };
  // The server's flight, then its SETTINGS right after its Finished (0.5-RTT data, RFC 8446 §2).
  units.push(...hs.filter((r) => r.from === 'server' || r.label === 'ClientHello').map((r): Unit => ({ from: r.from, label: r.label, bytes: r.bytes, parts: [], tls: true, handshake: true })));
  let finished = false;
  for (const u of app) {
    if (u.from === 'client' && !finished) {
      units.push(...hs.filter((r) => r.from === 'client' && r.label !== 'ClientHello').map((r): Unit => ({ from: r.from, label: r.label, bytes: r.bytes, parts: [], tls: true, handshake: true })));
      finished = true;
    }
    const parts = partsOf(u, pathOf);
    const doc = parts.some((p) => p.path === '/');
    const think = u.from === 'server' && parts.some((p) => p.role === 'response' && p.first) ? (doc ? MODEL.serverHtml : MODEL.serverStatic) : 0;
    units.push({ from: u.from, label: u.frames.map((f) => f.label).join(' + '), bytes: data[u.from][take[u.from]++].bytes, parts, tls: true, ...(think ? { think } : {}) });
  }
  const plan: ConnPlan = { ...endpoints(seed, main), serverPort: 443, units, ...(hsts ? {} : { open: { conn: 0, unit: 1, delay: MODEL.redirect } }) };
  const assets = units.findIndex((u) => u.from === 'client' && u.parts.some((p) => p.role === 'request' && p.path !== '/'));
  if (assets >= 0) units[assets] = { ...units[assets], gate: { conn: main, unit: lastUnitOf(plan, '/'), delay: MODEL.parse } };
  plans.push(plan);
  return { plans, keylog: tls.keylog, alpn: ['h2', 'http/1.1'], main };
}
