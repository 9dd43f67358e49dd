/**
 * The zone data of the simulated DNS: the root, four TLDs and a few authoritative zones.
 *
 * Names are lower-case, without the trailing dot; '' is the root. Every server address
 * is a documentation address (RFC 5737, RFC 3849) except the root servers', which are
 * public fact (a.root-servers.net 198.41.0.4, b.root-servers.net 170.247.170.2). The
 * root knows only com, kr, net and org: any other TLD gets NXDOMAIN from it.
 *
 * Delegations carry NS records at the cut and glue A/AAAA records for name servers inside
 * the delegated zone (RFC 1034 §4.2.1); `www.naver.com` is a CNAME into `nheos.com`, as
 * Naver's real one points into its CDN's zone. Negative answers carry the zone's SOA,
 * whose MINIMUM bounds the negative-caching TTL (RFC 2308 §4, §5).
 */
import type { DnsRecord } from '../wire/dns';

export type SoaRecord = Extract<DnsRecord, { type: 'SOA' }>;

export interface Zone {
  /** The zone's apex ('' is the root). */
  origin: string;
  /** Every record of the zone, delegation NS and glue included. */
  records: DnsRecord[];
}

/** A name server host: the actor that answers for it, its name and addresses. */
export interface ServerHost {
  actor: string;
  name: string;
  ip: string;
}

const soa = (origin: string, mname: string, rname: string, serial: number, minimum: number, ttl: number): SoaRecord => ({
  name: origin, ttl, type: 'SOA', mname, rname, serial, refresh: 1800, retry: 900, expire: 604800, minimum,
});
const ns = (name: string, host: string, ttl: number): DnsRecord => ({ name, ttl, type: 'NS', host });
const a = (name: string, address: string, ttl: number): DnsRecord => ({ name, ttl, type: 'A', address });
const aaaa = (name: string, address: string, ttl: number): DnsRecord => ({ name, ttl, type: 'AAAA', address });

/** Name servers per actor: the hosts whose addresses the actor answers on. */
export const SERVERS: readonly ServerHost[] = [
  { actor: 'root', name: 'a.root-servers.net', ip: '198.41.0.4' },
  { actor: 'root', name: 'b.root-servers.net', ip: '170.247.170.2' },
  { actor: 'gtld', name: 'a.gtld-servers.net', ip: '198.51.100.1' },
  { actor: 'gtld', name: 'b.gtld-servers.net', ip: '198.51.100.2' },
  { actor: 'kr', name: 'b.dns.kr', ip: '198.51.100.11' },
  { actor: 'kr', name: 'c.dns.kr', ip: '198.51.100.12' },
  { actor: 'org', name: 'a0.nic.org', ip: '198.51.100.21' },
  { actor: 'org', name: 'b0.nic.org', ip: '198.51.100.22' },
  { actor: 'naver', name: 'ns1.naver.com', ip: '198.51.100.101' },
  { actor: 'naver', name: 'ns2.naver.com', ip: '198.51.100.102' },
  { actor: 'nheos', name: 'ns1.nheos.com', ip: '198.51.100.111' },
  { actor: 'nheos', name: 'ns2.nheos.com', ip: '198.51.100.112' },
  { actor: 'example', name: 'ns1.example.com', ip: '198.51.100.121' },
  { actor: 'example', name: 'ns2.example.com', ip: '198.51.100.122' },
  { actor: 'google', name: 'ns1.google.com', ip: '198.51.100.131' },
  { actor: 'google', name: 'ns2.google.com', ip: '198.51.100.132' },
  { actor: 'hangul', name: 'ns1.xn--3e0b707e.kr', ip: '198.51.100.141' },
  { actor: 'hangul', name: 'ns2.xn--3e0b707e.kr', ip: '198.51.100.142' },
  { actor: 'exorg', name: 'ns1.example.org', ip: '198.51.100.151' },
  { actor: 'exorg', name: 'ns2.example.org', ip: '198.51.100.152' },
];

const D2 = 172800; // two days: NS and glue TTL in the root and TLD zones
/** A delegation: NS records at the cut and glue for every server host (all in-zone here). */
function delegate(zone: string, actor: string): DnsRecord[] {
  const hosts = SERVERS.filter((s) => s.actor === actor);
  return [...hosts.map((h) => ns(zone, h.name, D2)), ...hosts.map((h) => a(h.name, h.ip, D2))];
}
const glue = (actor: string, ttl: number) => SERVERS.filter((s) => s.actor === actor).map((h) => a(h.name, h.ip, ttl));

/** Keyed by names a user types: no prototype, so "__proto__" or "constructor" is just a name. */
export const ZONES: Record<string, Zone> = Object.assign(Object.create(null), {
  '': {
    origin: '',
    records: [
      soa('', 'a.root-servers.net', 'nstld.verisign-grs.com', 2025010100, 86400, 86400),
      ...SERVERS.filter((s) => s.actor === 'root').map((h) => ns('', h.name, 518400)),
      ...delegate('com', 'gtld'),
      ...delegate('net', 'gtld').filter((r) => r.type === 'NS'),
      ...delegate('kr', 'kr'),
      ...delegate('org', 'org'),
    ],
  },
  com: {
    origin: 'com',
    records: [
      soa('com', 'a.gtld-servers.net', 'nstld.verisign-grs.com', 1735689600, 900, 900),
      ...SERVERS.filter((s) => s.actor === 'gtld').map((h) => ns('com', h.name, D2)),
      ...delegate('naver.com', 'naver'),
      ...delegate('nheos.com', 'nheos'),
      ...delegate('example.com', 'example'),
      ...delegate('google.com', 'google'),
    ],
  },
  net: {
    origin: 'net',
    records: [
      soa('net', 'a.gtld-servers.net', 'nstld.verisign-grs.com', 1735689600, 900, 900),
      ...SERVERS.filter((s) => s.actor === 'gtld').map((h) => ns('net', h.name, D2)),
      ...glue('gtld', D2),
    ],
  },
  kr: {
    origin: 'kr',
    records: [
      soa('kr', 'b.dns.kr', 'hostmaster.nic.or.kr', 2025010101, 3600, 3600),
      ...SERVERS.filter((s) => s.actor === 'kr').map((h) => ns('kr', h.name, D2)),
      ...glue('kr', D2),
      ...delegate('xn--3e0b707e.kr', 'hangul'),
    ],
  },
  org: {
    origin: 'org',
    records: [
      soa('org', 'a0.nic.org', 'hostmaster.donuts.email', 1735689600, 3600, 3600),
      ...SERVERS.filter((s) => s.actor === 'org').map((h) => ns('org', h.name, D2)),
      ...glue('org', D2),
      ...delegate('example.org', 'exorg'),
    ],
  },
  'naver.com': {
    origin: 'naver.com',
    records: [
      soa('naver.com', 'ns1.naver.com', 'webmaster.naver.com', 2025010101, 300, 300),
      ...SERVERS.filter((s) => s.actor === 'naver').map((h) => ns('naver.com', h.name, 86400)),
      ...glue('naver', 86400),
      a('naver.com', '203.0.113.10', 300),
      { name: 'naver.com', ttl: 300, type: 'MX', preference: 10, exchange: 'mx1.naver.com' },
      { name: 'naver.com', ttl: 300, type: 'TXT', texts: ['v=spf1 ip4:203.0.113.0/24 -all'] },
      a('mx1.naver.com', '203.0.113.25', 300),
      { name: 'www.naver.com', ttl: 21600, type: 'CNAME', host: 'www.naver.com.nheos.com' },
      { name: 'm.naver.com', ttl: 21600, type: 'CNAME', host: 'm.naver.com.nheos.com' },
    ],
  },
  'nheos.com': {
    origin: 'nheos.com',
    records: [
      soa('nheos.com', 'ns1.nheos.com', 'admin.nheos.com', 2025010101, 60, 300),
      ...SERVERS.filter((s) => s.actor === 'nheos').map((h) => ns('nheos.com', h.name, 86400)),
      ...glue('nheos', 86400),
      a('www.naver.com.nheos.com', '203.0.113.101', 300),
      a('www.naver.com.nheos.com', '203.0.113.102', 300),
      a('m.naver.com.nheos.com', '203.0.113.103', 300),
      aaaa('m.naver.com.nheos.com', '2001:db8:103::1', 300),
    ],
  },
  'example.com': {
    origin: 'example.com',
    records: [
      soa('example.com', 'ns1.example.com', 'hostmaster.example.com', 2025010101, 3600, 3600),
      ...SERVERS.filter((s) => s.actor === 'example').map((h) => ns('example.com', h.name, 86400)),
      ...glue('example', 86400),
      a('example.com', '203.0.113.34', 3600),
      aaaa('example.com', '2001:db8::34', 3600),
      // A null MX: this domain accepts no mail (RFC 7505).
      { name: 'example.com', ttl: 3600, type: 'MX', preference: 0, exchange: '' },
      { name: 'example.com', ttl: 3600, type: 'TXT', texts: ['v=spf1 -all'] },
      a('www.example.com', '203.0.113.34', 3600),
      aaaa('www.example.com', '2001:db8::34', 3600),
    ],
  },
  'google.com': {
    origin: 'google.com',
    records: [
      soa('google.com', 'ns1.google.com', 'dns-admin.google.com', 2025010101, 60, 60),
      ...SERVERS.filter((s) => s.actor === 'google').map((h) => ns('google.com', h.name, 345600)),
      ...glue('google', 345600),
      a('google.com', '203.0.113.46', 300),
      aaaa('google.com', '2001:db8:46::200e', 300),
      { name: 'google.com', ttl: 300, type: 'MX', preference: 10, exchange: 'smtp.google.com' },
      { name: 'google.com', ttl: 3600, type: 'TXT', texts: ['v=spf1 include:_spf.google.com ~all'] },
      a('smtp.google.com', '203.0.113.27', 300),
      a('www.google.com', '203.0.113.68', 300),
      aaaa('www.google.com', '2001:db8:46::2004', 300),
    ],
  },
  'xn--3e0b707e.kr': {
    origin: 'xn--3e0b707e.kr',
    records: [
      soa('xn--3e0b707e.kr', 'ns1.xn--3e0b707e.kr', 'hostmaster.xn--3e0b707e.kr', 2025010101, 600, 3600),
      ...SERVERS.filter((s) => s.actor === 'hangul').map((h) => ns('xn--3e0b707e.kr', h.name, 86400)),
      ...glue('hangul', 86400),
      a('xn--3e0b707e.kr', '203.0.113.82', 600),
      a('www.xn--3e0b707e.kr', '203.0.113.82', 600),
    ],
  },
  'example.org': {
    origin: 'example.org',
    records: [
      soa('example.org', 'ns1.example.org', 'hostmaster.example.org', 2025010101, 3600, 3600),
      ...SERVERS.filter((s) => s.actor === 'exorg').map((h) => ns('example.org', h.name, 86400)),
      ...glue('exorg', 86400),
      a('example.org', '203.0.113.96', 3600),
      a('www.example.org', '203.0.113.96', 3600),
    ],
  },
});

/** Which zones each server actor is authoritative for. */
export const SERVES: Readonly<Record<string, readonly string[]>> = {
  root: [''],
  gtld: ['com', 'net'],
  kr: ['kr'],
  org: ['org'],
  naver: ['naver.com'],
  nheos: ['nheos.com'],
  example: ['example.com'],
  google: ['google.com'],
  hangul: ['xn--3e0b707e.kr'],
  exorg: ['example.org'],
};

export const SERVER_ACTORS = Object.keys(SERVES);

/** The actor answering on an address, if any. */
export const actorOfIp = (ip: string): string | undefined => SERVERS.find((s) => s.ip === ip)?.actor;

/** Root hints (the resolver's configured starting point, RFC 1034 §5.3.2). */
export const ROOT_HINTS: readonly ServerHost[] = SERVERS.filter((s) => s.actor === 'root');

// ---------------------------------------------------------------- name helpers

export const normName = (n: string): string => n.toLowerCase().replace(/\.$/, '');
/** true when `name` is `zone` or below it. */
export const isUnder = (name: string, zone: string): boolean => zone === '' || name === zone || name.endsWith('.' + zone);
/** The name and its ancestors, longest first, ending with the root: www.a.com → [www.a.com, a.com, com, '']. */
export function ancestors(name: string): string[] {
  const out: string[] = [];
  let n = name;
  for (;;) {
    out.push(n);
    if (n === '') return out;
    const i = n.indexOf('.');
    n = i < 0 ? '' : n.slice(i + 1);
  }
}
/** How names are written for people: with the trailing dot for the root only. */
export const showName = (n: string): string => (n === '' ? '.' : n);
