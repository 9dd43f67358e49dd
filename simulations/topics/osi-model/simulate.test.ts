import { describe, expect, it } from 'vitest';
import { capture } from '../../capture';
import { defaults } from '../../core/params';
import { createRandom } from '../../core/random';
import { withScenes } from '../../core/timeline';
import { bytesEqual, internetChecksum } from '../../wire/bytes';
import { decodeEthernet, ETHERNET_HEADER_LENGTH, ETHERTYPE_ARP } from '../../wire/ethernet';
import { decodeIpv4 } from '../../wire/ipv4';
import type { SwitchState } from './actors';
import { headerBoxes, NET } from './encap';
import { DEFAULT_PAYLOAD, params, simulate } from './index';
import { runWorld } from './world';

const isArp = (f: Uint8Array) => decodeEthernet(f).etherType === ETHERTYPE_ARP;
const dataWire = (w: ReturnType<typeof runWorld>, from: string, to: string) => w.trace.wires.find((x) => x.from === from && x.to === to && !isArp(x.msg.frame))!;

/** Payloads of every kind: ASCII, Korean (3 bytes a character in UTF-8), empty, the longest allowed, odd and even lengths. */
function payloads(): string[] {
  const r = createRandom(7);
  const out = ['', 'a', 'ab', DEFAULT_PAYLOAD, '안녕하세요, OSI', 'x'.repeat(100), '{"json": true}'];
  for (let i = 0; i < 20; i++) out.push(Array.from({ length: r.int(1, 100) }, () => String.fromCharCode(r.int(0x20, 0x7e))).join(''));
  return out;
}

describe('osi-model: the router', () => {
  it('changes exactly the TTL (−1), the header checksum (recomputed, valid) and the Ethernet addresses', () => {
    let n = 0;
    for (const payload of payloads()) {
      for (const arp of ['cold', 'warm'] as const) {
        for (let seed = 1; seed <= 6; seed++) {
          const w = runWorld(payload, arp, seed);
          const inp = dataWire(w, 'SW', 'R').msg.frame;
          const out = dataWire(w, 'R', 'B').msg.frame;
          expect(out.length).toBe(inp.length);
          const changed: number[] = [];
          for (let i = 0; i < inp.length; i++) if (inp[i] !== out[i]) changed.push(i);
          const E = ETHERNET_HEADER_LENGTH;
          const allowed = new Set([...Array(12).keys(), E + 8, E + 10, E + 11]);
          expect(changed.filter((i) => !allowed.has(i))).toEqual([]);
          expect(changed).toContain(E + 8);
          const a = decodeIpv4(inp, E);
          const b = decodeIpv4(out, E);
          expect(b.ttl).toBe(a.ttl - 1);
          expect(a.checksumValid && b.checksumValid).toBe(true);
          expect(internetChecksum(out.subarray(E, E + 20))).toBe(0);
          expect(b.checksum).not.toBe(a.checksum);
          expect([b.src, b.dst]).toEqual([NET.a.ip, NET.b.ip]);
          expect(decodeEthernet(inp)).toMatchObject({ src: NET.a.mac, dst: NET.r0.mac });
          expect(decodeEthernet(out)).toMatchObject({ src: NET.r1.mac, dst: NET.b.mac });
          // The switch passes the frame through unchanged.
          expect(bytesEqual(dataWire(w, 'A', 'SW').msg.frame, inp)).toBe(true);
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(300);
  });

  it('A sends exactly the frame the encoders build, and B hands the typed text to its app', () => {
    for (const payload of payloads()) {
      const w = runWorld(payload, 'cold', 3);
      expect(bytesEqual(dataWire(w, 'A', 'SW').msg.frame, w.encap.frame)).toBe(true);
      const delivered = w.trace.entries.flatMap((e) => e.notes).map((x) => x.note).find((x) => x.k === 'delivered');
      expect(delivered).toMatchObject({ k: 'delivered', body: payload, method: 'POST' });
    }
  });
});

describe('osi-model: the switch learns source MACs and forwards by destination', () => {
  const tables = (arp: 'cold' | 'warm') => {
    const w = runWorld(DEFAULT_PAYLOAD, arp, 1);
    return w.trace.entries
      .filter((e) => e.cause.kind === 'msg' && e.cause.actor === 'SW')
      .map((e) => ({ table: (e.states.SW as SwitchState).table, sent: e.sent.map((id) => w.trace.wire(id).to) }));
  };
  it('cold: broadcast ARP learned and flooded; the reply and the data frame forwarded to one port', () => {
    expect(tables('cold')).toEqual([
      { table: [{ mac: NET.a.mac, port: 1 }], sent: ['R', 'C'] },
      { table: [{ mac: NET.a.mac, port: 1 }, { mac: NET.r0.mac, port: 2 }], sent: ['A'] },
      { table: [{ mac: NET.a.mac, port: 1 }, { mac: NET.r0.mac, port: 2 }], sent: ['R'] },
    ]);
  });
  it('warm: the router\'s MAC is unknown to the switch, so the data frame is flooded and C drops its copy', () => {
    expect(tables('warm')).toEqual([{ table: [{ mac: NET.a.mac, port: 1 }], sent: ['R', 'C'] }]);
    const w = runWorld(DEFAULT_PAYLOAD, 'warm', 1);
    const drop = w.trace.entries.find((e) => e.cause.kind === 'msg' && e.cause.actor === 'C')!;
    expect(drop.notes.map((x) => x.note)).toEqual([{ k: 'drop', who: 'C', why: 'mac' }]);
  });
});

describe('osi-model: ARP', () => {
  it('cold sends the two ARP exchanges (A for its gateway, the router for B); warm sends none', () => {
    const cold = runWorld(DEFAULT_PAYLOAD, 'cold', 1).trace.wires.filter((x) => isArp(x.msg.frame)).map((x) => `${x.from}>${x.to}`);
    expect(cold).toEqual(['A>SW', 'SW>R', 'SW>C', 'R>SW', 'SW>A', 'R>B', 'B>R']);
    expect(runWorld(DEFAULT_PAYLOAD, 'warm', 1).trace.wires.filter((x) => isArp(x.msg.frame))).toEqual([]);
    const keys = (arp: string) => simulate({ arp }, 1).steps.map((s) => s.key);
    expect(keys('cold')).toEqual(expect.arrayContaining(['arp-request', 'switch-learn', 'arp-reply', 'arp-learn', 'router-arp-request', 'arp-reply-b']));
    expect(keys('warm').filter((k) => k!.includes('arp'))).toEqual([]);
  });
});

describe('osi-model: the timeline', () => {
  it('walks the layers in order, with unique keys and text in both languages', () => {
    const tl = simulate({}, 1);
    expect(tl.steps.map((s) => s.key)).toEqual([
      'app', 'transport', 'network', 'arp-request', 'switch-learn', 'arp-reply', 'flood-drop', 'switch-arp-reply', 'arp-learn', 'link', 'physical',
      'switch-forward', 'router-lookup', 'router-arp-request', 'arp-reply-b', 'router-rewrite', 'up-link', 'up-network', 'up-transport', 'delivered',
    ]);
    for (const s of tl.steps) for (const l of ['ko', 'en'] as const) expect(s.caption[l].length * s.narration[l].length).toBeGreaterThan(0);
    const warm = simulate({ arp: 'warm', device: 'router' }, 1);
    expect(warm.steps.map((s) => s.key)).toEqual(['app', 'transport', 'network', 'link', 'physical', 'switch-flood', 'router-lookup', 'router-rewrite', 'flood-drop', 'up-link', 'up-network', 'up-transport', 'delivered']);
  });

  it('every packet ref encodes back to the very bytes the machines sent', () => {
    for (const arp of ['cold', 'warm']) {
      for (const seed of [1, 2, 99]) {
        const tl = simulate({ arp, payload: '바이트 bytes' }, seed);
        const w = runWorld('바이트 bytes', arp as 'cold', seed);
        const packets = capture(tl);
        expect(packets.length).toBe(w.trace.wires.length);
        for (const p of packets) expect(bytesEqual(p.dissection.bytes, w.trace.wire(p.id.slice(2)).msg.frame), p.id).toBe(true);
      }
    }
  });

  it('the stacks show the nested headers with their real sizes', () => {
    const tl = withScenes(simulate({ payload: 'hi' }, 4));
    const at = (key: string) => tl.steps.find((s) => s.key === key)!.scene.entities;
    const a = at('link')['stack-A'] as unknown as { headers: { label: string; bytes: number }[]; active: string[] };
    expect(a.headers.map((h) => h.label)).toEqual(['Ethernet', 'IPv4', 'TCP', 'HTTP', 'body']);
    const w = runWorld('hi', 'cold', 4);
    expect(a.headers.reduce((s, h) => s + h.bytes, 0)).toBe(w.encap.frame.length);
    expect(a.headers.slice(0, 3).map((h) => h.bytes)).toEqual([14, 20, 20]);
    expect(a.active).toEqual(['osi-2']);
    const b = at('delivered')['stack-B'] as unknown as { headers: { label: string }[]; active: string[] };
    expect(b.headers.map((h) => h.label)).toEqual(['HTTP', 'body']);
    expect(b.active).toEqual(['osi-7', 'osi-6', 'osi-5']);
    expect(headerBoxes(w.encap, 'transport').reduce((s, h) => s + h.bytes, 0)).toBe(w.encap.segment.length);
  });

  it('the device param picks the table shown: the MAC table or the routing table and ARP cache', () => {
    const last = (device: string) => withScenes(simulate({ device }, 1)).steps.at(-1)!.scene.entities;
    expect(Object.keys(last('switch'))).toContain('mac-table');
    expect(Object.keys(last('router'))).toEqual(expect.arrayContaining(['route-table', 'router-arp']));
    const rt = last('router')['route-table'] as unknown as { rows: { label: { en: string }; values: string[] }[] };
    expect(rt.rows.filter((r) => r.values[2] === '✓').map((r) => r.label.en)).toEqual(['198.51.100.0/24']);
  });

  it('is deterministic, and the seed changes only the numbers', () => {
    expect(JSON.stringify(simulate({ payload: 'x' }, 5))).toBe(JSON.stringify(simulate({ payload: 'x' }, 5)));
    const a = simulate({}, 5);
    const b = simulate({}, 6);
    expect(a.steps.map((s) => s.key)).toEqual(b.steps.map((s) => s.key));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
  });

  it('clamps a bad payload to the default', () => {
    expect(simulate({ payload: 'x'.repeat(101) }, 1).params.payload).toBe(DEFAULT_PAYLOAD);
    expect(simulate({ payload: 'a\tb' }, 1).params.payload).toBe(DEFAULT_PAYLOAD);
    expect(defaults(params).payload).toBe(DEFAULT_PAYLOAD);
  });
});
