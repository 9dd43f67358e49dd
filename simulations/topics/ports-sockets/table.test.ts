import { describe, expect, it } from 'vitest';
import { flags, type Segment } from '../../tcp/segment';
import { addrText, lookup, portUnreachableFor, resetFor, tupleText, WILDCARD, type SocketEntry } from './table';

const SERVER = '198.51.100.20';
const listener: SocketEntry = { id: 'listen', proto: 'tcp', local: { ip: WILDCARD, port: 80 }, state: 'LISTEN', owner: 'web', fd: 3 };
const conn = (id: string, ip: string, port: number, state = 'ESTABLISHED'): SocketEntry => ({
  id,
  proto: 'tcp',
  local: { ip: SERVER, port: 80 },
  remote: { ip, port },
  state,
  owner: 'web',
});
const from = (ip: string, port: number, dport = 80, dip = SERVER) => ({ src: { ip, port }, dst: { ip: dip, port: dport } });
const seg = (names: ('syn' | 'ack' | 'rst' | 'fin' | 'psh')[], seq: number, ack = 0, data = ''): Segment => ({
  srcPort: 51514,
  dstPort: 8443,
  seq,
  ack,
  flags: flags(names),
  window: 65535,
  data,
});

describe('TCP demultiplexing', () => {
  const table = [listener, conn('a', '192.0.2.11', 51514), conn('b', '192.0.2.12', 51514), conn('c', '192.0.2.11', 60000, 'SYN-RECEIVED')];

  it('an exact 4-tuple match with a connection wins over the listening socket', () => {
    expect(lookup(table, { proto: 'tcp', ...from('192.0.2.11', 51514) })).toEqual({ rule: 'connection', entry: table[1] });
    // Same source port, different source IP: a different connection.
    expect(lookup(table, { proto: 'tcp', ...from('192.0.2.12', 51514) }).entry?.id).toBe('b');
    // A half-open connection is found by its 4-tuple too (the handshake's last ACK goes there).
    expect(lookup(table, { proto: 'tcp', ...from('192.0.2.11', 60000) }).entry?.id).toBe('c');
  });

  it('with no connection, the listening socket on (dst IP or 0.0.0.0, dst port) takes it', () => {
    // Same client IP as connection "a" but a new source port: no 4-tuple matches.
    expect(lookup(table, { proto: 'tcp', ...from('192.0.2.11', 51515) })).toEqual({ rule: 'listener', entry: listener });
    // The wildcard listener takes any local address of the host.
    expect(lookup(table, { proto: 'tcp', ...from('192.0.2.11', 51515, 80, '203.0.113.5') }).rule).toBe('listener');
  });

  it('a listener bound to the specific address is preferred over the wildcard one', () => {
    const specific: SocketEntry = { ...listener, id: 'specific', local: { ip: SERVER, port: 80 } };
    expect(lookup([listener, specific], { proto: 'tcp', ...from('192.0.2.11', 1) }).entry?.id).toBe('specific');
    expect(lookup([listener, specific], { proto: 'tcp', ...from('192.0.2.11', 1, 80, '203.0.113.5') }).entry?.id).toBe('listen');
  });

  it('a port with no socket finds nothing; UDP sockets on the same port do not count (the protocol is part of the 5-tuple)', () => {
    expect(lookup(table, { proto: 'tcp', ...from('192.0.2.11', 51514, 8443) })).toEqual({ rule: 'none' });
    const udp: SocketEntry = { id: 'u', proto: 'udp', local: { ip: WILDCARD, port: 8443 }, state: 'UNCONN' };
    expect(lookup([udp], { proto: 'tcp', ...from('192.0.2.11', 51514, 8443) }).rule).toBe('none');
    // A listener only matches its own port; a connection only its own local address.
    expect(lookup([conn('x', '192.0.2.11', 51514)], { proto: 'tcp', ...from('192.0.2.11', 51514, 80, '203.0.113.5') }).rule).toBe('none');
  });

  it('answers a segment no socket takes with a RST as RFC 9293 §3.10.7.1 says', () => {
    // A SYN (no ACK bit) with seq 1000: <SEQ=0><ACK=1001><CTL=RST,ACK> (the SYN takes one number).
    expect(resetFor(seg(['syn'], 1000))).toMatchObject({ srcPort: 8443, dstPort: 51514, seq: 0, ack: 1001, flags: { rst: true, ack: true, syn: false } });
    // Data without ACK: ACK = SEG.SEQ + SEG.LEN = 4294967290 + 10, modulo 2^32.
    expect(resetFor(seg(['psh'], 4294967290, 0, '0123456789'))!.ack).toBe(4);
    // Anything with an ACK: <SEQ=SEG.ACK><CTL=RST>, no ACK bit.
    expect(resetFor(seg(['ack'], 5, 777))).toMatchObject({ seq: 777, ack: 0, flags: { rst: true, ack: false } });
    // A RST is never answered.
    expect(resetFor(seg(['rst'], 5))).toBeUndefined();
  });
});

describe('UDP demultiplexing', () => {
  const bound: SocketEntry = { id: 'echo', proto: 'udp', local: { ip: WILDCARD, port: 7 }, state: 'UNCONN', fd: 3 };

  it('one unconnected socket bound to (0.0.0.0, port) takes datagrams from every source', () => {
    for (const [ip, port] of [
      ['192.0.2.11', 50000],
      ['192.0.2.12', 50000],
      ['203.0.113.9', 65535],
    ] as const) {
      expect(lookup([bound], { proto: 'udp', ...from(ip, port, 7) })).toEqual({ rule: 'bound', entry: bound });
    }
  });

  it('a connected UDP socket takes only its peer, and is preferred for it', () => {
    const connected: SocketEntry = { id: 'peer', proto: 'udp', local: { ip: SERVER, port: 7 }, remote: { ip: '192.0.2.11', port: 50000 }, state: 'ESTAB' };
    expect(lookup([bound, connected], { proto: 'udp', ...from('192.0.2.11', 50000, 7) }).entry?.id).toBe('peer');
    expect(lookup([bound, connected], { proto: 'udp', ...from('192.0.2.11', 50001, 7) }).entry?.id).toBe('echo');
    expect(lookup([connected], { proto: 'udp', ...from('192.0.2.12', 50000, 7) }).rule).toBe('none');
  });

  it('no socket on the port: nothing found, and the answer is ICMP port unreachable (type 3, code 3) quoting the datagram', () => {
    expect(lookup([bound], { proto: 'udp', ...from('192.0.2.11', 50000, 8443) })).toEqual({ rule: 'none' });
    const tcpOnly: SocketEntry = { ...listener, local: { ip: WILDCARD, port: 8443 } };
    expect(lookup([tcpOnly], { proto: 'udp', ...from('192.0.2.11', 50000, 8443) }).rule).toBe('none');
    const f = from('192.0.2.11', 50000, 8443);
    expect(portUnreachableFor(f.src, f.dst)).toEqual({ type: 3, code: 3, quoted: f });
  });
});

describe('text helpers', () => {
  it('write addresses and 4-tuples the way the page shows them', () => {
    expect(addrText({ ip: WILDCARD, port: 80 })).toBe('*:80');
    expect(addrText(undefined)).toBe('*:*');
    expect(tupleText({ ip: '192.0.2.11', port: 51514 }, { ip: SERVER, port: 443 })).toBe('(192.0.2.11, 51514, 198.51.100.20, 443)');
  });
});
