/**
 * The base namespace the dns topic draws: the root, four TLDs and a few zones under them, with
 * their records in zone-file form. Names are lower-case ASCII without the trailing dot ('' is
 * the root). Addresses are documentation addresses (RFC 5737, RFC 3849) except the root server's.
 * `www.naver.com` is a CNAME into `nheos.com`, as Naver's real one points into its CDN's zone.
 * Every zone has an SOA and NS records at its apex (RFC 1034 §4.2.1); a parent holds the NS
 * records of each child zone at the cut, plus glue addresses (RFC 1034 §4.2.1, RFC 1035 §6.1).
 */
import type { DnsRecordType } from '../../figures/dns-tree';

export interface NsRecord {
  owner: string;
  type: DnsRecordType;
  ttl: number;
  data: string;
}

/** Zone apexes, parents before children. */
export const ZONE_APEXES: readonly string[] = ['', 'com', 'kr', 'net', 'org', 'naver.com', 'example.com', 'nheos.com', 'xn--3e0b707e.kr', 'example.org'];

/** Names in the base tree (besides the root), in drawing order; ancestors are implied. */
export const BASE_NAMES: readonly string[] = [
  'www.naver.com',
  'www.example.com',
  'www.naver.com.nheos.com',
  'www.xn--3e0b707e.kr',
  'net',
  'example.org',
];

const r = (owner: string, type: DnsRecordType, ttl: number, data: string): NsRecord => ({ owner, type, ttl, data });
const soa = (apex: string, mname: string, rname: string, serial: number, minimum: number) =>
  r(apex, 'SOA', 3600, `${mname}. ${rname}. ${serial} 1800 900 604800 ${minimum}`);

/** Records by zone apex. */
export const ZONE_RECORDS: Readonly<Record<string, readonly NsRecord[]>> = {
  '': [
    soa('', 'a.root-servers.net', 'nstld.verisign-grs.com', 2025010100, 86400),
    r('', 'NS', 518400, 'a.root-servers.net.'),
    r('com', 'NS', 172800, 'a.gtld-servers.net.'),
    r('kr', 'NS', 172800, 'b.dns.kr.'),
    r('net', 'NS', 172800, 'a.gtld-servers.net.'),
    r('org', 'NS', 172800, 'a0.nic.org.'),
    r('a.gtld-servers.net', 'A', 172800, '198.51.100.1'),
  ],
  com: [
    soa('com', 'a.gtld-servers.net', 'nstld.verisign-grs.com', 1735689600, 900),
    r('com', 'NS', 172800, 'a.gtld-servers.net.'),
    r('naver.com', 'NS', 172800, 'ns1.naver.com.'),
    r('example.com', 'NS', 172800, 'ns1.example.com.'),
    r('nheos.com', 'NS', 172800, 'ns1.nheos.com.'),
    r('ns1.naver.com', 'A', 172800, '198.51.100.101'),
  ],
  kr: [
    soa('kr', 'b.dns.kr', 'hostmaster.nic.or.kr', 2025010101, 3600),
    r('kr', 'NS', 172800, 'b.dns.kr.'),
    r('xn--3e0b707e.kr', 'NS', 172800, 'ns1.xn--3e0b707e.kr.'),
    r('ns1.xn--3e0b707e.kr', 'A', 172800, '198.51.100.141'),
  ],
  net: [soa('net', 'a.gtld-servers.net', 'nstld.verisign-grs.com', 1735689600, 900), r('net', 'NS', 172800, 'a.gtld-servers.net.'), r('a.gtld-servers.net', 'A', 172800, '198.51.100.1')],
  org: [
    soa('org', 'a0.nic.org', 'hostmaster.donuts.email', 1735689600, 3600),
    r('org', 'NS', 172800, 'a0.nic.org.'),
    r('example.org', 'NS', 172800, 'ns1.example.org.'),
    r('a0.nic.org', 'A', 172800, '198.51.100.21'),
  ],
  'naver.com': [
    soa('naver.com', 'ns1.naver.com', 'webmaster.naver.com', 2025010101, 300),
    r('naver.com', 'NS', 86400, 'ns1.naver.com.'),
    r('naver.com', 'A', 300, '203.0.113.10'),
    r('naver.com', 'MX', 300, '10 mx1.naver.com.'),
    r('naver.com', 'TXT', 300, '"v=spf1 ip4:203.0.113.0/24 -all"'),
    r('www.naver.com', 'CNAME', 21600, 'www.naver.com.nheos.com.'),
    r('ns1.naver.com', 'A', 86400, '198.51.100.101'),
  ],
  'nheos.com': [
    soa('nheos.com', 'ns1.nheos.com', 'admin.nheos.com', 2025010101, 60),
    r('nheos.com', 'NS', 86400, 'ns1.nheos.com.'),
    r('www.naver.com.nheos.com', 'A', 300, '203.0.113.101'),
    r('www.naver.com.nheos.com', 'A', 300, '203.0.113.102'),
    r('m.naver.com.nheos.com', 'AAAA', 300, '2001:db8:103::1'),
  ],
  'example.com': [
    soa('example.com', 'ns1.example.com', 'hostmaster.example.com', 2025010101, 3600),
    r('example.com', 'NS', 86400, 'ns1.example.com.'),
    r('example.com', 'A', 3600, '203.0.113.34'),
    r('example.com', 'AAAA', 3600, '2001:db8::34'),
    // A null MX: this domain accepts no mail (RFC 7505).
    r('example.com', 'MX', 3600, '0 .'),
    r('example.com', 'TXT', 3600, '"v=spf1 -all"'),
    r('www.example.com', 'A', 3600, '203.0.113.34'),
    r('www.example.com', 'AAAA', 3600, '2001:db8::34'),
  ],
  'xn--3e0b707e.kr': [
    soa('xn--3e0b707e.kr', 'ns1.xn--3e0b707e.kr', 'hostmaster.xn--3e0b707e.kr', 2025010101, 600),
    r('xn--3e0b707e.kr', 'NS', 86400, 'ns1.xn--3e0b707e.kr.'),
    r('xn--3e0b707e.kr', 'A', 600, '203.0.113.82'),
    r('www.xn--3e0b707e.kr', 'A', 600, '203.0.113.82'),
  ],
  'example.org': [
    soa('example.org', 'ns1.example.org', 'hostmaster.example.org', 2025010101, 3600),
    r('example.org', 'NS', 86400, 'ns1.example.org.'),
    r('example.org', 'A', 3600, '203.0.113.96'),
  ],
};

/** The canonical name a name is an alias of, from the base zones' CNAME records. */
export function cnameOf(name: string): string | null {
  for (const recs of Object.values(ZONE_RECORDS)) {
    const hit = recs.find((x) => x.type === 'CNAME' && x.owner === name);
    if (hit) return hit.data.replace(/\.$/, '');
  }
  return null;
}

/** Zone-file form: `www.naver.com. 21600 IN CNAME www.naver.com.nheos.com.` */
export const zoneLine = (x: NsRecord): string => `${x.owner === '' ? '.' : x.owner + '.'} ${x.ttl} IN ${x.type} ${x.data}`;
