/**
 * Hand-checked runs. All use the defaults unless stated: sendInterval 10 ms
 * (one packet on the link per 10 ms), oneWayDelay 50 ms, timeout 300 ms,
 * seqSpace 32, no random loss. A packet put on the link at t arrives at
 * t + 10 + 50; an ACK sent at t arrives at t + 50.
 */
import { describe, expect, test } from 'vitest';
import { runArq, type ArqEvent, type ArqResult, type ArqInput } from './index';
import { simulateArqForTest } from './runner';
import { validateArqConfig } from './config';

function run(input: ArqInput): ArqResult {
  const r = runArq(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r;
}
const of = (r: ArqResult, kind: ArqEvent['kind']) => r.events.filter((e) => e.kind === kind);

describe('Go-Back-N, window 4, packet 2 lost once', () => {
  /*
   * t=0,10,20,30: packets 0,1,2,3 go out; the window [0,4) is full. Timer
   *   starts at 0 for packet 0.
   * Arrivals at 10k+60: 0@60 → ACK 0 (arrives 110); 1@70 → ACK 1 (120);
   *   2 is lost; 3@90 is out of order → discarded, ACK 1 again (140).
   * 110: ACK 0, base=1, timer restarted (→410), packet 4 sent.
   * 120: ACK 1, base=2, timer restarted (→420), packet 5 sent. Window [2,6) full.
   * 140, 220, 230: duplicate ACK 1s (for 3, 4@170, 5@180) change nothing.
   * 420: timeout. Outstanding are 2,3,4,5 — all four go again, at 420,430,440,450,
   *   although 3, 4 and 5 had arrived once: GBN's receiver threw them away.
   */
  const r = run({ protocol: 'go-back-n', window: 4, packets: 8, lose: [2] });

  test('the timeout fires at 420 and resends exactly 2, 3, 4, 5', () => {
    expect(of(r, 'timeout').map((e) => e.time)).toEqual([420]);
    expect(of(r, 'retransmit').map((e) => [e.packet, e.time])).toEqual([
      [2, 420],
      [3, 430],
      [4, 440],
      [5, 450],
    ]);
    expect(r.stats.retransmissions).toBe(4);
  });

  test('the receiver discards 3, 4, 5 the first time and re-ACKs 1', () => {
    expect(of(r, 'discard').map((e) => [e.packet, e.time, e.reason])).toEqual([
      [3, 90, 'out-of-order'],
      [4, 170, 'out-of-order'],
      [5, 180, 'out-of-order'],
    ]);
    const reAcks = of(r, 'ack-send').filter((e) => e.time >= 90 && e.time <= 180);
    expect(reAcks.map((e) => e.packet)).toEqual([1, 1, 1]);
    expect(r.delivered).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('Selective Repeat, same case', () => {
  /*
   * Same first sends. Each packet has its own timer, started when it goes out:
   * packet 2 left at 20, so its timer expires at 320. 3 (arr. 90), 4 (170) and
   * 5 (180) are buffered and ACKed individually; their ACKs stop their timers.
   * At 320 only packet 2 is resent; it arrives at 380 and 2,3,4,5 are delivered.
   */
  const r = run({ protocol: 'selective-repeat', window: 4, packets: 8, lose: [2] });

  test('only packet 2 is resent, when its own timer fires at 320', () => {
    expect(of(r, 'timeout').map((e) => [e.timer, e.time])).toEqual([['pkt-2', 320]]);
    expect(of(r, 'retransmit').map((e) => [e.packet, e.time])).toEqual([[2, 320]]);
  });

  test('3, 4, 5 are buffered, then delivered with 2', () => {
    expect(of(r, 'buffer').map((e) => e.packet)).toEqual([3, 4, 5]);
    expect(of(r, 'deliver').filter((e) => e.time === 380).map((e) => e.packet)).toEqual([2, 3, 4, 5]);
    const marked = of(r, 'ack-recv').filter((e) => e.reason === 'marked');
    expect(marked.map((e) => e.packet)).toEqual([3, 4, 5]);
    expect(marked.every((e) => e.sender.base === 2)).toBe(true);
  });
});

describe('TCP, window 8, packet 2 lost once', () => {
  /*
   * Packets 0..7 go out at 0..70. ACK 1 arrives at 110 (packet 8 goes out),
   * ACK 2 at 120 (packet 9 goes out; the RTO timer restarts: expires 120+300 = 420).
   * 2 is lost; 3@90, 4@100, 5@110 are buffered and each answered by ACK 2 with
   * SACK [3,4), [3,5), [3,6), arriving at 140, 150, 160. The third duplicate,
   * at 160, triggers fast retransmit of 2 at 160, 260 ms before the RTO.
   */
  const r = run({ protocol: 'tcp', window: 8, packets: 12, lose: [2] });

  test('three duplicate ACKs trigger a fast retransmit of 2 at 160, before the RTO at 420', () => {
    const retx = of(r, 'retransmit');
    expect(retx.map((e) => [e.packet, e.time, e.reason])).toEqual([[2, 160, 'fast-retransmit']]);
    const timerBefore = r.events.filter((e) => e.kind === 'timer-start' && e.i < retx[0].i).pop()!;
    expect(timerBefore.at).toBe(420);
    expect(retx[0].time).toBeLessThan(timerBefore.at!);
    expect(of(r, 'timeout')).toEqual([]);
    expect(r.stats.fastRetransmits).toBe(1);
  });

  test('the duplicate ACKs carry SACK blocks naming the received ranges', () => {
    const dups = of(r, 'ack-recv').filter((e) => e.reason === 'duplicate');
    expect(dups.slice(0, 3).map((e) => [e.time, e.packet, e.sack, e.sender.dupAcks])).toEqual([
      [140, 2, [{ left: 3, right: 4 }], 1],
      [150, 2, [{ left: 3, right: 5 }], 2],
      [160, 2, [{ left: 3, right: 6 }], 3],
    ]);
    expect(r.delivered).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});

describe('TCP, two losses in one window (2 and 5)', () => {
  /*
   * ACK 2s arrive with SACK [3,4) @140, [3,5) @150, [6,7),[3,5) @170 (the first
   * block holds the latest arrival, 6). The third duplicate (170) fast-retransmits
   * 2; recovery runs until everything up to 9 (highest sent) is ACKed. At 220
   * the SACK for 8 makes three SACKed segments above 5 (6,7,8): 5 is deemed lost
   * and resent then, without waiting for another RTO.
   */
  const r = run({ protocol: 'tcp', window: 8, packets: 16, lose: [2, 5] });
  test('2 by fast retransmit, 5 by SACK-based loss detection; no timeout', () => {
    expect(of(r, 'retransmit').map((e) => [e.packet, e.time, e.reason])).toEqual([
      [2, 170, 'fast-retransmit'],
      [5, 220, 'sack-loss'],
    ]);
    expect(of(r, 'ack-recv').find((e) => e.time === 170)!.sack).toEqual([
      { left: 6, right: 7 },
      { left: 3, right: 5 },
    ]);
    expect(r.stats.timeouts).toBe(0);
  });
});

describe('TCP, lost retransmission: RTO and backoff', () => {
  /*
   * Packet 0 is the only packet, and its first copy is lost: no duplicate ACKs
   * can come. The RTO (300) fires at 300, resends 0 and doubles to 600.
   */
  const r = run({ protocol: 'tcp', window: 4, packets: 1, lose: [0] });
  test('timeout at 300, retransmit, RTO doubled', () => {
    expect(of(r, 'timeout').map((e) => e.time)).toEqual([300]);
    expect(of(r, 'retransmit').map((e) => [e.packet, e.time, e.reason])).toEqual([[0, 300, 'timeout']]);
    expect(of(r, 'timer-start').find((e) => e.time === 300)!.at).toBe(900);
  });
});

describe('sequence numbers wrap', () => {
  test('GBN with window 3 in a space of 4 delivers 20 packets through losses of data and ACKs', () => {
    const r = run({ protocol: 'go-back-n', window: 3, seqSpace: 4, packets: 20, lose: [1, 4, 9], loseAcks: [5, 6, 7] });
    expect(r.delivered).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect(of(r, 'send').find((e) => e.packet === 6)!.seq).toBe(2);
  });
  test('SR with window 2 in a space of 4 re-ACKs an old copy whose ACK was lost', () => {
    // ACKs for 0 and 1 are lost: the receiver has moved to [2,4) when copies of 0 and 1 (seq 0, 1) come again.
    const r = run({ protocol: 'selective-repeat', window: 2, seqSpace: 4, packets: 6, loseAcks: [0, 1] });
    expect(r.delivered).toEqual([0, 1, 2, 3, 4, 5]);
    const dup = of(r, 'discard').filter((e) => e.reason === 'duplicate');
    expect(dup.map((e) => e.packet)).toEqual([0, 1]);
    expect(r.events.filter((e) => e.kind === 'ack-send' && e.i > dup[0].i).map((e) => e.packet).slice(0, 1)).toEqual([0]);
  });
});

describe('validation', () => {
  test('Selective Repeat refuses a window larger than seqSpace / 2, with a message in both languages', () => {
    const r = runArq({ protocol: 'selective-repeat', window: 9, seqSpace: 16 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].field).toBe('window');
    expect(r.issues[0].message.en).toMatch(/seqSpace \/ 2/);
    expect(r.issues[0].message.en).toContain('16 / 2 = 8');
    expect(r.issues[0].message.ko).toContain('절반');
    expect(runArq({ protocol: 'selective-repeat', window: 8, seqSpace: 16 }).ok).toBe(true);
  });
  test('TCP has the same bound as Selective Repeat', () => {
    expect(runArq({ protocol: 'tcp', window: 5, seqSpace: 8 }).ok).toBe(false);
    expect(runArq({ protocol: 'tcp', window: 4, seqSpace: 8 }).ok).toBe(true);
  });
  test('Go-Back-N refuses a window larger than seqSpace - 1', () => {
    const r = runArq({ protocol: 'go-back-n', window: 16, seqSpace: 16 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message.en).toContain('seqSpace − 1');
    expect(runArq({ protocol: 'go-back-n', window: 15, seqSpace: 16 }).ok).toBe(true);
  });
  test('stop-and-wait runs with window 1 whatever is asked', () => {
    const v = validateArqConfig({ protocol: 'stop-and-wait', window: 9, seqSpace: 2 });
    expect(v.ok && v.config.window).toBe(1);
  });
  test('out-of-range fields are reported, not thrown', () => {
    const r = runArq({ packets: 41, window: 0, loss: 0.6, lose: [-1], protocol: 'nope' as never });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.field).sort()).toEqual(['lose', 'loss', 'packets', 'protocol', 'window']);
  });
});

describe('event cap', () => {
  test('a run that reaches the cap stops and says so', () => {
    const v = validateArqConfig({ protocol: 'go-back-n', window: 16, packets: 40, loss: 0.5, timeout: 20 });
    if (!v.ok) throw new Error('invalid');
    const r = simulateArqForTest(v.config, 200);
    expect(r.capped).toBe(true);
    expect(r.complete).toBe(false);
    expect(r.events.length).toBeLessThanOrEqual(200 + 20);
    expect(r.capMessage!.en).toContain('200');
    expect(r.capMessage!.ko).toContain('200');
  });
});

describe('stats', () => {
  test('utilization is transmissions * sendInterval / finishTime', () => {
    const r = run({ protocol: 'go-back-n', window: 4, packets: 8, lose: [2] });
    // 12 transmissions of 10 ms; the last ACK (7) arrives at 650.
    expect(r.stats.finishTime).toBe(650);
    expect(r.stats.transmissions).toBe(12);
    expect(r.stats.utilization).toBe(0.185);
  });
});
