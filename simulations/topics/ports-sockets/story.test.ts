import { describe, expect, it } from 'vitest';
import { simulate } from '.';
import { withScenes, type NodeEntity } from '../../core/timeline';
import { runWorld } from './world';

const sim = (p: object, seed: number) => simulate(p as never, seed);

describe('ports-sockets story', () => {
  it('says one connected socket in the singular, in both languages (clients=1)', () => {
    for (const seed of [1, 2, 3]) {
      const last = sim({ protocol: 'tcp', clients: 1 }, seed).steps.at(-1)!;
      expect(last.key).toBe('summary');
      expect(last.narration.en).toContain('holds 2 sockets: the listening socket and one connected socket');
      expect(last.narration.en).not.toMatch(/\b1 connected sockets|connected sockets share/);
      expect(last.narration.ko).toContain('연결 소켓 하나');
      expect(last.narration.ko).not.toMatch(/연결 소켓 1개|함께 쓰고/);
      const udp = sim({ protocol: 'udp', clients: 1 }, seed).steps.at(-1)!;
      expect(udp.narration.en).not.toContain('all 1 clients');
      expect(udp.narration.ko).not.toContain('클라이언트 1개');
    }
    // More clients: the plural, with the count.
    expect(sim({ protocol: 'tcp', clients: 3 }, 1).steps.at(-1)!.narration.en).toContain('The 3 connected sockets share the local address');
    expect(sim({ protocol: 'udp', clients: 3 }, 1).steps.at(-1)!.narration.en).toContain('Datagrams from all 3 clients');
  });

  it('declares each entity once: a packet is shown while on its way and goes after it arrives', () => {
    for (const protocol of ['tcp', 'udp']) {
      for (const seed of [1, 5, 9]) {
        const tl = sim({ protocol, clients: 4 }, seed);
        const w = runWorld(protocol as 'tcp' | 'udp', 4, seed);
        const ids = tl.spans.map((s) => s.id);
        expect(new Set(ids).size).toBe(ids.length);
        const packets = tl.spans.filter((s) => s.entity.kind === 'packet');
        expect(packets.map((s) => s.id).sort()).toEqual(w.packets.map((p) => p.id).sort());
        for (const s of packets) {
          const p = w.packets.find((x) => x.id === s.id)!;
          expect(tl.steps[s.from].t).toBe(p.sentAt);
          expect(s.until, s.id).toBeDefined();
          expect(tl.steps[s.until! - 1].t).toBe(p.arriveAt);
        }
      }
    }
  });

  it('keeps socket sublabels short: the peer only (the whole 4-tuple is in the table)', () => {
    const tl = withScenes(sim({ protocol: 'tcp', clients: 6 }, 4));
    const conns = Object.values(tl.steps.at(-1)!.scene.entities).filter((e): e is NodeEntity => e.kind === 'node' && e.id.startsWith('srv-'));
    expect(conns.length).toBe(6);
    for (const n of conns) expect(n.sublabel).toMatch(/^↔ 192\.0\.2\.1\d:\d{5}$/);
  });
});
