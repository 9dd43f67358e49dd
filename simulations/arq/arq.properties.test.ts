/**
 * Property tests: for every protocol, 500 seeds; each seed draws a config
 * (window = 1 + seed % 16, so every window 1–16 appears ~31 times per protocol;
 * packets, timing, loss up to 0.5, explicit drops, and for half the seeds the
 * tightest legal sequence-number space, so numbers wrap often).
 */
import { describe, expect, test } from 'vitest';
import { createRandom } from '../core/random';
import { ARQ_EVENT_CAP, maxWindow, runArq, type ArqConfig, type ArqEvent, type ArqProtocol, type ArqResult } from './index';

const SEEDS = 500;

function sampleConfig(protocol: ArqProtocol, seed: number): ArqConfig {
  const r = createRandom(seed).fork(`cfg:${protocol}`);
  const window = protocol === 'stop-and-wait' ? 1 : 1 + (seed % 16);
  const packets = r.int(1, 40);
  const tight = r.chance(0.5);
  const minSpace = protocol === 'go-back-n' || protocol === 'stop-and-wait' ? window + 1 : 2 * window;
  const seqSpace = tight ? minSpace : r.int(Math.max(minSpace, 32), 64);
  const pick = (p: number) => Array.from({ length: packets }, (_, n) => n).filter(() => r.chance(p));
  return {
    protocol,
    window,
    packets,
    seqSpace,
    timeout: r.int(40, 600),
    oneWayDelay: r.int(0, 100),
    sendInterval: r.int(1, 20),
    loss: [0, 0.05, 0.2, 0.35, 0.5][r.int(0, 4)],
    lose: pick(0.15),
    loseAcks: pick(0.15),
    seed,
  };
}

function run(cfg: ArqConfig): ArqResult {
  const r = runArq(cfg);
  if (!r.ok) throw new Error(`config refused: ${JSON.stringify(cfg)} ${JSON.stringify(r.issues)}`);
  return r;
}

/** Checks shared by all protocols; returns a message on the first violation, or null. */
function commonViolation(cfg: ArqConfig, r: ArqResult): string | null {
  if (r.capped) return `hit the event cap (${r.events.length} events)`;
  if (r.events.length >= ARQ_EVENT_CAP) return 'reached the cap';
  if (!r.complete) return 'did not complete';
  const want = Array.from({ length: cfg.packets }, (_, n) => n);
  if (JSON.stringify(r.delivered) !== JSON.stringify(want)) return `delivered ${r.delivered.join(',')}`;
  let delivers = 0;
  let prev = 0;
  let transmissions = 0;
  for (const e of r.events) {
    if (e.time < prev) return `time went back at event ${e.i}`;
    prev = e.time;
    if (e.kind === 'deliver') {
      if (e.packet !== delivers) return `event ${e.i}: delivered ${e.packet} when ${delivers} was due`;
      delivers++;
    }
    if (e.kind === 'send' || e.kind === 'retransmit') {
      transmissions++;
      if (e.seq !== e.packet! % cfg.seqSpace) return `event ${e.i}: packet ${e.packet} carries seq ${e.seq}`;
    }
    if (e.sender.nextSeq - e.sender.base > cfg.window) return `event ${e.i}: ${e.sender.nextSeq - e.sender.base} outstanding > window ${cfg.window}`;
  }
  if (delivers !== cfg.packets) return `${delivers} deliver events`;
  if (transmissions !== r.stats.transmissions) return 'transmission count mismatch';
  return null;
}

function gbnViolation(r: ArqResult): string | null {
  for (const e of r.events) {
    if (e.kind === 'buffer') return `event ${e.i}: GBN receiver buffered packet ${e.packet}`;
    if (e.receiver.buffered.length > 0) return `event ${e.i}: GBN receiver holds ${e.receiver.buffered.join(',')}`;
    // A discard leaves the receiver unchanged, so its snapshot shows what it was waiting for.
    if (e.kind === 'discard' && e.packet === e.receiver.expected) return `event ${e.i}: discarded the expected packet ${e.packet}`;
  }
  return null;
}

/** SR: no packet is retransmitted after the sender learned it was acknowledged. */
function srViolation(r: ArqResult): string | null {
  const acked = new Set<number>();
  for (const e of r.events) {
    if (e.kind === 'ack-recv' && (e.reason === 'advance' || e.reason === 'marked')) acked.add(e.packet!);
    if (e.kind === 'retransmit' && acked.has(e.packet!)) return `event ${e.i}: retransmitted packet ${e.packet}, already acknowledged`;
    if (e.kind === 'timeout' && acked.has(e.packet!)) return `event ${e.i}: timer fired for acknowledged packet ${e.packet}`;
  }
  return null;
}

/** TCP: never retransmits below SND.UNA or a SACKed segment. */
function tcpViolation(r: ArqResult): string | null {
  let una = 0;
  const sacked = new Set<number>();
  for (const e of r.events) {
    if (e.kind === 'ack-recv' && e.reason !== 'stale') {
      una = Math.max(una, e.packet!);
      for (const b of e.sack) for (let n = b.left; n < b.right; n++) sacked.add(n);
    }
    if (e.kind === 'timeout') sacked.clear(); // RFC 2018 §8: the scoreboard is dropped after an RTO
    if (e.kind === 'retransmit') {
      if (e.packet! < una) return `event ${e.i}: retransmitted ${e.packet} below una ${una}`;
      if (sacked.has(e.packet!)) return `event ${e.i}: retransmitted SACKed segment ${e.packet}`;
    }
  }
  return null;
}

const EXTRA: Record<ArqProtocol, (r: ArqResult) => string | null> = {
  'stop-and-wait': gbnViolation,
  'go-back-n': gbnViolation,
  'selective-repeat': srViolation,
  tcp: tcpViolation,
};

describe.each(['stop-and-wait', 'go-back-n', 'selective-repeat', 'tcp'] as const)('%s', (protocol) => {
  test(`every packet delivered once, in order; protocol invariants hold; below the cap (${SEEDS} seeds)`, () => {
    const windows = new Set<number>();
    let wrapped = 0;
    let lossy = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const cfg = sampleConfig(protocol, seed);
      expect(cfg.window <= maxWindow(protocol, cfg.seqSpace), `seed ${seed}: sampled an illegal window`).toBe(true);
      const r = run(cfg);
      const why = commonViolation(cfg, r) ?? EXTRA[protocol](r);
      expect(why, `seed ${seed} ${JSON.stringify(cfg)}`).toBeNull();
      windows.add(cfg.window);
      if (cfg.packets > cfg.seqSpace) wrapped++;
      if (r.stats.dataLost + r.stats.acksLost > 0) lossy++;
    }
    expect(windows.size).toBe(protocol === 'stop-and-wait' ? 1 : 16);
    expect(wrapped, 'runs whose sequence numbers wrapped').toBeGreaterThan(100);
    expect(lossy, 'runs with at least one loss').toBeGreaterThan(300);
  });
});

describe('stop-and-wait is Go-Back-N (and Selective Repeat) with window 1', () => {
  const strip = (events: ArqEvent[]) => events.map(({ text: _t, ...rest }) => rest);
  test('delivered order and event log match over 500 seeds', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const cfg = { ...sampleConfig('stop-and-wait', seed), window: 1 };
      const sw = run(cfg);
      const gbn = run({ ...cfg, protocol: 'go-back-n' });
      const sr = run({ ...cfg, protocol: 'selective-repeat', seqSpace: Math.max(2, cfg.seqSpace) });
      expect(sw.delivered, `seed ${seed}`).toEqual(gbn.delivered);
      expect(sw.delivered, `seed ${seed}`).toEqual(sr.delivered);
      expect(strip(sw.events), `seed ${seed}: stop-and-wait log differs from GBN(1)`).toEqual(strip(gbn.events));
      expect(sw.stats, `seed ${seed}`).toEqual(gbn.stats);
    }
  });
});
