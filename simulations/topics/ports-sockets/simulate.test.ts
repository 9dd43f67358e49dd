import { describe, expect, it } from 'vitest';
import { simulate as simulateStory, params } from '.';
import { capture } from '../../capture';
import type { CountersEntity, NodeEntity, PacketEntity, FullTimeline as Timeline } from '../../core/timeline';
import { seqAdd } from '../../tcp/seq';
import { dataLength, segLen } from '../../tcp/segment';
import { EPHEMERAL, REQUEST, responseFor, runWorld, SERVER_IP, SERVICE_PORT, WRONG_PORT, type Packet, type WorldResult } from './world';
import { packetLabel } from './layout';
import { withScenes } from '../../core/timeline';
import type { ParamValues as SimParams } from '../../core/params';

const simulate = (p: Partial<SimParams>, seed: number) => withScenes(simulateStory(p as SimParams, seed));

const PROTOCOLS = ['tcp', 'udp'] as const;
const COMBOS = PROTOCOLS.flatMap((protocol) => [1, 2, 3, 4, 5, 6].map((clients) => ({ protocol, clients })));
const SEEDS = Array.from({ length: 60 }, (_, i) => i * 7919 + 1);

const nodesOf = (tl: Timeline, i: number) => Object.values(tl.steps[i].scene.entities).filter((e): e is NodeEntity => e.kind === 'node');
const packetsOf = (tl: Timeline, i: number) => Object.values(tl.steps[i].scene.entities).filter((e): e is PacketEntity => e.kind === 'packet');
const tableOf = (tl: Timeline, i: number) => tl.steps[i].scene.entities.table as CountersEntity;
/** Client sockets are named c<client>-s<attempt>; the server's connection for one is srv-c<client>-s<attempt>. */
const attemptOf = (w: WorldResult, p: Packet) => w.moments.flatMap((m) => m.clients).find((c) => c && c.port === (p.toServer ? p.src.port : p.dst.port))!.id;

describe('ports-sockets simulation', () => {
  it('declares protocol first (an enum), then clients 1–6, then the seed', () => {
    expect(params.map((p) => p.name)).toEqual(['protocol', 'clients', 'seed']);
    expect(params[0]).toMatchObject({ kind: 'enum', default: 'tcp' });
    expect(params[1]).toMatchObject({ kind: 'int', min: 1, max: 6, default: 3 });
  });

  it('is deterministic: same params and seed give the same timeline, byte for byte', () => {
    for (const c of COMBOS) {
      expect(JSON.stringify(simulate(c, 42)), `${c.protocol} ${c.clients}`).toBe(JSON.stringify(simulate(c, 42)));
    }
    expect(JSON.stringify(simulate({}, 1))).not.toBe(JSON.stringify(simulate({}, 2)));
  });

  it('clamps bad input instead of throwing', () => {
    const tl = simulate({ protocol: 'bogus', clients: 99 }, 3);
    expect(tl.params).toMatchObject({ protocol: 'tcp', clients: 6 });
    expect(tl.steps.length).toBeGreaterThan(2);
  });

  for (const c of COMBOS) {
    it(`every seed gives a sound timeline: protocol=${c.protocol} clients=${c.clients}`, { timeout: 120_000 }, () => {
      for (const seed of SEEDS) {
        const ctx = `seed ${seed}`;
        const tl = simulate(c, seed);
        const w = runWorld(c.protocol, c.clients, seed);
        // Step count: one per moment, plus the summary. Each client takes 6 moments over TCP
        // (SYN out, SYN in, SYN-ACK in, ACK+request in, response in, ACK in) or 3 over UDP
        // (datagram out, in, echo in); the last client's wrong port adds 3 (out, in, answer in);
        // one moment for bind/listen. Clients never share a moment (the 7 ms grid in world.ts).
        const per = c.protocol === 'tcp' ? 6 : 3;
        expect(tl.steps.length, ctx).toBe(w.moments.length + 1);
        expect(tl.steps.length, ctx).toBe(1 + per * c.clients + 3 + 1);
        for (const m of w.moments.slice(1)) expect(new Set(m.facts.map((f) => ('client' in f ? f.client : 0))).size, `${ctx} t=${m.t}`).toBe(1);
        const keys = tl.steps.map((s) => s.key).filter(Boolean);
        expect(new Set(keys).size, ctx).toBe(keys.length);
        const want = ['bind', 'connect', 'closed-port', 'refused', 'retry', 'demux', 'reply', 'summary'];
        if (c.protocol === 'tcp') want.push('syn-listener');
        if (c.clients >= 2) want.push('demux-2');
        for (const k of want) expect(keys, `${ctx} ${k}`).toContain(k);
        let t = -1;
        tl.steps.forEach((s, i) => {
          const where = `${ctx} step ${i + 1}`;
          expect(s.t, where).toBeGreaterThanOrEqual(t);
          t = s.t;
          for (const lang of ['ko', 'en'] as const) {
            expect(s.narration[lang].length, where).toBeGreaterThan(20);
            expect(s.caption[lang].length, where).toBeGreaterThan(3);
            expect(s.caption[lang].length, where).toBeLessThanOrEqual(80);
          }
          // Every packet runs between nodes of its scene; labels stay short; geometry stays on stage.
          const nodes = nodesOf(tl, i);
          const ids = new Set(nodes.map((n) => n.id));
          for (const p of packetsOf(tl, i)) {
            expect(ids.has(p.from) && ids.has(p.to), `${where} ${p.id} ${p.from}→${p.to}`).toBe(true);
            expect(p.progress, where).toBeGreaterThan(0);
            expect(p.progress, where).toBeLessThanOrEqual(1);
            expect(p.label.length, where).toBeLessThan(40);
          }
          for (const n of nodes) {
            expect(n.x >= 0 && n.y >= 0 && n.x + n.w <= 100 && n.y + n.h <= 100, `${where} ${n.id}`).toBe(true);
            const parent = nodes.find((o) => o.id === n.parent);
            if (n.parent) {
              expect(parent, `${where} ${n.id}`).toBeDefined();
              expect(n.x >= parent!.x && n.y >= parent!.y && n.x + n.w <= parent!.x + parent!.w && n.y + n.h <= parent!.y + parent!.h, `${where} ${n.id} inside ${n.parent}`).toBe(true);
            }
          }
        });
        // Every packet with bytes encodes, and nothing is left in flight at the end.
        expect(capture(tl).length, ctx).toBe(w.packets.filter((p) => p.kind !== 'icmp').length);
        for (const p of w.packets) expect(p.toNode, `${ctx} ${p.id}`).toBeDefined();
        expect(packetsOf(tl, tl.steps.length - 1), ctx).toEqual([]);

        // Ephemeral ports: in IANA's dynamic range, and distinct for every client socket.
        const ports = w.packets.filter((p) => p.toServer).map((p) => p.src.port);
        const perSocket = new Set(w.moments.flatMap((m) => m.clients).filter(Boolean).map((s) => `${s!.id}:${s!.port}`));
        expect(perSocket.size, ctx).toBe(c.clients + 1); // the last client's second socket
        expect(new Set([...perSocket].map((s) => s.split(':')[1])).size, ctx).toBe(c.clients + 1);
        for (const port of ports) {
          expect(port, ctx).toBeGreaterThanOrEqual(EPHEMERAL.min);
          expect(port, ctx).toBeLessThanOrEqual(EPHEMERAL.max);
        }

        // The wrong port: no socket, so a RST (TCP) or an ICMP port unreachable (UDP), and the client retries.
        const wrong = w.packets.filter((p) => p.toServer && p.dst.port === WRONG_PORT);
        expect(wrong.length, ctx).toBe(1);
        expect(wrong[0].client, ctx).toBe(c.clients);
        expect(wrong[0].rule, ctx).toBe('none');
        const answer = w.packets.find((p) => !p.toServer && p.client === c.clients && (p.kind === 'icmp' || p.seg?.flags.rst))!;
        expect(answer.sentAt, ctx).toBe(wrong[0].arriveAt);
        if (c.protocol === 'tcp') expect(answer.seg, ctx).toMatchObject({ seq: 0, ack: seqAdd(wrong[0].seg!.seq, 1), flags: { rst: true, ack: true } });
        else expect(answer.icmp, ctx).toMatchObject({ type: 3, code: 3, quoted: { src: wrong[0].src, dst: wrong[0].dst } });

        if (c.protocol === 'tcp') tcpInvariants(tl, w, ctx);
        else udpInvariants(tl, w, ctx);
      }
    });
  }
});

function tcpInvariants(tl: Timeline, w: WorldResult, ctx: string) {
  const toServer = w.packets.filter((p) => p.toServer && p.dst.port === SERVICE_PORT.tcp);
  for (const p of toServer) {
    const s = p.seg!;
    const own = `srv-${attemptOf(w, p)}`;
    if (s.flags.syn) {
      // A SYN never matches a connection: it goes to the one listening socket.
      expect(p.rule, `${ctx} ${p.id}`).toBe('listener');
      expect(p.toNode, `${ctx} ${p.id}`).toBe('listen');
    } else {
      // Everything after the SYN, data included, goes by exact 4-tuple to this client's own connection.
      expect(p.rule, `${ctx} ${p.id}`).toBe('connection');
      expect(p.toNode, `${ctx} ${p.id}`).toBe(own);
      const entry = w.moments.find((m) => m.t === p.arriveAt)!.server.find((e) => e.id === own)!;
      expect(entry.remote, ctx).toEqual(p.src);
      expect(entry.local, ctx).toEqual(p.dst);
      // On the stage, the arrival step shows the packet reaching that socket's node.
      const i = w.moments.findIndex((m) => m.t === p.arriveAt);
      const shown = packetsOf(tl, i).find((e) => e.id === p.id)!;
      // (A request right behind the handshake's ACK queues up just short of the socket.)
      expect(shown, ctx).toMatchObject({ from: 'nic', to: own, status: 'delivered' });
      expect(shown.progress, ctx).toBeGreaterThan(0.7);
      expect(nodesOf(tl, i).find((n) => n.id === own)!.sublabel, ctx).toBe(`↔ ${p.src.ip}:${p.src.port}`);
    }
  }
  const dataSegs = toServer.filter((p) => p.seg!.data.length > 0);
  expect(dataSegs.length, ctx).toBe(w.clients);
  expect(new Set(dataSegs.map((p) => p.toNode)).size, ctx).toBe(w.clients);

  // Per connection, sequence numbers add up (RFC 9293 §3.4): SYN and data consume numbers.
  for (const d of dataSegs) {
    const conn = w.packets.filter((p) => p.kind === 'tcp' && (p.toServer ? p.src.port : p.dst.port) === d.src.port && (p.toServer ? p.dst.port : p.src.port) === 80);
    const [syn, synAck, ack, req, resp, last] = conn.map((p) => p.seg!);
    expect(conn.map((p) => packetLabel(p).split(' seq=')[0]), ctx).toEqual(['SYN', 'SYN, ACK', 'ACK', 'PSH, ACK', 'PSH, ACK', 'ACK']);
    expect(synAck.ack, ctx).toBe(seqAdd(syn.seq, 1));
    expect([ack.seq, ack.ack], ctx).toEqual([seqAdd(syn.seq, 1), seqAdd(synAck.seq, 1)]);
    expect([req.seq, req.data], ctx).toEqual([seqAdd(syn.seq, 1), REQUEST]);
    expect(resp.seq, ctx).toBe(seqAdd(synAck.seq, 1));
    expect(resp.ack, ctx).toBe(seqAdd(req.seq, segLen(req)));
    expect(resp.data, ctx).toBe(responseFor(d.src));
    expect([last.seq, last.ack], ctx).toEqual([seqAdd(req.seq, segLen(req)), seqAdd(resp.seq, segLen(resp))]);
  }

  // The final table: one listener and one established connection per client, fds 4, 5, …
  const table = w.moments[w.moments.length - 1].server;
  expect(table.length, ctx).toBe(w.clients + 1);
  expect(table[0], ctx).toMatchObject({ id: 'listen', state: 'LISTEN', fd: 3, local: { ip: '0.0.0.0', port: 80 } });
  const conns = table.slice(1);
  expect(conns.map((e) => e.state), ctx).toEqual(conns.map(() => 'ESTABLISHED'));
  expect(conns.map((e) => e.fd).sort((a, b) => a! - b!), ctx).toEqual(conns.map((_, i) => 4 + i));
  expect(new Set(conns.map((e) => `${e.local.ip}:${e.local.port}`)), ctx).toEqual(new Set([`${SERVER_IP}:80`]));
  expect(new Set(conns.map((e) => `${e.remote!.ip}:${e.remote!.port}`)).size, ctx).toBe(w.clients);
  // The panel shows the same table.
  const panel = tableOf(tl, tl.steps.length - 1);
  expect(panel.rows.map((r) => r.values[3]), ctx).toEqual(['LISTEN', ...conns.map(() => 'ESTABLISHED')]);
}

function udpInvariants(tl: Timeline, w: WorldResult, ctx: string) {
  const datagrams = w.packets.filter((p) => p.toServer && p.dst.port === SERVICE_PORT.udp);
  expect(datagrams.length, ctx).toBe(w.clients);
  // All reach the one socket, from distinct source ports, by the (dst IP, dst port) rule.
  for (const p of datagrams) {
    expect([p.rule, p.toNode], `${ctx} ${p.id}`).toEqual(['bound', 'udp-sock']);
    const echo = w.packets.find((q) => !q.toServer && q.kind === 'udp' && q.sentAt === p.arriveAt && q.client === p.client)!;
    // sendto() answers the address recvfrom() returned, with the same bytes.
    expect([echo.src, echo.dst, echo.data], ctx).toEqual([{ ip: SERVER_IP, port: 7 }, p.src, p.data]);
    expect(echo.toNode, ctx).toBe(attemptOf(w, p));
  }
  expect(new Set(datagrams.map((p) => p.src.port)).size, ctx).toBe(w.clients);
  // The server's table never grows: one UDP socket, whatever the number of clients.
  for (const m of w.moments) expect(m.server.map((e) => e.id), ctx).toEqual(['udp-sock']);
  for (let i = 0; i < tl.steps.length; i++) expect(tableOf(tl, i).rows.length, ctx).toBe(1);
}

describe('hand-checked runs', () => {
  it('TCP, 3 clients, seed 1: the steps and their numbers', () => {
    const tl = simulate({ protocol: 'tcp', clients: 3 }, 1);
    // 1 listen + 6 moments for each of clients 1 and 2 + 9 for client 3 (SYN to 8443, RST back,
    // RST arrives; then the same 6 on port 80) = 22 moments, + the summary = 23 steps.
    expect(tl.steps.length).toBe(23);
    expect(tl.steps.map((s) => s.key ?? '-')).toEqual([
      'bind', 'connect', 'syn-listener', '-', 'demux', '-', 'reply', '-', '-', '-', '-', 'demux-2',
      'closed-port', '-', 'refused', '-', 'retry', '-', '-', '-', '-', '-', 'summary',
    ]);
    // Step 3: the SYN went to the listener, and the half-open connection is in the SYN queue.
    const t3 = tableOf(tl, 2);
    expect(t3.rows.map((r) => [r.label.en, ...r.values])).toEqual([
      ['fd 3', 'TCP', '*:80', '*:*', 'LISTEN', 'web'],
      ['SYN queue', 'TCP', '198.51.100.20:80', '192.0.2.11:49772', 'SYN-RECEIVED', '—'],
    ]);
    // Step 5: accept() returned fd 4 for client 1's connection, and the request went there.
    expect(tl.steps[4].narration.en).toContain('new socket (fd 4)');
    expect(tl.steps[4].narration.en).toContain('(192.0.2.11, 49772, 198.51.100.20, 80)');
    // The response is 96 bytes: 17 (status line) + 26 (Content-Type) + 20 (Content-Length: 31)
    // + 2 (blank line) + 31 ("your address: 192.0.2.11:49772\n": 14 + 16 + 1).
    expect(dataLength(responseFor({ ip: '192.0.2.11', port: 49772 }))).toBe(96);
    expect(tl.steps[4].narration.en).toContain('96-byte response');
    // The request is 37 bytes: 16 ("GET / HTTP/1.1\r\n") + 19 ("Host: example.com\r\n") + 2.
    expect(dataLength(REQUEST)).toBe(37);
    // Step 13: the SYN to 8443 finds nothing; RST,ACK seq=0 ack=ISN+1 (RFC 9293 §3.10.7.1).
    const w = runWorld('tcp', 3, 1);
    const syn8443 = w.packets.find((p) => p.dst.port === WRONG_PORT)!;
    expect(tl.steps[12].narration.en).toContain(`RST (seq=0, ack=${seqAdd(syn8443.seg!.seq, 1)})`);
    // Summary: 1 listening + 3 connected sockets.
    expect(tl.steps[22].narration.en).toContain('holds 4 sockets');
    expect(tableOf(tl, 22).rows.map((r) => r.label.en)).toEqual(['fd 3', 'fd 4', 'fd 5', 'fd 6']);
  });

  it('UDP, 2 clients, seed 1: one socket, and client 2 meets a closed port first', () => {
    const tl = simulate({ protocol: 'udp', clients: 2 }, 1);
    // 1 bind + 3 moments for client 1 (send, arrive + echo, echo arrives) + 6 for client 2
    // (send to 8443, ICMP back, ICMP arrives, send to 7, arrive + echo, echo arrives) + summary.
    expect(tl.steps.length).toBe(11);
    const closed = tl.steps.find((s) => s.key === 'closed-port')!;
    expect(closed.narration.en).toContain('ICMP port unreachable (type 3, code 3)');
    const icmp = Object.values(closed.scene.entities).find((e): e is PacketEntity => e.kind === 'packet' && e.label.startsWith('ICMP'))!;
    expect(icmp.packet).toBeUndefined();
    expect(tl.steps.find((s) => s.key === 'demux-2')!.narration.en).toContain('different senders, one socket');
  });
});
