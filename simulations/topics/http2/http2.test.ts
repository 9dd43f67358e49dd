import { describe, expect, it } from 'vitest';
import { HpackDecoder } from '../../wire/hpack';
import { decodeHttp2, HTTP2_SETTINGS } from '../../wire/http2';
import { buildH2 } from './h2';
import { interleave } from './schedule';
import { requestHeaders, RESOURCES } from './site';
import { runConns, unitOffsets } from './conn';
import type { WireUnit } from './secure';
import scenario from './index';

describe('HTTP/2 frames and HPACK', () => {
  for (const tableSize of [4096, 256, 0]) {
    for (const priority of [true, false]) {
      it(`the request blocks decode back to the requests with a separate decoder (table ${tableSize}, priority ${priority})`, () => {
        const c = buildH2({ streams: 10, priority, tableSize, seed: 5 });
        // The decoder knows only what the wire says: its limit comes from the server's SETTINGS.
        const dec = new HpackDecoder(4096);
        const got: { id: number; headers: { name: string; value: string }[] }[] = [];
        for (const u of c.units) {
          const { frames } = decodeHttp2(u.bytes);
          for (const f of frames) {
            if (u.from === 'server' && f.type === 'SETTINGS' && !f.ack) {
              const limit = f.settings.find(([id]) => id === HTTP2_SETTINGS.HEADER_TABLE_SIZE)![1];
              expect(limit).toBe(tableSize);
              dec.maxTableSizeLimit = limit;
            }
            if (u.from === 'client' && f.type === 'HEADERS') got.push({ id: f.streamId, headers: dec.decode(f.headerBlock) });
            expect(dec.table.size).toBeLessThanOrEqual(tableSize);
          }
        }
        expect(got.map((g) => g.id)).toEqual(RESOURCES.map((_, i) => 2 * i + 1));
        got.forEach((g, i) => expect(g.headers).toEqual(requestHeaders(RESOURCES[i], 5, priority)));
      });
    }
  }

  it('the dynamic table never exceeds SETTINGS_HEADER_TABLE_SIZE, and entries cost name + value + 32', () => {
    for (const tableSize of [0, 64, 100, 200, 300, 512, 1000, 4096]) {
      for (const b of buildH2({ streams: 10, priority: true, tableSize, seed: 9 }).blocks) {
        expect(b.tableSize).toBeLessThanOrEqual(tableSize);
        expect(b.tableSize).toBe(b.table.reduce((n, e) => n + e.size, 0));
        for (const e of b.table) expect(e.size).toBe(e.name.length + e.value.length + 32);
      }
    }
  });

  it('later header blocks are no larger than the first one; with no dynamic table nothing shrinks much', () => {
    const big = buildH2({ streams: 10, priority: true, tableSize: 4096, seed: 2 }).blocks;
    for (const b of big.slice(1)) expect(b.bytes).toBeLessThanOrEqual(big[0].bytes);
    // The same requests with the table at 0: every later block is larger than with a table.
    const none = buildH2({ streams: 10, priority: true, tableSize: 0, seed: 2 }).blocks;
    none.slice(1).forEach((b, i) => expect(b.bytes).toBeGreaterThan(big[i + 1].bytes));
    expect(none.every((b) => b.table.length === 0)).toBe(true);
    // Hand-checked: the second request of a 4096 table re-uses :authority, user-agent, cookie... as indices.
    expect(big[1].fields.filter((f) => f.kind === 'indexed' && (f.index ?? 0) > 61).map((f) => f.name)).toEqual(
      expect.arrayContaining([':authority', 'user-agent', 'accept-encoding', 'accept-language', 'cookie']),
    );
  });

  it('evictions happen when the table is full, oldest first', () => {
    const blocks = buildH2({ streams: 10, priority: true, tableSize: 200, seed: 1 }).blocks;
    const ev = blocks.flatMap((b) => b.evicted);
    expect(ev.length).toBeGreaterThan(0);
    expect(blocks.every((b) => b.tableMax === 200)).toBe(true);
    expect(blocks[0].sizeUpdate).toBe(200);
  });
});

describe('RFC 9218 scheduling', () => {
  it('priority on: lower urgency first, non-incremental one after another, incremental in turns', () => {
    const order = interleave([
      { streamId: 3, urgency: 5, incremental: true, frames: 3 },
      { streamId: 5, urgency: 0, incremental: false, frames: 2 },
      { streamId: 7, urgency: 1, incremental: false, frames: 2 },
      { streamId: 9, urgency: 5, incremental: true, frames: 2 },
    ], true);
    expect(order).toEqual([5, 5, 7, 7, 3, 9, 3, 9, 3]);
  });
  it('priority off: round-robin in stream order', () => {
    expect(interleave([{ streamId: 3, urgency: 5, incremental: true, frames: 2 }, { streamId: 5, urgency: 0, incremental: false, frames: 3 }], false)).toEqual([3, 5, 3, 5, 5]);
  });
});

describe('TCP head-of-line blocking', () => {
  /** The HTTP/2 records as plaintext units (TLS adds only a fixed overhead per record). */
  const plain = (streams: number, priority: boolean): WireUnit[] =>
    buildH2({ streams, priority, tableSize: 4096, seed: 1 }).units.map((u, i) => ({ from: u.from, label: String(i), bytes: u.bytes, lossy: u.lossy, app: i }));

  it('no response byte past a lost segment reaches the app before the retransmission arrives, over many seeds', () => {
    let losses = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const units = plain(10, seed % 2 === 0);
      const offs = unitOffsets(units);
      const tr = runConns([{ id: 'h2', units, clientPort: 50000, serverPort: 443, iss: { client: 1000, server: 5000 } }], 20, seed);
      expect(tr.truncated).toBe(false);
      const received = new Map<number, number>();
      for (const e of tr.entries) for (const n of e.notes) if (n.actor === 'client' && n.note.type === 'unit-received') received.set(n.note.unit, e.t);
      // Every server unit arrives in the end.
      units.forEach((u, i) => { if (u.from === 'server') expect(received.has(i), `seed ${seed} unit ${i}`).toBe(true); });
      for (const w of tr.wires.filter((x) => x.lost && x.from === 'server')) {
        losses++;
        const repair = tr.wires.find((x) => x.from === 'server' && !x.lost && x.msg.off === w.msg.off && x.sentAt > w.sentAt)!;
        expect(repair, `seed ${seed}: a retransmission`).toBeDefined();
        for (const [i, t] of received) {
          if (units[i].from === 'server' && offs[i].end > w.msg.off) expect(t, `seed ${seed} unit ${i}`).toBeGreaterThanOrEqual(repair.endAt);
        }
      }
    }
    expect(losses).toBeGreaterThan(20);
  });
});

describe('the scenario', () => {
  it('is deterministic, carries a key log, and shows the HoL steps under loss', () => {
    const a = scenario.simulate({ loss: 10, compare: 'none' }, 3);
    const b = scenario.simulate({ loss: 10, compare: 'none' }, 3);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.tlsKeyLog).toMatch(/^CLIENT_HANDSHAKE_TRAFFIC_SECRET /m);
    const keys = a.steps.map((s) => s.key).filter(Boolean);
    expect(keys).toEqual(expect.arrayContaining(['syn', 'client-hello', 'settings', 'preface', 'requests', 'interleave', 'lost', 'hol', 'rto', 'page-loaded', 'close']));
    expect(keys.indexOf('lost')).toBeLessThan(keys.indexOf('hol'));
    expect(keys.indexOf('hol')).toBeLessThan(keys.indexOf('rto'));
  });
});

describe('the HPACK panel', () => {
  it('keeps the dynamic table the last request block left, to the end of the run', async () => {
    const { withScenes } = await import('../../core/timeline');
    const sc = (await import('.')).default;
    const tl = withScenes(sc.simulate({}, 1));
    const last = tl.steps[tl.steps.length - 1].scene.entities.hpack as unknown as { dynamic: unknown[]; blocks: unknown[] };
    expect(last.blocks.length).toBeGreaterThan(1);
    expect(last.dynamic.length).toBeGreaterThan(0);
  });
});
