/**
 * The HTTP/2 conversation of one page load (RFC 9113), as the application bytes each
 * side writes, in order: every unit becomes one TLS record. Header blocks come from one
 * HPACK encoder per direction (RFC 7541), whose dynamic table lives as long as the
 * connection; each request block is recorded with the table it leaves behind.
 *
 * 1. server (0.5-RTT, right after its Finished): SETTINGS
 * 2. client: preface, SETTINGS, WINDOW_UPDATE, SETTINGS ACK, HEADERS for the page (stream 1)
 * 3. server: SETTINGS ACK; HEADERS and DATA of the page
 * 4. client, once the HTML is in: HEADERS for every asset at once (streams 3, 5, 7…)
 * 5. server: the assets' HEADERS and DATA frames, interleaved by `schedule.ts`
 * 6. client: GOAWAY (it is done with the connection)
 */
import {
  encodeHttp2, HTTP2_PREFACE, HTTP2_SETTINGS as S, type Http2Frame,
} from '../../wire/http2';
import { HpackDecoder, HpackEncoder, entrySize, type HpackRepresentation } from '../../wire/hpack';
import { concat } from '../../wire/bytes';
import { bodyOf, requestHeaders, responseHeaders, RESOURCES, type Resource } from './site';
import { interleave } from './schedule';

/** RFC 9218 §2.1: SETTINGS_NO_RFC7540_PRIORITIES. */
export const SETTINGS_NO_RFC7540_PRIORITIES = 0x9;
/** Largest DATA payload per frame: frame + TLS record overhead stay inside one 1460-byte segment. */
export const DATA_CHUNK = 1200;
/** Chrome's connection-level WINDOW_UPDATE right after its SETTINGS (to 15 MB + 64 KB). */
export const CONNECTION_WINDOW_INCREMENT = 15_663_105;

export type Side = 'client' | 'server';

/** One frame as the diagram names it. */
export interface FrameInfo {
  type: Http2Frame['type'] | 'PREFACE';
  streamId: number;
  /** "HEADERS s3 GET /style.css", "DATA s3 1200 B". */
  label: string;
  /** Payload bytes (DATA: body bytes). */
  size: number;
  /** DATA frame that ends its stream. */
  end?: boolean;
}

/** What one side writes at once: one TLS record. */
export interface AppUnit {
  from: Side;
  frames: FrameInfo[];
  bytes: Uint8Array;
  /** Response bytes: segments carrying them are the ones the `loss` param may drop. */
  lossy: boolean;
}

export interface HpackField {
  name: string;
  value: string;
  kind: HpackRepresentation['kind'];
  index?: number;
  bytes: number;
  huffman: boolean;
}

/** A request header block and the encoder's dynamic table right after it. */
export interface HpackBlock {
  streamId: number;
  path: string;
  /** Encoded size of the block, bytes. */
  bytes: number;
  /** The same header list as HTTP/1.1 text lines ("name: value\r\n"), bytes. */
  plain: number;
  fields: HpackField[];
  sizeUpdate?: number;
  table: { name: string; value: string; size: number }[];
  tableSize: number;
  tableMax: number;
  evicted: { name: string; value: string; size: number }[];
  /** Static-table indices referenced by this block (as an index or as a name). */
  staticUsed: number[];
}

export interface H2Conversation {
  units: AppUnit[];
  blocks: HpackBlock[];
  resources: Resource[];
  /** Stream id of each resource. */
  streamOf: number[];
  /** Frames sent per stream by the server, in order (stream id → frame count). */
  order: number[];
}

export interface H2Options {
  streams: number;
  priority: boolean;
  tableSize: number;
  seed: number;
  /** Another site (e.g. the what-happens-url page): its host, resources and bodies. Default: this topic's page. */
  site?: { host: string; resources: readonly Resource[]; body(r: Resource): Uint8Array };
}

const sid = (i: number) => 2 * i + 1;

export function buildH2(o: H2Options): H2Conversation {
  const resources = (o.site?.resources ?? RESOURCES).slice(0, o.streams);
  const units: AppUnit[] = [];
  const unit = (from: Side, frames: Http2Frame[], info: FrameInfo[], lossy = false, preface = false) =>
    units.push({ from, frames: info, bytes: concat(preface ? HTTP2_PREFACE : new Uint8Array(0), encodeHttp2(frames)), lossy });

  // Each side's SETTINGS_HEADER_TABLE_SIZE bounds the table the *peer's* encoder may use (RFC 9113 §6.5.2):
  // the server's (the `table-size` param) bounds the browser's request encoder, the one the panel shows.
  const reqEnc = new HpackEncoder({ huffman: 'shorter' });
  const reqDec = new HpackDecoder(4096);
  const resEnc = new HpackEncoder({ huffman: 'shorter' });
  const settings = (side: Side): [number, number][] => {
    const s: [number, number][] = side === 'client'
      ? [[S.ENABLE_PUSH, 0], [S.INITIAL_WINDOW_SIZE, 6_291_456]]
      : [[S.HEADER_TABLE_SIZE, o.tableSize], [S.MAX_CONCURRENT_STREAMS, 100]];
    if (o.priority) s.push([SETTINGS_NO_RFC7540_PRIORITIES, 1]);
    return s;
  };
  const settingsLabel = (side: Side) => (side === 'client' ? 'SETTINGS (ENABLE_PUSH=0)' : `SETTINGS (HEADER_TABLE_SIZE=${o.tableSize})`);

  // 1. The server's SETTINGS; the client applies them before encoding its first request.
  unit('server', [{ type: 'SETTINGS', settings: settings('server') }], [{ type: 'SETTINGS', streamId: 0, label: settingsLabel('server'), size: 0 }]);
  if (o.tableSize !== 4096) {
    reqEnc.setMaxTableSize(o.tableSize);
    reqDec.maxTableSizeLimit = o.tableSize;
  }

  const blocks: HpackBlock[] = [];
  const requestFrame = (r: Resource, i: number): { frame: Http2Frame; info: FrameInfo } => {
    const headers = requestHeaders(r, o.seed, o.priority, o.site?.host);
    const before = reqEnc.table.entries.map((e) => ({ ...e }));
    const block = reqEnc.encode(headers);
    const reps = reqDec.decodeDetailed(block);
    const after = reqEnc.table.entries;
    const added = reps.filter((x) => x.kind === 'incremental').length;
    const kept = Math.max(0, after.length - Math.min(added, after.length));
    const evicted = before.slice(kept).map((e) => ({ ...e, size: entrySize(e.name, e.value) }));
    const staticUsed = [...new Set(reps.filter((x) => x.index && x.index <= 61).map((x) => x.index!))].sort((a, b) => a - b);
    const update = reps.find((x) => x.kind === 'sizeUpdate');
    blocks.push({
      streamId: sid(i), path: r.path, bytes: block.length,
      plain: headers.reduce((n, h) => n + h.name.length + 2 + h.value.length + 2, 0),
      fields: reps.filter((x) => x.kind !== 'sizeUpdate').map((x) => ({
        name: x.name!, value: x.value!, kind: x.kind, index: x.index || undefined, bytes: x.length, huffman: Boolean(x.valueHuffman || x.nameHuffman),
      })),
      ...(update ? { sizeUpdate: update.newSize } : {}),
      table: after.map((e) => ({ name: e.name, value: e.value, size: entrySize(e.name, e.value) })),
      tableSize: reqEnc.table.size, tableMax: reqEnc.table.maxSize, evicted, staticUsed,
    });
    return {
      frame: { type: 'HEADERS', streamId: sid(i), endStream: true, endHeaders: true, headerBlock: block },
      info: { type: 'HEADERS', streamId: sid(i), label: `HEADERS s${sid(i)} GET ${r.path}`, size: block.length },
    };
  };
  const responseFrames = (r: Resource, i: number): { frame: Http2Frame; info: FrameInfo }[] => {
    const block = resEnc.encode(responseHeaders(r));
    const out: { frame: Http2Frame; info: FrameInfo }[] = [{
      frame: { type: 'HEADERS', streamId: sid(i), endHeaders: true, headerBlock: block },
      info: { type: 'HEADERS', streamId: sid(i), label: `HEADERS s${sid(i)} 200`, size: block.length },
    }];
    const body = o.site ? o.site.body(r) : bodyOf(r);
    for (let off = 0; off < body.length; off += DATA_CHUNK) {
      const data = body.slice(off, off + DATA_CHUNK);
      const end = off + DATA_CHUNK >= body.length;
      out.push({
        frame: { type: 'DATA', streamId: sid(i), endStream: end, data },
        info: { type: 'DATA', streamId: sid(i), label: `DATA s${sid(i)} ${data.length} B${end ? ' END' : ''}`, size: data.length, end },
      });
    }
    return out;
  };

  // 2. The client's preface and settings, and the page's request.
  const page = requestFrame(resources[0], 0);
  unit('client', [
    { type: 'SETTINGS', settings: settings('client') },
    { type: 'WINDOW_UPDATE', streamId: 0, increment: CONNECTION_WINDOW_INCREMENT },
    { type: 'SETTINGS', ack: true, settings: [] },
    page.frame,
  ], [
    { type: 'PREFACE', streamId: 0, label: 'PRI * HTTP/2.0', size: HTTP2_PREFACE.length },
    { type: 'SETTINGS', streamId: 0, label: settingsLabel('client'), size: 0 },
    { type: 'WINDOW_UPDATE', streamId: 0, label: `WINDOW_UPDATE s0 +${CONNECTION_WINDOW_INCREMENT}`, size: 4 },
    { type: 'SETTINGS', streamId: 0, label: 'SETTINGS ACK', size: 0 },
    page.info,
  ], false, true);

  // 3. The page: SETTINGS ACK with its HEADERS, then one record per DATA frame. The client
  //    leaves its own HEADER_TABLE_SIZE at the default 4096 for the server's response encoder.
  const pageFrames = responseFrames(resources[0], 0);
  unit('server', [{ type: 'SETTINGS', ack: true, settings: [] }, pageFrames[0].frame], [{ type: 'SETTINGS', streamId: 0, label: 'SETTINGS ACK', size: 0 }, pageFrames[0].info], true);
  for (const f of pageFrames.slice(1)) unit('server', [f.frame], [f.info], true);

  // 4–5. The assets: all requests in one record, the responses interleaved.
  const order: number[] = [];
  if (resources.length > 1) {
    const reqs = resources.slice(1).map((r, k) => requestFrame(r, k + 1));
    unit('client', reqs.map((x) => x.frame), reqs.map((x) => x.info));
    // Header blocks are encoded in the order they go on the wire: the decoder's table follows that order.
    const frameCount = (r: Resource) => 1 + Math.ceil(r.size / DATA_CHUNK);
    const queues = new Map<number, { frame: Http2Frame; info: FrameInfo }[]>();
    const plan = interleave(resources.slice(1).map((r, k) => ({ streamId: sid(k + 1), urgency: r.urgency, incremental: r.incremental, frames: frameCount(r) })), o.priority);
    for (const id of plan) {
      if (!queues.has(id)) queues.set(id, responseFrames(resources[(id - 1) / 2], (id - 1) / 2));
      const f = queues.get(id)!.shift()!;
      unit('server', [f.frame], [f.info], true);
      order.push(id);
    }
  }

  // 6. The client is done: GOAWAY (last stream it processed from the server: none).
  unit('client', [{ type: 'GOAWAY', lastStreamId: 0, errorCode: 0 }], [{ type: 'GOAWAY', streamId: 0, label: 'GOAWAY NO_ERROR', size: 8 }]);
  return { units, blocks, resources, streamOf: resources.map((_, i) => sid(i)), order };
}
