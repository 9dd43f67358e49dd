import type { PacketRef } from './packets';
import type { Timeline } from './timeline';

/** A packet without its payload: the headers the diagram reads, none of the bytes after them. */
export function packetWithoutPayload(p: PacketRef): PacketRef {
  if (p.proto === 'tcp') {
    const { payloadHex: _hex, ...fields } = p.fields;
    return { proto: 'tcp', fields: { ...fields, seg: { ...fields.seg, data: '' } } };
  }
  if (p.proto === 'udp') {
    const { data: _data, dataHex: _hex, ...fields } = p.fields;
    return { proto: 'udp', fields };
  }
  return p;
}

/**
 * The run as a page embeds it in its HTML: every packet without its payload (TLS records, HTTP
 * bodies and DNS messages are most of a long run's size). Drawing needs none of it; the page
 * runs the scenario again, off the main thread, when the inspector or a download needs bytes.
 */
export function withoutPayloads(tl: Timeline): Timeline {
  return {
    ...tl,
    payloadsLeftOut: true,
    spans: tl.spans.map((s) => {
      const e = s.entity;
      if ((e.kind === 'message' || e.kind === 'packet') && e.packet) return { ...s, entity: { ...e, packet: packetWithoutPayload(e.packet) } };
      return s;
    }),
  };
}
