import { describe, expect, it } from 'vitest';
import { simulate as simulateStory } from '.';
import { TCP_TRANSITIONS } from '../../tcp/states';
import type { MessageEntity, MarkEntity, FullTimeline as Timeline } from '../../core/timeline';
import type { Segment } from '../../tcp/segment';
import type { ParamValues } from '../../core/params';
import { withScenes } from '../../core/timeline';
import type { ParamValues as SimParams } from '../../core/params';

const simulate = (p: Partial<SimParams>, seed: number) => withScenes(simulateStory(p as SimParams, seed));

const legal = new Set(TCP_TRANSITIONS.map((t) => `${t.from}>${t.to}`));
const last = (tl: Timeline) => tl.steps[tl.steps.length - 1].scene.entities;
const msgs = (tl: Timeline) => Object.values(last(tl)).filter((e): e is MessageEntity => e.kind === 'message');
const seg = (m: MessageEntity) => (m.packet!.fields as { seg: Segment }).seg;
/** What each app received, in order, from the recv() marks. */
const received = (tl: Timeline, host: string) =>
  Object.values(last(tl))
    .filter((e): e is MarkEntity => e.kind === 'mark' && e.on === host && e.text.en.startsWith('recv() →'))
    .map((m) => m.text.en);
const step = (tl: Timeline, key: string) => tl.steps.findIndex((s) => s.key === key);

describe('time-wait', () => {
  it('is deterministic', () => {
    const cases: ParamValues[] = [{}, { 'no-time-wait': true }, { 'drop-last-ack': true, delay: 1500 }];
    for (const c of cases) {
      expect(JSON.stringify(simulate(c, 9))).toBe(JSON.stringify(simulate(c, 9)));
    }
  });

  it('over many seeds and every combination: only RFC 9293 transitions, bounded, narrated', () => {
    for (const delay of [0, 200, 900, 1500, 3000]) {
      for (const dla of [false, true]) {
        for (const ntw of [false, true]) {
          for (let seed = 1; seed <= 25; seed++) {
            const tl = simulate({ delay, 'drop-last-ack': dla, 'no-time-wait': ntw, msl: 5 }, seed);
            const ctx = `delay=${delay} dla=${dla} ntw=${ntw} seed=${seed}`;
            expect(tl.steps.length, ctx).toBeGreaterThan(10);
            expect(tl.steps.length, ctx).toBeLessThan(81);
            for (const s of tl.steps) {
              const fsm = s.scene.entities.fsm;
              if (fsm.kind !== 'fsm') throw new Error('fsm');
              for (const tr of fsm.transitions) expect(legal.has(`${tr.from}>${tr.to}`), `${ctx} ${tr.from}>${tr.to}`).toBe(true);
              expect(s.narration.ko.length > 10 && s.narration.en.length > 10, ctx).toBe(true);
            }
          }
        }
      }
    }
  });

  it('data that arrives after the FIN is not lost: the FIN is held, then processed after the data', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const tl = simulate({ delay: 200 }, seed);
      // The FIN overtook the data: it was held first, the late data came after.
      const held = step(tl, 'held');
      const late = step(tl, 'late-data');
      expect(held, `seed ${seed}`).toBeGreaterThan(0);
      expect(late, `seed ${seed}`).toBeGreaterThan(held);
      // The client's app got both parts, in order, then went to TIME-WAIT at that very step.
      expect(received(tl, 'client'), `seed ${seed}`).toEqual(['recv() → 51 B', 'recv() → 11 B']);
      const a = tl.steps[late].scene.entities.client;
      expect(a.kind === 'actor' && a.state).toBe('TIME-WAIT');
      // Each server data byte was sent once: no retransmission was needed.
      expect(msgs(tl).filter((m) => m.retransmission)).toEqual([]);
    }
  });

  it('TIME-WAIT lasts exactly 2×MSL', () => {
    for (const msl of [1, 30, 120]) {
      const tl = simulate({ msl }, 3);
      const enter = step(tl, 'late-data');
      const closed = step(tl, 'closed');
      expect(tl.steps[closed].t - tl.steps[enter].t).toBe(2 * msl * 1000);
    }
  });

  it('a lost last ACK: the server resends, the client in TIME-WAIT ACKs again, both close without a RST', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const tl = simulate({ 'drop-last-ack': true }, seed);
      const lost = msgs(tl).filter((m) => m.status === 'lost');
      expect(lost.length).toBe(1);
      expect(seg(lost[0]).flags.ack && !seg(lost[0]).flags.fin).toBe(true);
      expect(msgs(tl).some((m) => m.from === 'server' && m.retransmission)).toBe(true);
      expect(msgs(tl).some((m) => seg(m).flags.rst)).toBe(false);
      const end = last(tl);
      expect([end.client, end.server].map((a) => a.kind === 'actor' && a.state)).toEqual(['CLOSED', 'CLOSED']);
    }
  });

  it('a delay longer than the RTO: the resent copy fills the gap and the late original is dropped in TIME-WAIT', () => {
    const tl = simulate({ delay: 2000, msl: 30 }, 4);
    expect(received(tl, 'client')).toEqual(['recv() → 51 B', 'recv() → 11 B']);
    const stale = step(tl, 'stale');
    const client = tl.steps[stale].scene.entities.client;
    expect(client.kind === 'actor' && client.state).toBe('TIME-WAIT');
  });

  it('without TIME-WAIT, the old segment is accepted by the new connection on the same ports', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const tl = simulate({ 'no-time-wait': true }, seed);
      expect(tl.notices?.[0].en).toMatch(/raised from 200 ms to 1200 ms/);
      expect(step(tl, 'reconnect')).toBeGreaterThan(0);
      const s = tl.steps[step(tl, 'stale')];
      expect(s.narration.en).toMatch(/accepted as data of the new one/);
      // The app of the new connection read the old bytes: three recv()s, the last of old data.
      expect(received(tl, 'client')).toEqual(['recv() → 51 B', 'recv() → 11 B', 'recv() → 11 B']);
    }
  });
});
