import { describe, expect, it } from 'vitest';
import { capture } from '../../capture';
import { withScenes } from '../../core/timeline';
import { bytesEqual } from '../../wire/bytes';
import type { LayersEntity } from '../../figures/layers';
import { OSI_LAYERS, TCPIP_LAYERS } from '../osi-model/stack';
import { params, simulate } from './index';

const HIGHLIGHTS = ['application', 'transport', 'internet', 'link'];

describe('tcp-ip-model', () => {
  it('maps every OSI layer to exactly one TCP/IP layer (RFC 1122: application 5–7, transport 4, internet 3, link 1–2)', () => {
    const all = TCPIP_LAYERS.flatMap((l) => l.osi).sort();
    expect(all).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(Object.fromEntries(TCPIP_LAYERS.map((l) => [l.id, l.osi]))).toEqual({ application: [5, 6, 7], transport: [4], internet: [3], link: [1, 2] });
    expect(OSI_LAYERS.map((l) => l.osi[0])).toEqual([7, 6, 5, 4, 3, 2, 1]);
    // In the picture: one fold link per OSI layer, ending at the TCP/IP layer that covers it.
    const end = withScenes(simulate({}, 1)).steps.at(-1)!.scene.entities;
    const links = Object.values(end).filter((e) => e.kind === 'link') as { a: string; b: string }[];
    expect(links.map((l) => l.a).sort()).toEqual(['osi-1', 'osi-2', 'osi-3', 'osi-4', 'osi-5', 'osi-6', 'osi-7']);
    for (const l of links) expect(TCPIP_LAYERS.find((t) => t.key === l.b)!.osi).toContain(Number(l.a.slice(4)));
  });

  it('nests the request: each layer\'s PDU is its header plus the PDU above, and the boxes add up to the frame', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const tl = withScenes(simulate({}, seed));
      const sizes = ['nest-application', 'nest-transport', 'nest-internet', 'nest-link'].map((k) => {
        const s = tl.steps.find((x) => x.key === k)!.scene.entities['stack-tcpip'] as unknown as LayersEntity;
        return s.headers;
      });
      const totals = sizes.map((h) => h.reduce((n, b) => n + b.bytes, 0));
      expect(sizes[1].slice(1)).toEqual(sizes[0]);
      expect(sizes[2].slice(1)).toEqual(sizes[1]);
      expect(sizes[3].slice(1)).toEqual(sizes[2]);
      expect(sizes.slice(1).map((h) => [h[0].label, h[0].bytes])).toEqual([['TCP', 20], ['IPv4', 20], ['Ethernet', 14]]);
      expect(totals[3] - totals[0]).toBe(54);
      const frame = capture(tl as never)[0];
      expect(frame.dissection.bytes.length).toBe(totals[3]);
      expect(frame.dissection.layers.map((l) => l.key)).toEqual(['eth', 'ip', 'tcp', 'http']);
    }
  });

  it('walks the fold then the nesting, and the highlight decides the focus', () => {
    for (const h of HIGHLIGHTS) {
      const tl = simulate({ highlight: h }, 1);
      expect(tl.steps.map((s) => s.key)).toEqual(['osi', 'fold-application', 'fold-transport', 'fold-internet', 'fold-link', 'nest-application', 'nest-transport', 'nest-internet', 'nest-link', 'focus']);
      const last = withScenes(tl).steps.at(-1)!.scene.entities;
      expect((last['stack-tcpip'] as unknown as LayersEntity).active).toEqual([`tcpip-${h}`]);
      expect((last[`tcpip-${h}`] as unknown as { highlight: boolean }).highlight).toBe(true);
      for (const s of tl.steps) for (const l of ['ko', 'en'] as const) expect(s.narration[l].length).toBeGreaterThan(20);
    }
    expect(simulate({ highlight: 'session' }, 1).params.highlight).toBe(params[0].default);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(simulate({ highlight: 'link' }, 9))).toBe(JSON.stringify(simulate({ highlight: 'link' }, 9)));
    const a = capture(simulate({}, 1))[0].dissection.bytes;
    const b = capture(simulate({}, 2))[0].dissection.bytes;
    expect(bytesEqual(a, b)).toBe(false);
  });
});
