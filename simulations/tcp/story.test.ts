/**
 * The TCP stories never tell what has not happened yet, and name each transition after
 * the event that caused it. Judged from the timelines alone (the scene at each step), for
 * every variant of both topics over many seeds.
 */
import { describe, expect, it } from 'vitest';
import { withScenes, type FullTimeline, type MarkEntity, type MessageEntity, type Step, type TimerEntity } from '../core/timeline';
import type { ParamValues } from '../core/params';
import type { Segment } from './segment';
import { simulate as tcpConnection } from '../topics/tcp-connection';
import { simulate as timeWait } from '../topics/time-wait';
import { TCP_TRANSITIONS } from './states';

const seg = (m: MessageEntity) => (m.packet!.fields as { seg: Segment }).seg;
const of = <T>(s: Step, kind: string) => Object.values(s.scene.entities).filter((e) => e.kind === kind) as T[];

function variants(): { name: string; tl: (seed: number) => FullTimeline }[] {
  const out: { name: string; tl: (seed: number) => FullTimeline }[] = [];
  for (const closer of ['client', 'server']) {
    for (const lossy of [false, true]) {
      const p: ParamValues = { closer, lossy, isn: 'random' };
      out.push({ name: `tcp-connection ${JSON.stringify(p)}`, tl: (seed) => withScenes(tcpConnection(p, seed)) });
    }
  }
  for (const delay of [0, 200, 900, 1500, 3000]) {
    for (const dla of [false, true]) {
      for (const ntw of [false, true]) {
        const p: ParamValues = { delay, msl: 5, 'drop-last-ack': dla, 'no-time-wait': ntw };
        out.push({ name: `time-wait ${JSON.stringify(p)}`, tl: (seed) => withScenes(timeWait(p, seed)) });
      }
    }
  }
  return out;
}

const SEEDS = Array.from({ length: 12 }, (_, i) => i * 104729 + 1);

/** What caused step i, read from the scenes: the message that arrived, the timer that fired. */
function causeAt(tl: FullTimeline, i: number): { arrived?: MessageEntity; fired?: TimerEntity } {
  const now = tl.steps[i];
  const prev = tl.steps[i - 1];
  const arrived = of<MessageEntity>(now, 'message').find((m) => m.status === 'delivered' && (prev?.scene.entities[m.id] as MessageEntity | undefined)?.status === 'flight');
  const fired = of<TimerEntity>(now, 'timer').find((t) => t.status === 'fired' && t.y1 === i);
  return { arrived, fired };
}

describe('TCP stories tell only what has happened, and label transitions by their cause', () => {
  for (const v of variants()) {
    it(v.name, () => {
      for (const seed of SEEDS) {
        const tl = v.tl(seed);
        tl.steps.forEach((s, i) => {
          const ctx = `${v.name} seed ${seed} step ${i + 1} (${s.caption.en})`;
          const msgs = of<MessageEntity>(s, 'message');
          const text = `${s.caption.en} ${s.narration.en}`;
          // Every seq=/ack= mentioned belongs to a segment already on the diagram at this step.
          for (const [, field, n] of text.matchAll(/\b(seq|ack)=(\d+)/g)) {
            expect(msgs.some((m) => seg(m)[field as 'seq' | 'ack'] === Number(n)), `${ctx}: ${field}=${n}`).toBe(true);
          }
          // A loss is told only once it has happened (at or after its loss step).
          if (/(?<!not )\blost\b/.test(text) || /손실|사라졌/.test(s.caption.ko + s.narration.ko)) {
            expect(msgs.some((m) => m.status === 'lost'), ctx).toBe(true);
          }
          // A resend is told only once some segment was sent again.
          if (/\bresent\b|\(a retransmission\)/.test(s.narration.en) || /\bresend\b/.test(s.caption.en)) expect(msgs.some((m) => m.retransmission), ctx).toBe(true);
          // Transition labels match what caused the step.
          const fsm = s.scene.entities.fsm;
          if (fsm.kind !== 'fsm') throw new Error('no fsm');
          const { arrived, fired } = causeAt(tl, i);
          for (const tr of fsm.transitions) {
            const where = `${ctx}: ${tr.from}→${tr.to} "${tr.label.en}"`;
            expect(s.narration.en, where).toContain(`(${tr.label.en})`);
            expect(/RST/.test(tr.label.en), where).toBe(Boolean(arrived && seg(arrived).flags.rst));
            if (/2MSL/.test(tr.label.en)) expect(fired && /2MSL/.test(fired.label.en), where).toBe(true);
            if (tr.from === 'TIME-WAIT' && fired) expect(tr.label.en, where).toMatch(/2MSL/);
            if (/^rcv ACK/.test(tr.label.en)) expect(arrived && seg(arrived).flags.ack && !seg(arrived).flags.rst, where).toBe(true);
            if (/^rcv (FIN|SYN)/.test(tr.label.en)) expect(arrived && (seg(arrived).flags.fin || seg(arrived).flags.syn), where).toBe(true);
          }
          // No app reads after it let go of its socket (until it opens a new one); no error reaches an app that closed.
          const marks = of<MarkEntity>(s, 'mark');
          for (const host of ['client', 'server']) {
            const mine = marks.filter((m) => m.on === host);
            const closedBefore = (y: number) => mine.some((c) => c.text.en === 'close()' && c.y < y && !mine.some((o) => o.text.en.startsWith('socket()') && o.y > c.y && o.y <= y));
            for (const m of mine.filter((x) => x.text.en.startsWith('recv()'))) expect(closedBefore(m.y), `${ctx}: ${host} ${m.text.en} after close()`).toBe(false);
            const reset = fsm.transitions.find((tr) => tr.actor === host && /RST/.test(tr.label.en));
            if (reset && closedBefore(i + 1)) expect(s.narration.en, ctx).not.toMatch(/ECONNRESET/);
          }
        });
      }
    });
  }
});

describe('the state figure draws the whole RFC 9293 Figure 5 table from the timeline', () => {
  for (const v of variants().filter((_, i) => i % 3 === 0)) {
    it(v.name, () => {
      const tl = v.tl(7);
      const table = TCP_TRANSITIONS.map(({ from, to, label }) => ({ from, to, label }));
      for (const s of tl.steps) {
        const fsm = s.scene.entities.fsm;
        if (fsm.kind !== 'fsm') throw new Error('no fsm');
        expect(fsm.edges).toEqual(table);
        // Every transition lit is one of the edges drawn, with the edge's own endpoints.
        for (const tr of fsm.transitions) expect(fsm.edges.some((e) => e.from === tr.from && e.to === tr.to), `${tr.from}>${tr.to}`).toBe(true);
      }
      // The table is stored once, when the figure appears, not again at every step.
      const span = tl.spans.find((sp) => sp.id === 'fsm')!;
      expect(span.frames?.some((f) => 'edges' in f.patch) ?? false).toBe(false);
    });
  }
});
