import { describe, expect, it } from 'vitest';
import { createTcb, step, type Effect, type Tcb } from './machine';
import { flags, type Segment } from './segment';

const seg = (s: Partial<Segment> & { names: ('syn' | 'ack' | 'fin' | 'psh' | 'rst')[] }): Segment => ({
  srcPort: 80,
  dstPort: 50000,
  seq: s.seq ?? 0,
  ack: s.ack ?? 0,
  flags: flags(s.names),
  window: 65535,
  data: s.data ?? '',
});

/** A client that has completed the handshake: ISS 100, peer ISS 500. */
function established(): Tcb {
  let t = createTcb({ localPort: 50000, remotePort: 80, iss: 100, msl: 1000 });
  t = step(t, { type: 'open', mode: 'active' }).tcb;
  t = step(t, { type: 'segment', seg: seg({ names: ['syn', 'ack'], seq: 500, ack: 101 }) }).tcb;
  expect(t.state).toBe('ESTABLISHED');
  return t;
}
const sent = (fx: Effect[]) => fx.filter((f): f is Extract<Effect, { type: 'send' }> => f.type === 'send').map((f) => f.seg);

describe('TCP state machine (RFC 9293)', () => {
  it('active open sends a SYN with MSS, window scale and SACK-permitted, and arms the RTO', () => {
    const r = step(createTcb({ localPort: 50000, remotePort: 80, iss: 4294967295 }), { type: 'open', mode: 'active' });
    expect(r.tcb.state).toBe('SYN-SENT');
    const [syn] = sent(r.effects);
    expect(syn.flags.syn).toBe(true);
    expect(syn.seq).toBe(4294967295);
    expect(syn.options).toEqual({ mss: 1460, wscale: 7, sackPermitted: true });
    // The SYN consumes one number: sndNxt wraps around 2^32 to 0.
    expect(r.tcb.sndNxt).toBe(0);
    expect(r.effects).toContainEqual({ type: 'start-timer', timer: 'rtx', ms: 1000 });
  });

  it('SYN-SENT ignores a SYN-ACK whose ack does not acknowledge our SYN', () => {
    let t = createTcb({ localPort: 1, remotePort: 2, iss: 100 });
    t = step(t, { type: 'open', mode: 'active' }).tcb;
    const r = step(t, { type: 'segment', seg: seg({ names: ['syn', 'ack'], seq: 7, ack: 100 }) });
    expect(r.tcb.state).toBe('SYN-SENT');
    expect(r.effects).toContainEqual({ type: 'drop', why: 'bad-ack' });
  });

  it('holds a segment that arrives ahead of rcvNxt and processes it once the gap is filled (late data before FIN)', () => {
    const t = established();
    // The peer's FIN (seq 510) overtakes its 10 bytes of data (seq 500+1 = 501..510).
    const fin = step(t, { type: 'segment', seg: seg({ names: ['fin', 'ack'], seq: 511, ack: 101 }) });
    expect(fin.tcb.state).toBe('ESTABLISHED');
    expect(sent(fin.effects)).toHaveLength(1);
    expect(sent(fin.effects)[0].ack).toBe(501); // still waiting for byte 501
    const data = step(fin.tcb, { type: 'segment', seg: seg({ names: ['psh', 'ack'], seq: 501, ack: 101, data: '0123456789' }) });
    expect(data.effects).toContainEqual({ type: 'deliver', data: '0123456789' });
    expect(data.tcb.state).toBe('CLOSE-WAIT');
    // One ACK covers both: 10 data bytes and the FIN.
    expect(sent(data.effects).map((s) => s.ack)).toEqual([512]);
  });

  it('in TIME-WAIT, a retransmitted FIN is ACKed again and the 2MSL timer restarts', () => {
    let t = established();
    t = step(t, { type: 'close' }).tcb; // FIN seq 101
    t = step(t, { type: 'segment', seg: seg({ names: ['ack'], seq: 501, ack: 102 }) }).tcb;
    expect(t.state).toBe('FIN-WAIT-2');
    t = step(t, { type: 'segment', seg: seg({ names: ['fin', 'ack'], seq: 501, ack: 102 }) }).tcb;
    expect(t.state).toBe('TIME-WAIT');
    const again = step(t, { type: 'segment', seg: seg({ names: ['fin', 'ack'], seq: 501, ack: 102 }) });
    expect(again.tcb.state).toBe('TIME-WAIT');
    expect(sent(again.effects)[0]).toMatchObject({ ack: 502, seq: 102 });
    expect(again.effects).toContainEqual({ type: 'start-timer', timer: 'time-wait', ms: 2000 });
    expect(step(again.tcb, { type: 'timeout', timer: 'time-wait' }).tcb.state).toBe('CLOSED');
  });

  it('simultaneous close goes FIN-WAIT-1 → CLOSING → TIME-WAIT', () => {
    let t = established();
    t = step(t, { type: 'close' }).tcb;
    const r1 = step(t, { type: 'segment', seg: seg({ names: ['fin', 'ack'], seq: 501, ack: 101 }) });
    expect(r1.tcb.state).toBe('CLOSING');
    const r2 = step(r1.tcb, { type: 'segment', seg: seg({ names: ['ack'], seq: 502, ack: 102 }) });
    expect(r2.tcb.state).toBe('TIME-WAIT');
  });

  it('a FIN that also ACKs our FIN takes FIN-WAIT-1 straight to TIME-WAIT', () => {
    let t = established();
    t = step(t, { type: 'close' }).tcb;
    const r = step(t, { type: 'segment', seg: seg({ names: ['fin', 'ack'], seq: 501, ack: 102 }) });
    expect(r.effects.filter((f) => f.type === 'transition')).toEqual([{ type: 'transition', from: 'FIN-WAIT-1', to: 'TIME-WAIT' }]);
  });

  it('retransmits the oldest unacked segment on timeout and doubles the RTO', () => {
    let t = established();
    t = step(t, { type: 'send', data: 'abc' }).tcb;
    const r = step(t, { type: 'timeout', timer: 'rtx' });
    expect(sent(r.effects)[0]).toMatchObject({ seq: 101, data: 'abc' });
    expect(r.effects).toContainEqual({ type: 'start-timer', timer: 'rtx', ms: 2000 });
    // The state machine did not mutate its input.
    expect(t.rto).toBe(1000);
  });
});

describe('window scaling (RFC 7323)', () => {
  it('advertises the SYN window unscaled and later windows shifted by the agreed scale', () => {
    let t = createTcb({ localPort: 50000, remotePort: 80, iss: 100, rcvWnd: 65535 });
    t = step(t, { type: 'open', mode: 'active' }).tcb;
    const synAck = { ...seg({ names: ['syn', 'ack'], seq: 500, ack: 101 }), options: { mss: 1460, wscale: 7, sackPermitted: true } };
    const r = step(t, { type: 'segment', seg: synAck });
    const [ack] = sent(r.effects);
    expect(ack.window).toBe(65535 >>> 7);
    // The peer's windows are scaled by its shift.
    const r2 = step(r.tcb, { type: 'send', data: 'x' });
    const r3 = step(r2.tcb, { type: 'segment', seg: { ...seg({ names: ['ack'], seq: 501, ack: 102 }), window: 100 } });
    expect(r3.tcb.sndWnd).toBe(100 << 7);
  });
  it('does not scale when the peer did not offer it', () => {
    let t = createTcb({ localPort: 50000, remotePort: 80, iss: 100 });
    t = step(t, { type: 'open', mode: 'active' }).tcb;
    const r = step(t, { type: 'segment', seg: seg({ names: ['syn', 'ack'], seq: 500, ack: 101 }) });
    expect(sent(r.effects)[0].window).toBe(65535);
  });
});

describe('retransmissions keep the scaled window', () => {
  it('a data segment resent after the RTO advertises the same scaled window as the first copy', () => {
    let t = createTcb({ localPort: 50000, remotePort: 80, iss: 100 });
    t = step(t, { type: 'open', mode: 'active' }).tcb;
    t = step(t, { type: 'segment', seg: { ...seg({ names: ['syn', 'ack'], seq: 500, ack: 101 }), options: { wscale: 7 } } }).tcb;
    const first = sent(step(t, { type: 'send', data: 'abc' }).effects)[0];
    t = step(t, { type: 'send', data: 'abc' }).tcb;
    const again = sent(step(t, { type: 'timeout', timer: 'rtx' }).effects)[0];
    expect(again.window).toBe(first.window);
    expect(again.window).toBe(65535 >>> 7);
  });
});

describe('RTO after a SYN timed out (RFC 6298 §5.7)', () => {
  const synAck = seg({ names: ['syn', 'ack'], seq: 500, ack: 101 });
  it('a client whose SYN timed out arms its first data timer with 3 s, not 1 s', () => {
    let t = step(createTcb({ localPort: 50000, remotePort: 80, iss: 100 }), { type: 'open', mode: 'active' }).tcb;
    const rtx = step(t, { type: 'timeout', timer: 'rtx' });
    expect(rtx.effects).toContainEqual({ type: 'start-timer', timer: 'rtx', ms: 2000 });
    t = step(rtx.tcb, { type: 'segment', seg: synAck }).tcb;
    expect(t.state).toBe('ESTABLISHED');
    const data = step(t, { type: 'send', data: 'abc' });
    expect(data.effects).toContainEqual({ type: 'start-timer', timer: 'rtx', ms: 3000 });
  });
  it('a server whose SYN-ACK timed out does the same once the handshake completes', () => {
    let t = step(createTcb({ localPort: 80, remotePort: 50000, iss: 500 }), { type: 'open', mode: 'passive' }).tcb;
    t = step(t, { type: 'segment', seg: seg({ names: ['syn'], seq: 100 }) }).tcb;
    t = step(t, { type: 'timeout', timer: 'rtx' }).tcb;
    t = step(t, { type: 'segment', seg: seg({ names: ['ack'], seq: 101, ack: 501 }) }).tcb;
    expect(t.state).toBe('ESTABLISHED');
    expect(step(t, { type: 'send', data: 'x' }).effects).toContainEqual({ type: 'start-timer', timer: 'rtx', ms: 3000 });
  });
  it('without a SYN timeout, data starts with the initial 1 s', () => {
    let t = step(createTcb({ localPort: 50000, remotePort: 80, iss: 100 }), { type: 'open', mode: 'active' }).tcb;
    t = step(t, { type: 'segment', seg: synAck }).tcb;
    expect(step(t, { type: 'send', data: 'abc' }).effects).toContainEqual({ type: 'start-timer', timer: 'rtx', ms: 1000 });
    // A data timeout backs off but does not raise the base: the next ACK brings back 1 s.
    t = step(t, { type: 'send', data: 'abc' }).tcb;
    t = step(t, { type: 'timeout', timer: 'rtx' }).tcb;
    t = step(t, { type: 'send', data: 'def' }).tcb;
    const acked = step(t, { type: 'segment', seg: seg({ names: ['ack'], seq: 501, ack: 104 }) });
    expect(acked.effects).toContainEqual({ type: 'start-timer', timer: 'rtx', ms: 1000 });
  });
});
