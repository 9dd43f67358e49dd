import { describe, expect, it } from 'vitest';
import { params, race, simulate as simulateStory } from '.';
import { capture } from '../../capture';
import type { MessageEntity } from '../../core/timeline';
import { findField } from '../../wire/fields';
import type { Segment } from '../../tcp/segment';
import { makePlan, msgNumber } from './race';
import { list, tcpHeaderLength } from './labels';
import { udpReceive } from './udp';
import { arrowsOf, counters, FOCI, lastScene, range, SEEDS, simulate } from './testkit';

const segOf = (m: MessageEntity) => (m.packet!.fields as { seg: Segment }).seg;

describe('transport-layer: encoding, params and hand-checked runs', () => {
  it('counts header bytes as the wire encoder lays them out (IPv4 20 + TCP 20+options, or UDP 8)', () => {
    const tl = simulate({ loss: 20, messages: 8 }, 3);
    let tcpBytes = 0;
    let udpBytes = 0;
    for (const p of capture(tl)) {
      const layers = p.dissection.layers;
      const ip = layers.find((l) => l.key === 'ip')!;
      const l4 = layers.find((l) => l.key === 'tcp' || l.key === 'udp')!;
      const payload = p.dissection.bytes.length - l4.offset - (l4.key === 'tcp' ? Number(findField(layers, 'tcp.hdr_len')!.value.split(' ')[0]) : 8);
      const header = p.dissection.bytes.length - ip.offset - payload;
      if (l4.key === 'tcp') tcpBytes += header;
      else udpBytes += header;
    }
    const c = counters(tl);
    expect(c['Header bytes']).toEqual([`${tcpBytes} B`, `${udpBytes} B`]);
    // A SYN carries MSS, SACK-permitted and window scale: 12 option bytes.
    expect(tcpHeaderLength({ mss: 1460, sackPermitted: true, wscale: 7 })).toBe(32);
    expect(tcpHeaderLength(undefined)).toBe(20);
    expect(udpBytes).toBe(8 * 28);
  });

  it('every packet in every variant encodes, and the capture holds each message once', () => {
    for (const focus of FOCI) {
      for (const reorder of [true, false]) {
        for (const loss of [0, 50]) {
          const tl = simulate({ focus, reorder, loss, messages: 20 }, 11);
          const packets = capture(tl);
          expect(packets.length).toBe(arrowsOf(tl).length);
          for (const p of packets) expect(p.dissection.bytes.length).toBeGreaterThan(14 + 20 + 8);
        }
      }
    }
  });

  it('every param combination simulates, with at least 2 steps narrated in both languages', () => {
    for (const focus of FOCI) {
      for (const loss of [0, 1, 20, 49, 50]) {
        for (const reorder of [true, false]) {
          for (const messages of [1, 2, 5, 13, 20]) {
            const tl = simulate({ focus, loss, reorder, messages }, 1);
            expect(tl.steps.length, `${focus} ${loss} ${reorder} ${messages}`).toBeGreaterThanOrEqual(2);
            for (const st of tl.steps) expect(st.narration.ko && st.narration.en).toBeTruthy();
            expect(tl.notices).toBeUndefined();
          }
        }
      }
    }
  });

  it('bad input is clamped, never thrown', () => {
    const tl = simulate({ focus: '<bogus>', loss: 99, messages: 0, reorder: 'maybe' as never }, 5);
    expect(tl.params).toMatchObject({ focus: 'both', loss: 50, messages: 1 });
    expect(params[0].kind).toBe('enum');
    expect(params[params.length - 1].name).toBe('seed');
  });

  it('keeps the default scenario short enough to step through', () => {
    for (const seed of SEEDS) {
      const n = simulate({}, seed).steps.length;
      expect(n, `seed ${seed}`).toBeGreaterThanOrEqual(10);
      expect(n, `seed ${seed}`).toBeLessThanOrEqual(60);
    }
  });

  it('a higher loss rate only adds first-copy losses (each message keeps its own draw)', () => {
    for (const seed of SEEDS) {
      const at = (loss: number) => makePlan({ messages: 20, loss, reorder: true }, seed).firstLost;
      const low = at(20);
      const high = at(30);
      low.forEach((l, i) => l && expect(high[i], `seed ${seed} msg ${i + 1}`).toBe(true));
      // The first messages of a longer run are the same messages as a shorter run.
      expect(makePlan({ messages: 5, loss: 30, reorder: true }, seed).extra).toEqual(makePlan({ messages: 20, loss: 30, reorder: true }, seed).extra.slice(0, 5));
    }
  });

  it('the UDP receiver hands every datagram over at once and notices when a later one came first', () => {
    const a = udpReceive({ delivered: [] }, { msg: 2, data: 'msg 2' });
    expect(a.effects).toEqual([{ type: 'deliver', msg: 2, data: 'msg 2', outOfOrder: false }]);
    const b = udpReceive(a.rx, { msg: 1, data: 'msg 1' });
    expect(b.effects[0].outOfOrder).toBe(true);
    expect(b.rx.delivered).toEqual([2, 1]);
    expect(a.rx.delivered).toEqual([2]); // pure: the old state is untouched
    expect(msgNumber('msg 17')).toBe(17);
    expect(list([2, 3, 4, 5])).toBe('msg 2–5');
    expect(list([1, 3])).toBe('msg 1, msg 3');
  });

  /*
   * Hand-checked: the default scenario (seed 1: 5 messages, 20 % loss, reorder on).
   * The draws lose only message 2's first copy; the extra delays are 51, 30, 53, 0, 44 ms.
   * UDP: message i leaves at 20(i-1) ms and lands 50 ms + extra later:
   *   msg 1 at 0+50+51 = 101, msg 2 lost half way at 20+round(80/2) = 60, msg 3 at 40+50+53 = 143,
   *   msg 4 at 60+50+0 = 110, msg 5 at 80+50+44 = 174. The app sees 1, 4, 3, 5: out of order, done at 174 ms.
   * TCP: the handshake takes one round trip (SYN at 0, SYN-ACK at 50, connected at 100), so message i
   *   leaves at 100+20(i-1): msg 1 at 100 lands at 100+50+51 = 201, ACK 1006 is back at 251 and restarts
   *   the retransmission timer (RTO 1000 ms), msg 2 (sent at 120) was lost; msgs 3, 4, 5 and the FIN are
   *   held. The timer fires at 251+1000 = 1251, the resent msg 2 (no extra delay) lands at 1301, and the
   *   server hands over msg 2–5 at once: TCP is done at 1301 ms.
   * Header bytes: SYN and SYN-ACK carry 12 option bytes (52 B with IPv4), the other 16 segments 40 B:
   *   2×52 + 16×40 = 744 B for TCP, against 5×28 = 140 B for UDP.
   */
  it('hand-checked: the default scenario', () => {
    const { plan } = race({}, 1);
    expect(plan.firstLost).toEqual([false, true, false, false, false]);
    expect(plan.extra).toEqual([51, 30, 53, 0, 44]);
    const tl = simulate({}, 1);
    const c = counters(tl);
    expect(c['Messages delivered to the app']).toEqual(['5 / 5', '4 / 5']);
    expect(c['Delivered in the order sent?']).toEqual(['✓', '✗']);
    expect(c['Finished at']).toEqual(['1301 ms', '174 ms']);
    expect(c['Header bytes']).toEqual(['744 B', '140 B']);
    expect(c['Packets sent']).toEqual(['18', '5']);
    expect(c['Retransmissions']).toEqual(['1', '0']);
    const at = (key: string) => tl.steps.find((s) => s.key === key)!;
    expect(at('established').t).toBe(100);
    expect(at('udp-lost').t).toBe(60);
    expect(at('udp-out-of-order').t).toBe(143);
    expect(at('udp-done').t).toBe(174);
    expect(at('rto').t).toBe(1251);
    expect(at('tcp-done').t).toBe(1301);
    expect(at('tcp-done').narration.en).toContain('recv → msg 2–5');
    expect(at('held').narration.en).toContain('holds this segment');
    // Keys the page links to.
    for (const k of ['start', 'go', 'established', 'tcp-lost', 'held', 'udp-lost', 'udp-out-of-order', 'rto', 'tcp-done', 'udp-done', 'fin', 'closed']) {
      expect(tl.steps.some((s) => s.key === k), k).toBe(true);
    }
    // Part way through, the counters say what has happened so far.
    const mid = counters(tl, tl.steps.indexOf(at('udp-lost')));
    expect(mid['Lost in the network']).toEqual(['0', '1']);
    expect(mid['Finished at']).toEqual(['—', '—']);
  });

  /*
   * Hand-checked: no loss, no jitter (seed 1). UDP: the last datagram leaves at 80 ms and lands at 130 ms.
   * TCP: connected at 100 ms, the last message leaves at 100+80 = 180 and lands at 230 ms.
   * The difference, 100 ms, is exactly the one round trip of the handshake.
   */
  it('hand-checked: with nothing lost or reordered, TCP is one handshake round trip behind', () => {
    const tl = simulate({ loss: 0, reorder: false }, 1);
    const c = counters(tl);
    expect(c['Finished at']).toEqual(['230 ms', '130 ms']);
    expect(c['Delivered in the order sent?']).toEqual(['✓', '✓']);
    expect(c['Retransmissions']).toEqual(['0', '0']);
    // SYN, SYN-ACK, ACK, 5 × (data + ACK), FIN, ACK, FIN, ACK.
    expect(c['Packets sent']).toEqual([String(3 + 10 + 4), '5']);
    const labels = arrowsOf(tl).filter((m) => m.id.startsWith('tcp')).map((m) => m.label);
    expect(labels.slice(0, 4)).toEqual(['SYN seq=1000', 'SYN, ACK seq=5000 ack=1001', 'ACK seq=1001 ack=5001', 'PSH, ACK seq=1001 (msg 1)']);
    expect(arrowsOf(tl).filter((m) => m.id.startsWith('udp')).map((m) => m.label)).toEqual(range(5).map((i) => `UDP msg ${i}`));
    expect(segOf(arrowsOf(tl).find((m) => m.label.startsWith('PSH, ACK seq=1021'))!).data).toBe('msg 5');
  });

  it('gives the renderer short chips, a tone on every message and short sublabels (addresses are in the inspector)', () => {
    for (const seed of [1, 2, 3]) {
      const tl = simulate({ loss: 50, messages: 20 }, seed);
      const msgs = arrowsOf(tl);
      for (const m of msgs) {
        expect(m.chip, m.id).toBeDefined();
        expect(m.chip!.length, m.id).toBeLessThanOrEqual(8);
        expect(m.tone, m.id).toBeDefined();
      }
      // The chip names the message or the control segment, as the label does.
      for (const m of msgs.filter((x) => x.id.startsWith('udp'))) expect(m.label).toBe(`UDP ${m.chip}`);
      for (const m of msgs.filter((x) => x.id.startsWith('tcp') && x.label.includes('(msg '))) expect(m.chip).toBe(`DATA ${/\(msg (\d+)\)/.exec(m.label)![1]}`);
      for (const a of lastScene(tl).filter((e) => e.kind === 'actor')) expect((a as { sublabel: string }).sublabel).toMatch(/^:\d{1,5}$/);
    }
  });

  it('is a story, not a scene per step: each entity is one span, shown once, with keyframes as it changes', () => {
    const raw = simulateStory({ loss: 20, messages: 8 }, 5);
    const { tcp, udp } = race({ loss: 20, messages: 8 }, 5);
    const ids = raw.spans.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(raw.spans.filter((s) => s.entity.kind === 'message').length).toBe(tcp.wires.length + udp.datagrams.length);
    // An actor span changes only when its TCP state does: one keyframe per state change at most.
    const client = raw.spans.find((s) => s.id === 'tcp-client')!;
    const states = tcp.log.map((e) => e.tcbs.client.state).filter((st, i, a) => i === 0 || st !== a[i - 1]);
    expect((client.frames ?? []).length).toBeLessThanOrEqual(states.length - 1);
    expect((client.frames ?? []).every((f) => Object.keys(f.patch).join() === 'state')).toBe(true);
  });
});
