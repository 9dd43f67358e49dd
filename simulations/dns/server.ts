/**
 * An authoritative name server: answers each query from its own zone data, by the
 * algorithm of RFC 1034 §4.3.2 (no recursion: RA=0, whatever RD says).
 *
 * - a name below a delegation → referral: AA=0, the cut's NS in authority, glue in additional;
 * - the name with records of the type → answer, AA=1;
 * - a CNAME at the name → the CNAME, AA=1, followed inside the zone if the target is there;
 * - the name, but no records of the type (or an empty non-terminal, RFC 8020) → NODATA: AA=1,
 *   NOERROR, SOA in authority;
 * - no such name → NXDOMAIN: AA=1, RCODE 3, SOA in authority.
 *   The SOA's TTL is min(SOA TTL, MINIMUM): how long the negative answer may be cached (RFC 2308 §3).
 * - a zone it does not serve → REFUSED.
 */
import type { Machine } from '../core/kernel';
import { dnsTypeCode, type DnsMessage, type DnsRecord } from '../wire/dns';
import { ancestors, isUnder, normName, SERVES, ZONES, type SoaRecord, type Zone } from './zones';
import { decodeDatagram, encodeDatagram, type Datagram } from './message';

export const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

const code = (r: DnsRecord) => dnsTypeCode(r.type as never);

/** The negative-caching SOA of a zone (RFC 2308 §3). */
export function negativeSoa(zone: Zone): SoaRecord {
  const s = zone.records.find((r): r is SoaRecord => r.type === 'SOA')!;
  return { ...s, ttl: Math.min(s.ttl, s.minimum) };
}

/** The closest zone this server serves that holds `name`, if any. */
function zoneFor(actor: string, name: string): Zone | undefined {
  const mine = SERVES[actor] ?? [];
  for (const n of ancestors(name)) if (mine.includes(n)) return ZONES[n];
  return undefined;
}

/** Glue for a set of NS hosts: their A and AAAA records in any zone this server holds. */
function glueFor(actor: string, hosts: string[]): DnsRecord[] {
  const out: DnsRecord[] = [];
  for (const h of hosts) {
    for (const z of SERVES[actor] ?? []) {
      for (const r of ZONES[z].records) {
        if (r.name === h && (r.type === 'A' || r.type === 'AAAA') && !out.includes(r)) out.push(r);
      }
    }
  }
  return out;
}

/** The response to one query message, from the zone data alone. */
export function answerQuery(actor: string, q: DnsMessage): DnsMessage {
  const base = { id: q.id, qr: true, opcode: 0, rd: q.rd, ra: false, questions: q.questions };
  const question = q.questions[0];
  if (!question || q.questions.length !== 1) return { ...base, rcode: 1 };
  const name = normName(question.name);
  const type = dnsTypeCode(question.type);
  const zone = zoneFor(actor, name);
  if (!zone) return { ...base, rcode: RCODE.REFUSED };

  // A delegation between the apex (exclusive) and the name (inclusive)? Highest cut first.
  const below = ancestors(name).filter((n) => n !== zone.origin && isUnder(n, zone.origin)).reverse();
  for (const cut of below) {
    const nsSet = zone.records.filter((r) => r.name === cut && r.type === 'NS');
    if (nsSet.length) {
      const hosts = nsSet.map((r) => (r as { host: string }).host);
      return { ...base, aa: false, rcode: RCODE.NOERROR, answers: [], authority: nsSet, additional: glueFor(actor, hosts) };
    }
  }

  const answers: DnsRecord[] = [];
  let current = name;
  for (let hops = 0; hops < 8; hops++) {
    const here = zone.records.filter((r) => r.name === current);
    const match = here.filter((r) => code(r) === type);
    if (match.length) return { ...base, aa: true, rcode: RCODE.NOERROR, answers: [...answers, ...match] };
    const cname = here.find((r) => r.type === 'CNAME') as Extract<DnsRecord, { type: 'CNAME' }> | undefined;
    if (cname) {
      answers.push(cname);
      // Follow the chain only while the target is in this zone (RFC 1034 §4.3.2 step 3a).
      if (!isUnder(cname.host, zone.origin)) return { ...base, aa: true, rcode: RCODE.NOERROR, answers };
      current = cname.host;
      continue;
    }
    if (answers.length) return { ...base, aa: true, rcode: RCODE.NOERROR, answers };
    const exists = here.length > 0 || zone.records.some((r) => r.name.endsWith('.' + current));
    return {
      ...base,
      aa: true,
      rcode: exists ? RCODE.NOERROR : RCODE.NXDOMAIN,
      answers: [],
      authority: [negativeSoa(zone)],
    };
  }
  return { ...base, rcode: RCODE.SERVFAIL };
}

export interface ServerState {
  kind: 'server';
  answered: number;
}

/** The server as a kernel actor: every query that arrives is answered at once, from where it came. */
export function serverMachine(actor: string): Machine<ServerState, Datagram, never, never> {
  return {
    init: { kind: 'server', answered: 0 },
    step(state, input) {
      if (input.type !== 'msg') return { state, effects: [] };
      const d = input.msg;
      const q = decodeDatagram(d);
      if (q.qr) return { state, effects: [] };
      const r = answerQuery(actor, q);
      const reply = encodeDatagram(r, { src: d.dst, dst: d.src, srcPort: 53, dstPort: d.srcPort });
      return { state: { kind: 'server', answered: state.answered + 1 }, effects: [{ type: 'send', to: input.from, msg: reply }] };
    },
  };
}
