/** The machines alone: pure (state, input) -> { state, effects }, effects as data. */
import { describe, expect, test } from 'vitest';
import { gbnReceiver, gbnSender, sackBlocks, srReceiver, srSender, tcpReceiver, tcpSender, type MachineParams } from './index';
import { eul, ga, ro, wa } from './ko';

const P = (over: Partial<MachineParams> = {}): MachineParams => ({ window: 4, packets: 10, seqSpace: 8, timeout: 100, ...over });

describe('Go-Back-N sender', () => {
  test('start sends packet 0 and starts the one timer; the link then stays busy', () => {
    const s0 = gbnSender.init(P());
    const r = gbnSender.step(s0, { type: 'start' });
    expect(r.effects).toEqual([
      { kind: 'send', n: 0, packet: { seq: 0, payload: 0 }, retransmission: false, reason: null },
      { kind: 'timer-start', timer: 'rto', ms: 100, n: 0 },
    ]);
    expect(gbnSender.step(r.state, { type: 'start' }).effects).toEqual([]);
    expect(s0.nextSeq).toBe(0); // the old state is not mutated
  });
  test('a duplicate ACK (base - 1) changes nothing', () => {
    let s = gbnSender.init(P());
    for (let i = 0; i < 4; i++) s = gbnSender.step(s, { type: i === 0 ? 'start' : 'link-free' }).state;
    s = gbnSender.step(s, { type: 'link-free' }).state;
    s = gbnSender.step(s, { type: 'ack', ack: { ack: 0, sack: [] } }).state; // base 1
    const r = gbnSender.step(s, { type: 'ack', ack: { ack: 0, sack: [] } });
    expect(r.effects[0]).toMatchObject({ kind: 'ack-handled', verdict: 'duplicate' });
    expect(gbnSender.view(r.state)).toEqual(gbnSender.view(s));
  });
});

describe('Go-Back-N receiver', () => {
  test('in order: deliver and ACK; out of order: discard and re-ACK the last in-order', () => {
    const r0 = gbnReceiver.init(P());
    const a = gbnReceiver.step(r0, { type: 'data', packet: { seq: 1, payload: 1 } });
    expect(a.effects).toEqual([{ kind: 'discard', payload: 1, reason: 'out-of-order' }]); // nothing to re-ACK yet
    const b = gbnReceiver.step(r0, { type: 'data', packet: { seq: 0, payload: 0 } });
    expect(b.effects.map((e) => e.kind)).toEqual(['deliver', 'ack']);
    const c = gbnReceiver.step(b.state, { type: 'data', packet: { seq: 2, payload: 2 } });
    expect(c.effects).toEqual([
      { kind: 'discard', payload: 2, reason: 'out-of-order' },
      { kind: 'ack', ack: { ack: 0, sack: [] }, names: 0, sackAbs: [] },
    ]);
  });
});

describe('Selective Repeat', () => {
  test('receiver re-ACKs a copy from the previous window after the numbers wrap', () => {
    // seqSpace 4, window 2: after delivering 0 and 1, the window is [2,4) = seq 2,3.
    let s = srReceiver.init(P({ window: 2, seqSpace: 4 }));
    s = srReceiver.step(s, { type: 'data', packet: { seq: 0, payload: 0 } }).state;
    s = srReceiver.step(s, { type: 'data', packet: { seq: 1, payload: 1 } }).state;
    const old = srReceiver.step(s, { type: 'data', packet: { seq: 0, payload: 0 } });
    expect(old.effects).toEqual([
      { kind: 'discard', payload: 0, reason: 'duplicate' },
      { kind: 'ack', ack: { ack: 0, sack: [] }, names: 0, sackAbs: [] },
    ]);
    const fresh = srReceiver.step(s, { type: 'data', packet: { seq: 3, payload: 3 } });
    expect(fresh.effects[0]).toEqual({ kind: 'buffer', payload: 3 });
    expect(srReceiver.view(fresh.state)).toEqual({ expected: 2, window: 2, buffered: [3] });
  });
  test('sender: a timeout for one packet resends only that packet', () => {
    let s = srSender.init(P());
    s = srSender.step(s, { type: 'start' }).state;
    for (let i = 0; i < 3; i++) s = srSender.step(s, { type: 'link-free' }).state;
    s = srSender.step(s, { type: 'link-free' }).state;
    const r = srSender.step(s, { type: 'timeout', timer: 'pkt-1' });
    expect(r.effects.filter((e) => e.kind === 'send')).toEqual([
      { kind: 'send', n: 1, packet: { seq: 1, payload: 1 }, retransmission: true, reason: 'timeout' },
    ]);
  });
});

describe('TCP', () => {
  test('receiver: SACK blocks, most recent first, at most 3', () => {
    expect(
      sackBlocks([
        { n: 3, stamp: 1 },
        { n: 4, stamp: 2 },
        { n: 7, stamp: 3 },
        { n: 10, stamp: 4 },
        { n: 12, stamp: 5 },
      ]),
    ).toEqual([
      { left: 12, right: 13 },
      { left: 10, right: 11 },
      { left: 7, right: 8 },
    ]);
    let s = tcpReceiver.init(P({ window: 8, seqSpace: 16 }));
    s = tcpReceiver.step(s, { type: 'data', packet: { seq: 0, payload: 0 } }).state;
    const r = tcpReceiver.step(s, { type: 'data', packet: { seq: 2, payload: 2 } });
    expect(r.effects.at(-1)).toEqual({ kind: 'ack', ack: { ack: 1, sack: [{ left: 2, right: 3 }] }, names: 1, sackAbs: [{ left: 2, right: 3 }] });
  });
  test('sender: the third duplicate ACK, not the second, fast-retransmits', () => {
    let s = tcpSender.init(P({ window: 8, seqSpace: 16 }));
    s = tcpSender.step(s, { type: 'start' }).state;
    for (let i = 0; i < 7; i++) s = tcpSender.step(s, { type: 'link-free' }).state;
    s = tcpSender.step(s, { type: 'ack', ack: { ack: 1, sack: [] } }).state;
    const dup = (k: number) => ({ type: 'ack' as const, ack: { ack: 1, sack: [{ left: 2, right: 2 + k }] } });
    s = tcpSender.step(s, { type: 'link-free' }).state;
    s = tcpSender.step(s, dup(1)).state;
    const second = tcpSender.step(s, dup(2));
    expect(second.effects.some((e) => e.kind === 'send')).toBe(false);
    const third = tcpSender.step(second.state, dup(3));
    expect(third.effects[0]).toMatchObject({ kind: 'ack-handled', verdict: 'duplicate', dupAcks: 3, fastRetransmit: true });
    // The link is still busy with packet 8, so the retransmission waits for it.
    expect(tcpSender.view(third.state)).toMatchObject({ acked: [2, 3, 4], queued: [1], dupAcks: 3 });
    const free = tcpSender.step(third.state, { type: 'link-free' });
    expect(free.effects).toEqual([
      { kind: 'send', n: 1, packet: { seq: 1, payload: 1 }, retransmission: true, reason: 'fast-retransmit' },
    ]);
  });
});

describe('Korean particles', () => {
  test('follow the Sino-Korean reading of the last number', () => {
    expect(eul('패킷 2')).toBe('패킷 2를');
    expect(eul('패킷 3')).toBe('패킷 3을');
    expect(eul('ACK 10')).toBe('ACK 10을');
    expect(ga('패킷 5')).toBe('패킷 5가');
    expect(ga('패킷 6')).toBe('패킷 6이');
    expect(ro('[1, 5)')).toBe('[1, 5)로');
    expect(ro('[2, 6)')).toBe('[2, 6)으로');
    expect(ro('[0, 7)')).toBe('[0, 7)로');
    expect(wa('ACK 1')).toBe('ACK 1과');
    expect(wa('ACK 4')).toBe('ACK 4와');
    expect(eul('패킷 5(순서 번호 1)')).toBe('패킷 5(순서 번호 1)를');
  });
});
