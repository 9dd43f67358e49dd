import { describe, expect, test } from 'vitest';
import { topicBySlug } from '../registry';
import { defaults } from './params';
import { withoutPayloads } from './payloads';
import type { Timeline } from './timeline';

async function defaultRun(slug: string): Promise<Timeline> {
  const scenario = (await topicBySlug(slug)!.load!()).default;
  const values = defaults(scenario.params);
  return scenario.simulate(values, values.seed as number);
}

const packets = (tl: Timeline) => tl.spans.flatMap(({ entity: e }) => ((e.kind === 'message' || e.kind === 'packet') && e.packet ? [e.packet] : []));

describe('withoutPayloads: the run as a page embeds it', () => {
  for (const slug of ['what-happens-url', 'tcp-connection', 'dns-resolution']) {
    test(`${slug}: every packet keeps its headers and loses its payload; nothing else changes`, async () => {
      const tl = await defaultRun(slug);
      const before = JSON.stringify(tl);
      const slim = withoutPayloads(tl);
      // The run it was made from is untouched.
      expect(JSON.stringify(tl)).toBe(before);
      expect(slim.payloadsLeftOut).toBe(true);
      const [a, b] = [packets(tl), packets(slim)];
      expect(b.length).toBe(a.length);
      expect(a.length).toBeGreaterThan(0);
      for (const [i, p] of b.entries()) {
        const q = a[i];
        expect(p.proto).toBe(q.proto);
        if (p.proto === 'tcp' && q.proto === 'tcp') {
          expect(p.fields.payloadHex).toBeUndefined();
          expect(p.fields.seg.data).toBe('');
          expect({ ...p.fields.seg, data: q.fields.seg.data }).toEqual(q.fields.seg);
          expect(p.fields.src).toBe(q.fields.src);
        } else if (p.proto === 'udp' && q.proto === 'udp') {
          expect(p.fields.data).toBeUndefined();
          expect(p.fields.dataHex).toBeUndefined();
          expect([p.fields.src, p.fields.srcPort, p.fields.dst, p.fields.dstPort]).toEqual([q.fields.src, q.fields.srcPort, q.fields.dst, q.fields.dstPort]);
        } else expect(p).toEqual(q);
      }
      // Beats, and every span but its packet, as they were.
      expect(slim.steps).toEqual(tl.steps);
      const strip = (t: Timeline) => t.spans.map((s) => ({ ...s, entity: { ...s.entity, packet: undefined } }));
      expect(strip(slim)).toEqual(strip(tl));
      expect(JSON.stringify(slim).length).toBeLessThan(before.length);
    });
  }
});
