import { describe, expect, it } from 'vitest';
import { simulate as simulateStory, REQUEST, RESPONSE } from '.';
import { TCP_TRANSITIONS } from '../../tcp/states';
import { segLen } from '../../tcp/segment';
import type { MarkEntity, MessageEntity, TimerEntity, FullTimeline as Timeline } from '../../core/timeline';
import type { Segment } from '../../tcp/segment';
import { withScenes } from '../../core/timeline';
import type { ParamValues as SimParams } from '../../core/params';

const simulate = (p: Partial<SimParams>, seed: number) => withScenes(simulateStory(p as SimParams, seed));

const COMBOS = ['client', 'server'].flatMap((closer) =>
  [false, true].flatMap((lossy) => ['random', 'fixed'].map((isn) => ({ closer, lossy, isn }))),
);
const SEEDS = Array.from({ length: 200 }, (_, i) => i * 7919 + 1);

function messages(tl: Timeline): MessageEntity[] {
  const last = tl.steps[tl.steps.length - 1].scene.entities;
  return Object.values(last).filter((e): e is MessageEntity => e.kind === 'message');
}
const segOf = (m: MessageEntity) => (m.packet!.fields as { seg: Segment }).seg;
const add = (a: number, b: number) => (a + b) >>> 0;

describe('tcp-connection simulation', () => {
  it('is deterministic: same params and seed give the same timeline, byte for byte', () => {
    for (const c of COMBOS) {
      const a = simulate(c, 42);
      const b = simulate(c, 42);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    }
    expect(JSON.stringify(simulate({}, 1))).not.toBe(JSON.stringify(simulate({}, 2)));
  });

  for (const c of COMBOS) {
    it(`holds its invariants over ${SEEDS.length} seeds: closer=${c.closer} lossy=${c.lossy} isn=${c.isn}`, () => {
      for (const seed of SEEDS) {
        const tl = simulate(c, seed);
        const ctx = `seed ${seed}`;
        const msgs = messages(tl);
        // Every sent segment ends: delivered or lost, nothing still in flight at the end.
        for (const m of msgs) expect(['delivered', 'lost'], ctx).toContain(m.status);
        // Only the SYN-ACK is ever lost, and only when asked for.
        const lost = msgs.filter((m) => m.status === 'lost');
        expect(lost.length, ctx).toBe(c.lossy ? 1 : 0);
        if (c.lossy) expect(segOf(lost[0]).flags, ctx).toMatchObject({ syn: true, ack: true });

        // Sequence arithmetic, per direction: each new segment starts where the last one ended
        // (SYN and FIN take one number each), and retransmissions repeat an earlier seq.
        for (const from of ['client', 'server']) {
          const mine = msgs.filter((m) => m.from === from).map(segOf);
          const iss = mine[0].seq;
          let next = iss;
          for (const [i, m] of msgs.filter((x) => x.from === from).entries()) {
            const s = mine[i];
            if (m.retransmission) {
              expect(s.seq === iss || (s.seq - iss) >>> 0 < (next - iss) >>> 0, ctx).toBe(true);
              continue;
            }
            expect(s.seq, `${ctx} ${from} #${i} ${m.label}`).toBe(next);
            next = add(next, segLen(s));
          }
          // Total sequence space used: SYN + data + FIN.
          const data = from === 'client' ? REQUEST.length : RESPONSE.length;
          expect((next - iss) >>> 0, ctx).toBe(1 + data + 1);
        }
        // Handshake numbers.
        const all = msgs.map(segOf);
        const syn = all.find((s) => s.flags.syn && !s.flags.ack)!;
        const synAck = all.find((s) => s.flags.syn && s.flags.ack)!;
        expect(synAck.ack, ctx).toBe(add(syn.seq, 1));
        const finalAck = msgs.filter((m) => m.from === 'client' && !segOf(m).flags.syn).map(segOf)[0];
        expect(finalAck.seq, ctx).toBe(add(syn.seq, 1));
        expect(finalAck.ack, ctx).toBe(add(synAck.seq, 1));
        // Every FIN is acknowledged with FIN.seq + 1 by the other side.
        for (const m of msgs.filter((x) => segOf(x).flags.fin && x.status === 'delivered')) {
          const want = add(segOf(m).seq, 1);
          expect(msgs.some((o) => o.from === m.to && segOf(o).flags.ack && segOf(o).ack === want), ctx).toBe(true);
        }

        // States follow RFC 9293 transitions only, and both sides end CLOSED.
        const legal = new Set(TCP_TRANSITIONS.map((tr) => `${tr.from}>${tr.to}`));
        const seen: Record<string, string[]> = { client: ['CLOSED'], server: ['CLOSED'] };
        for (const st of tl.steps) {
          const fsm = st.scene.entities.fsm;
          if (fsm.kind !== 'fsm') throw new Error('no fsm');
          for (const tr of fsm.transitions) {
            expect(legal.has(`${tr.from}>${tr.to}`), `${ctx} ${tr.from}>${tr.to}`).toBe(true);
            const list = seen[tr.actor];
            expect(list[list.length - 1], ctx).toBe(tr.from);
            list.push(tr.to);
          }
          for (const a of fsm.active) expect(a.state, ctx).toBe(seen[a.actor][seen[a.actor].length - 1]);
        }
        const closer = c.closer;
        const other = closer === 'client' ? 'server' : 'client';
        expect(seen[closer].slice(-2), ctx).toEqual(['TIME-WAIT', 'CLOSED']);
        expect(seen[other].slice(-2), ctx).toEqual(['LAST-ACK', 'CLOSED']);
        expect(seen[closer], ctx).toContain('FIN-WAIT-2');
        // TIME-WAIT lasts 2×MSL of logical time.
        const tw = tl.steps.findIndex((s) => s.key === 'time-wait');
        const end = tl.steps.length - 1;
        expect(tl.steps[end].t - tl.steps[tw].t, ctx).toBe(60_000);
        // Steps are in time order and each has narration in both languages.
        for (let i = 1; i < tl.steps.length; i++) expect(tl.steps[i].t, ctx).toBeGreaterThanOrEqual(tl.steps[i - 1].t);
        for (const st of tl.steps) expect(st.narration.ko.length > 10 && st.narration.en.length > 10, ctx).toBe(true);
      }
    });
  }

  it('with lossy, the SYN-ACK is resent after the server RTO of 1 s, and the client resends its SYN too', () => {
    const tl = simulate({ lossy: true, isn: 'fixed' }, 1);
    const msgs = messages(tl);
    const synAcks = msgs.filter((m) => segOf(m).flags.syn && segOf(m).flags.ack);
    expect(synAcks.map((m) => m.status)).toEqual(['lost', 'delivered']);
    expect(synAcks[1].retransmission).toBe(true);
    const firstSent = tl.steps.find((s) => s.key === 'syn-ack')!.t;
    const resent = tl.steps.find((s) => s.scene.entities[synAcks[1].id] && (s.scene.entities[synAcks[1].id] as MessageEntity).fresh)!;
    expect(resent.t - firstSent).toBe(1000);
  });

  it('narration never describes an ACK as acknowledging zero bytes', () => {
    for (const c of COMBOS) {
      for (const st of simulate(c, 5).steps) {
        expect(st.narration.en).not.toMatch(/\b0 bytes/);
        expect(st.narration.ko).not.toMatch(/데이터 0바이트/);
      }
    }
  });

  it('fixed ISNs are 1000 and 5000', () => {
    const msgs = messages(simulate({ isn: 'fixed' }, 9)).map(segOf);
    expect(msgs[0].seq).toBe(1000);
    expect(msgs.find((s) => s.flags.syn && s.flags.ack)!.seq).toBe(5000);
  });

  it('after a timed-out SYN or SYN-ACK, data is sent with an RTO of 3 s (RFC 6298 §5.7); otherwise 1 s', () => {
    for (const seed of [1, 2, 3]) {
      for (const lossy of [false, true]) {
        const tl = simulate({ lossy }, seed);
        // The timer armed at the request's send step (the client's first data).
        const sendStep = tl.steps.findIndex((s) => s.caption.en.startsWith('Client: send('));
        const step = tl.steps[sendStep];
        const dataTimer = Object.values(step.scene.entities).find((e): e is TimerEntity => e.kind === 'timer' && e.on === 'client' && e.y0 === sendStep);
        expect(dataTimer?.ms, `seed ${seed} lossy ${lossy}`).toBe(lossy ? 3000 : 1000);
      }
    }
    const lossy = simulate({ lossy: true }, 1);
    expect(lossy.steps.some((s) => /RTO of 3 s \(RFC 6298 §5\.7\)/.test(s.narration.en))).toBe(true);
    expect(simulate({}, 1).steps.some((s) => /RTO of 3 s/.test(s.narration.en))).toBe(false);
  });

  it('the first closer half-closes with shutdown(SHUT_WR), reads until recv() returns 0, then calls close()', () => {
    for (const closer of ['client', 'server']) {
      for (const seed of [1, 7, 99]) {
        const tl = simulate({ closer }, seed);
        const marks = Object.values(tl.steps[tl.steps.length - 1].scene.entities)
          .filter((e): e is MarkEntity => e.kind === 'mark' && e.on === closer && e.tone !== 'state')
          .map((m) => m.text.en);
        const at = (t: string) => marks.indexOf(t);
        expect(at('shutdown(SHUT_WR)'), `${closer} ${seed}`).toBeGreaterThan(0);
        expect(at('recv() = 0')).toBeGreaterThan(at('shutdown(SHUT_WR)'));
        expect(at('close()')).toBeGreaterThan(at('recv() = 0'));
        expect(marks.filter((m) => m === 'close()')).toHaveLength(1);
        // The FIN went out with shutdown(): close() sent nothing.
        const closeStep = tl.steps.find((s) => s.caption.en === `${closer === 'client' ? 'Client' : 'Server'}: close()`);
        expect(closeStep, `${closer} ${seed}`).toBeDefined();
      }
    }
  });
});
