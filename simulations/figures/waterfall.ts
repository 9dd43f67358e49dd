/**
 * The waterfall panel, like a browser's network panel: one row per request, each a run of
 * segments (queued, DNS, connect, TLS, request sent, waiting for the first byte, content
 * download) on one time axis, with the page's milestones as vertical lines. Every number
 * comes from the simulation's own trace; `now` is the time of the current step, so rows
 * grow as the story goes.
 */
import type { Text } from '../core/text';

export type WaterfallSegmentKind = 'queue' | 'dns' | 'connect' | 'tls' | 'send' | 'wait' | 'download';

export interface WaterfallSegment {
  kind: WaterfallSegmentKind;
  /** ms since navigation start */
  start: number;
  end: number;
}

export interface WaterfallRow {
  id: string;
  /** What was fetched ("/", "/static/main.css", "http://www.naver.com/"). */
  label: string;
  /** Which connection carried it (1-based, as a browser's Connection ID column). */
  conn: number;
  protocol: 'http/1.1' | 'h2';
  segments: WaterfallSegment[];
}

export interface WaterfallMark {
  key: 'fcp' | 'dcl' | 'load';
  label: Text;
  t: number;
}

export interface WaterfallEntity {
  kind: 'waterfall';
  id: string;
  title: Text;
  rows: WaterfallRow[];
  marks: WaterfallMark[];
  /** Time of the current step: segments after it are not drawn yet, marks not reached are hidden. */
  now: number;
  /** Where the axis ends (the load event). */
  end: number;
}

/** Segment names, as a network panel labels them. */
export const SEGMENT_LABELS: Readonly<Record<WaterfallSegmentKind, Text>> = {
  queue: { ko: '대기(큐)', en: 'Queued' },
  dns: { ko: 'DNS 조회', en: 'DNS lookup' },
  connect: { ko: 'TCP 연결', en: 'Initial connection' },
  tls: { ko: 'TLS', en: 'SSL/TLS' },
  send: { ko: '요청 전송', en: 'Request sent' },
  wait: { ko: '대기(TTFB)', en: 'Waiting (TTFB)' },
  download: { ko: '내려받기', en: 'Content download' },
};

declare module '../core/entities' {
  interface EntityMap {
    waterfall: WaterfallEntity;
  }
}
