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

  it('drop-last-ack: the server resends its oldest unacknowledged segment, the late data or else its FIN (as the help says)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      // delay 0: the data arrives (and is ACKed) before the FIN, so the FIN is what is left to resend.
      const early = simulate({ 'drop-last-ack': true, delay: 0 }, seed);
      const resentEarly = msgs(early).filter((m) => m.from === 'server' && m.retransmission).map((m) => seg(m));
      expect(resentEarly.length, `seed ${seed}`).toBeGreaterThan(0);
      expect(resentEarly.every((s) => s.flags.fin && s.data === '')).toBe(true);
      expect(step(early, 'fin-again')).toBeGreaterThan(step(early, 'lost-ack'));
      expect(early.steps[step(early, 'fin-reacked')].narration.en).toMatch(/The last ACK was lost, so the server resent its FIN[^]*restarts the 2×MSL timer/);
      // Default delay: the late data was only ACKed by the lost ACK, so the data is resent, not the FIN.
      const late = simulate({ 'drop-last-ack': true }, seed);
      const resentLate = msgs(late).filter((m) => m.from === 'server' && m.retransmission).map((m) => seg(m));
      expect(resentLate.length).toBeGreaterThan(0);
      expect(resentLate.every((s) => !s.flags.fin && s.data === 'second half')).toBe(true);
      expect(step(late, 'data-again')).toBeGreaterThan(step(late, 'lost-ack'));
    }
  });

  it('a RST that ends TIME-WAIT is named as such: not a 2MSL timeout, and no app error for an app that already closed', () => {
    const tl = simulate({ delay: 1500 }, 1);
    const i = tl.steps.findIndex((s) => {
      const fsm = s.scene.entities.fsm;
      return fsm.kind === 'fsm' && fsm.transitions.some((tr) => tr.from === 'TIME-WAIT' && tr.to === 'CLOSED');
    });
    const s = tl.steps[i];
    const fsm = s.scene.entities.fsm;
    if (fsm.kind !== 'fsm') throw new Error('fsm');
    expect(s.caption.en).toBe('RST reaches client');
    expect(fsm.transitions[0].label.en).toBe('rcv RST (TIME-WAIT assassination, RFC 1337)');
    expect(s.narration.en).not.toMatch(/2MSL|2×MSL over|ECONNRESET/);
    expect(s.narration.en).toMatch(/already let go of the socket with close\(\)/);
    // TIME-WAIT ended well before 2×MSL.
    expect(s.t - tl.steps[step(tl, 'time-wait')].t).toBeLessThan(60_000);
  });

  it('without TIME-WAIT and with the last ACK lost: each step tells its own event', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const tl = simulate({ 'no-time-wait': true, 'drop-last-ack': true }, seed);
      const narr = tl.steps.map((s) => s.narration.en);
      // The SYN taken for the old connection is explained once, at the ACK that answers it.
      expect(narr.filter((n) => /took the new SYN as part of the old connection/.test(n)), `seed ${seed}`).toHaveLength(1);
      const stale = tl.steps[step(tl, 'stale')];
      expect(stale.narration.en).not.toMatch(/took the new SYN/);
      expect(stale.narration.en).toMatch(/old connection/);
      // TIME-WAIT is skipped: no step promises what a 2×MSL wait would do.
      expect(narr.some((n) => /2×MSL = 0 s/.test(n))).toBe(false);
      expect(tl.steps[step(tl, 'closed')].caption.en).toBe('Client: no TIME-WAIT → CLOSED');
      // The server's LAST-ACK ends on a RST, and says so.
      const end = tl.steps[tl.steps.length - 1].scene.entities.fsm;
      if (end.kind !== 'fsm') throw new Error('fsm');
      for (const tr of end.transitions.filter((x) => x.from === 'LAST-ACK')) expect(tr.label.en).toBe('rcv RST');
    }
  });

  it('the client half-closes: shutdown(SHUT_WR) before the late data, close() only after recv() returns 0', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const tl = simulate({}, seed);
      const marks = Object.values(last(tl))
        .filter((e): e is MarkEntity => e.kind === 'mark' && e.on === 'client' && e.tone !== 'state')
        .map((m) => m.text.en);
      expect(marks).toEqual(['socket() · connect()', 'connect() ✓', 'send(43 B)', 'recv() → 51 B', 'shutdown(SHUT_WR)', 'recv() → 11 B', 'recv() = 0', 'close()']);
    }
  });
});
