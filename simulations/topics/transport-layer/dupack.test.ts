import { describe, expect, it } from 'vitest';
import { race, simulate } from '.';
import { dataLength } from '../../tcp/segment';
import { readAcks } from './dupack';

const SEEDS = Array.from({ length: 60 }, (_, i) => i * 104_729 + 7);
const WORDS = ['second', 'third', 'fourth', 'fifth'];

describe('duplicate ACKs (RFC 5681 §2)', () => {
  it('counts only ACKs that meet the definition: outstanding data, no data, no SYN/FIN, same ack, same window', () => {
    let seen = 0;
    for (const seed of SEEDS) {
      for (const loss of [20, 40, 50]) {
        const { tcp } = race({ loss, messages: 6, reorder: true }, seed);
        const byId = new Map(tcp.wires.map((w) => [w.id, w]));
        const { dups, notDup } = readAcks(tcp.log, byId);
        const lastWindow: Record<string, number | undefined> = {};
        const run: Record<string, { ack: number; k: number } | undefined> = {};
        tcp.log.forEach((e, i) => {
          if (e.cause.kind !== 'arrive') return;
          const seg = byId.get(e.cause.wire)!.seg;
          const h = e.cause.host;
          const before = tcp.log[i - 1].tcbs[h];
          const ctx = `seed ${seed} loss ${loss} entry ${i}`;
          const d = dups.get(i);
          if (d) {
            seen++;
            expect(['ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK'], ctx).toContain(before.state);
            expect(before.rtxQueue.some((s) => dataLength(s.data) > 0), ctx).toBe(true);
            expect([seg.flags.ack, seg.flags.syn, seg.flags.fin, dataLength(seg.data)], ctx).toEqual([true, false, false, 0]);
            expect(seg.ack, ctx).toBe(before.sndUna);
            expect(seg.window, ctx).toBe(lastWindow[h]);
            // Counted one by one per acknowledgment number: 1, 2, 3…
            const r = run[h];
            expect(d.k, ctx).toBe(r && r.ack === seg.ack ? r.k + 1 : 1);
            run[h] = { ack: seg.ack, k: d.k };
          } else if (seg.flags.ack && (seg.ack !== before.sndUna || dataLength(seg.data) > 0)) {
            if (seg.ack !== before.sndUna) run[h] = undefined;
          }
          // An ACK in SYN-SENT is never a duplicate.
          if (before.state === 'SYN-SENT') expect(d, ctx).toBeUndefined();
          if (d) expect(notDup.has(i), ctx).toBe(false);
          if (seg.flags.ack) lastWindow[h] = seg.window;
        });
      }
    }
    expect(seen).toBeGreaterThan(50);
  });

  it('the narration names the n-th duplicate only after n − 1 earlier ones for the same number, over many seeds', () => {
    for (const seed of SEEDS.slice(0, 30)) {
      for (const loss of [30, 40, 50]) {
        const tl = simulate({ loss, messages: 6, focus: 'tcp' }, seed);
        const count = new Map<string, number>();
        let current: string | undefined;
        for (const [i, st] of tl.steps.entries()) {
          const ctx = `seed ${seed} loss ${loss} step ${i + 1}`;
          const found = [...st.narration.en.matchAll(/a duplicate ACK(?: \(the (\w+) for this number\))?, a sign that the server is still missing byte (\d+)/g)];
          expect((st.narration.en.match(/missing byte/g) ?? []).length, ctx).toBe(found.length);
          // A new cumulative ACK starts the count again.
          if (/has everything before byte/.test(st.narration.en) && /reaches the TCP client/.test(st.narration.en)) current = undefined;
          for (const m of found) {
            const ack = m[2];
            const k = current === ack ? (count.get(ack) ?? 0) + 1 : 1;
            count.set(ack, k);
            current = ack;
            const said = !m[1] ? 1 : WORDS.includes(m[1]) ? WORDS.indexOf(m[1]) + 2 : parseInt(m[1], 10);
            expect(said, ctx).toBe(k);
          }
          const third = found.some((m) => m[1] === 'third');
          expect(/fast retransmit, the missing segment would be resent now/.test(st.narration.en), ctx).toBe(third);
        }
      }
    }
  });

  /*
   * Seed 7, 40 % loss, 6 messages: both copies of the SYN-ACK are lost, so at 3100 ms the client,
   * still in SYN-SENT, gets the bare ACK 1001 that the server, in SYN-RECEIVED, sends for the
   * retransmitted SYN (RFC 9293 §3.10.7.4: an unacceptable segment is answered with an ACK).
   * It has no data outstanding: not a duplicate. The first ACK after the handshake differs from the SYN-ACK's
   * unscaled window: not a duplicate either. Only the next one with the same number is the first.
   */
  it('hand-checked: seed 7, loss 40, 6 messages', () => {
    const tl = simulate({ loss: 40, messages: 6 }, 7);
    const at3100 = tl.steps.find((s) => s.t === 3100 && /ACK 1001 reaches the TCP client/.test(s.narration.en))!;
    expect(at3100.narration.en).toContain('still in SYN-SENT');
    expect(at3100.narration.en).toContain('not a duplicate ACK');
    expect(at3100.caption.en).not.toContain('duplicate');
    const dupSteps = tl.steps.filter((s) => /: a duplicate ACK/.test(s.narration.en));
    const third = tl.steps.findIndex((s) => /the third for this number/.test(s.narration.en));
    if (third >= 0) expect(tl.steps.slice(0, third).filter((s) => /: a duplicate ACK/.test(s.narration.en)).length).toBeGreaterThanOrEqual(2);
    // 4312 ms: the first ACK 1001 after the handshake (window differs from the SYN-ACK's); 4331 ms: the first duplicate.
    expect(tl.steps.find((s) => s.t === 4312)!.narration.en).toContain('not a duplicate ACK yet');
    expect(dupSteps[0].t).toBe(4331);
    expect(dupSteps[0].narration.en).not.toContain('for this number');
  });

  it('hand-checked: the default run (seed 1) counts ACK 1006 four times while msg 2 is missing', () => {
    const tl = simulate({}, 1);
    const said = tl.steps.flatMap((s) => {
      const m = /a duplicate ACK(?: \(the (\w+) for this number\))?, a sign that the server is still missing byte 1006/.exec(s.narration.en);
      return m ? [m[1] ?? 'first'] : [];
    });
    // msg 3, msg 4, msg 5 and the FIN are held at the server, each answered with ACK 1006.
    expect(said).toEqual(['first', 'second', 'third', 'fourth']);
  });
});
