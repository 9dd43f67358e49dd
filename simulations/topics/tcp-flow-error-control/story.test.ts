/** The story layer's budget and the fields the renderer reads instead of protocol knowledge. */
import { describe, expect, it } from 'vitest';
import scenario, { scenarios, topic, simulate } from '.';
import { capture } from '../../capture';
import { findField } from '../../wire/fields';
import { withScenes, type MessageEntity, type TimerEntity } from '../../core/timeline';
import type { Segment } from '../../tcp/segment';

describe('size: a long lossy run stays small (JSON length is deterministic)', () => {
  it.each([
    ['error, 40 packets, 50 % loss, window 16', { view: 'error', packets: 40, loss: 50, window: 16 }],
    ['flow, 40 segments, buffer 1, persist 100 ms', { view: 'flow', packets: 40, loss: 0, window: 1, timeout: 100 }],
    ['flow, 40 segments, buffer 1, persist 100 ms, 50 % ACK loss', { view: 'flow', packets: 40, loss: 50, window: 1, timeout: 100 }],
  ])('%s: at most 400 kB', (_name, params) => {
    expect(JSON.stringify(simulate(params, 1)).length).toBeLessThanOrEqual(400_000);
  });
});

describe('scenarios', () => {
  it('exports error and flow as first-class scenarios, each with its own params, error first', () => {
    expect(topic.default).toBe('error');
    expect(Object.keys(scenarios)).toEqual(['error', 'flow']);
    expect(scenarios.error.params.map((p) => p.name)).toEqual(['protocol', 'window', 'loss', 'lose', 'timeout', 'packets', 'seqbits', 'seed']);
    expect(scenarios.flow.params.map((p) => p.name)).toEqual(['window', 'loss', 'timeout', 'packets', 'seed']);
    for (const s of Object.values(scenarios)) expect(s.label.ko.length > 0 && s.label.en.length > 0).toBe(true);
  });
  it('the default export (one scenario with a view param) gives the same stories', () => {
    const p = { protocol: 'tcp', loss: 20, packets: 12 };
    const a = scenarios.error.simulate(p, 3);
    const b = scenario.simulate({ ...p, view: 'error' }, 3);
    expect(JSON.stringify(a.steps)).toBe(JSON.stringify(b.steps));
    expect(JSON.stringify(a.spans)).toBe(JSON.stringify(b.spans));
    const f = scenarios.flow.simulate({ window: 3, loss: 30 }, 2);
    const g = scenario.simulate({ view: 'flow', window: 3, loss: 30 }, 2);
    expect(JSON.stringify(f.spans)).toBe(JSON.stringify(g.spans));
  });
});

describe('what the renderer reads', () => {
  it('actors carry a role; messages a tone and a chip', () => {
    for (const view of ['error', 'flow']) {
      const tl = withScenes(simulate({ view, loss: 30 }, 4));
      const s = tl.steps[tl.steps.length - 1].scene.entities;
      expect(s.sender).toMatchObject({ kind: 'actor', role: 'sender' });
      expect(s.receiver).toMatchObject({ kind: 'actor', role: 'receiver' });
      for (const span of tl.spans) {
        if (span.entity.kind !== 'message') continue;
        const m = span.entity as MessageEntity;
        expect(m.tone).toBe(m.from === 'sender' ? 'data' : 'ack');
        expect(m.chip!.length).toBeGreaterThan(0);
        expect(m.chip!.length).toBeLessThanOrEqual(14);
      }
    }
  });

  it("Selective Repeat's concurrent timers get lanes of their own", () => {
    const tl = withScenes(simulate({ protocol: 'selective-repeat', window: 8, packets: 16, lose: [2, 5] }, 1));
    let most = 0;
    for (const step of tl.steps) {
      const timers = Object.values(step.scene.entities).filter((e): e is TimerEntity => e.kind === 'timer' && e.on === 'sender');
      const lanes = timers.map((x) => x.lane);
      expect(new Set(lanes).size, `step at ${step.t} ms`).toBe(lanes.length);
      most = Math.max(most, timers.length);
    }
    expect(most).toBeGreaterThanOrEqual(8);
  });

  it('textbook protocols say they have no wire format; TCP gives real segments with SACK options', () => {
    for (const protocol of ['stop-and-wait', 'go-back-n', 'selective-repeat']) {
      const tl = simulate({ protocol }, 1);
      expect(tl.noPackets?.en).toMatch(/no wire format/);
      expect(capture(tl)).toEqual([]);
    }
    const tl = simulate({ protocol: 'tcp', window: 8, packets: 12, lose: [2, 5] }, 1);
    expect(tl.noPackets).toBeUndefined();
    const packets = capture(tl);
    const sacked = packets.filter((p) => findField(p.dissection.layers, 'tcp.options.sack_le'));
    expect(sacked.length).toBeGreaterThan(3);
    for (const p of sacked) {
      // "ACK seq=1 ack=201 SACK 301-601": the label names the bytes the option carries.
      const le = findField(p.dissection.layers, 'tcp.options.sack_le')!.value;
      const re = findField(p.dissection.layers, 'tcp.options.sack_re')!.value;
      expect(p.label).toContain(`SACK ${le}-${re}`);
      expect(Number(re)).toBeGreaterThan(Number(le));
    }
  });

  it('the window probe is a real segment with new data, numbered in relative sequence numbers', () => {
    const tl = withScenes(simulate({ view: 'flow' }, 1));
    const probe = tl.spans.map((s) => s.entity).find((e): e is MessageEntity => e.kind === 'message' && e.label.endsWith('(probe)'))!;
    const seg = (probe.packet!.fields as { seg: Segment }).seg;
    expect(seg.data.length).toBeGreaterThanOrEqual(1);
    // Segments 0–3 (bytes 1–400) were sent and acknowledged; the probe carries the next byte, 401.
    expect(seg.seq).toBe(401);
    expect(tl.steps.find((s) => s.key === 'probe')!.narration.en).toMatch(/new data \(RFC 9293 §3\.8\.6\.1: at least one octet\)/);
    expect((tl.steps[0].scene.entities.sender as { sublabel?: string }).sublabel).toContain('rel. seq');
    expect(tl.steps[0].narration.en).toMatch(/relative/);
  });
});
