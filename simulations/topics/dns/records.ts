/** The record-type table: what each type holds, and which of them the typed name's zone has. */
import { t, type Text } from '../../core/text';
import type { DnsRecordType, RecordTableEntity, RecordTableRow } from '../../figures/dns-tree';
import { ZONE_RECORDS, zoneLine } from './namespace';

/** Types in table order, their TYPE codes (RFC 1035 §3.2.2; AAAA: RFC 3596 §2.1) and meanings. */
export const RECORD_TYPES: readonly { type: DnsRecordType; code: number; meaning: Text }[] = [
  { type: 'A', code: 1, meaning: t('이름의 IPv4 주소(RFC 1035)', 'An IPv4 address of the name (RFC 1035)') },
  { type: 'AAAA', code: 28, meaning: t('이름의 IPv6 주소(RFC 3596)', 'An IPv6 address of the name (RFC 3596)') },
  { type: 'CNAME', code: 5, meaning: t('이 이름은 다른 이름(정식 이름)의 별칭입니다. 같은 이름에 다른 데이터를 둘 수 없습니다(RFC 1034 §3.6.2, RFC 2181 §10.1).', 'This name is an alias of another (the canonical name); no other data may sit at the same name (RFC 1034 §3.6.2, RFC 2181 §10.1).') },
  { type: 'NS', code: 2, meaning: t('이 존(또는 위임한 하위 존)을 책임지는 네임 서버', 'A name server authoritative for this zone (or for a child zone it delegates)') },
  { type: 'MX', code: 15, meaning: t('이 도메인의 메일을 받는 서버와 우선순위(RFC 5321 §5)', 'The server that takes mail for the domain, with a preference (RFC 5321 §5)') },
  { type: 'TXT', code: 16, meaning: t('임의의 문자열: SPF, 도메인 소유 확인 등에 씁니다', 'Free text: SPF policies, domain ownership checks and the like') },
  { type: 'SOA', code: 6, meaning: t('존의 시작: 주 서버, 관리자, 일련번호, 타이머, 부정 응답 TTL(RFC 1035 §3.3.13, RFC 2308)', 'Start of authority: primary server, contact, serial, timers, negative-caching TTL (RFC 1035 §3.3.13, RFC 2308)') },
];

export const TABLE_TITLE = t('레코드 유형', 'Record types');

/**
 * Rows for `zone` (an apex name, '' is the root) and the typed `name`. A zone not in the base data
 * is known only to have what every zone has at its apex: an SOA and NS records (RFC 1034 §4.2.1).
 */
export function recordRows(zone: string | null, name: string | null): RecordTableRow[] {
  const known = zone === null ? null : (ZONE_RECORDS[zone] ?? null);
  return RECORD_TYPES.map(({ type, code, meaning }) => {
    if (zone === null) return { type, code, meaning, example: '', inZone: false, atName: false };
    if (!known) {
      const apex = zone === '' ? '.' : zone + '.';
      const generic = type === 'SOA' || type === 'NS';
      return { type, code, meaning, example: generic ? `${apex} IN ${type} …` : '', inZone: generic, atName: generic && name === zone };
    }
    const mine = known.filter((x) => x.type === type);
    const own = mine.find((x) => x.owner === name);
    const shown = own ?? mine[0];
    return { type, code, meaning, example: shown ? zoneLine(shown) : '', inZone: mine.length > 0, atName: own !== undefined };
  });
}

export function recordTable(zone: string | null, name: string | null, lit: boolean): RecordTableEntity {
  return { kind: 'record-table', id: 'records', title: TABLE_TITLE, zone: zone === null ? '' : zone === '' ? '.' : zone + '.', rows: recordRows(zone, name), lit };
}

/** The records the typed name owns in our data, in zone-file form. */
export function recordsAt(zone: string, name: string): string[] {
  return (ZONE_RECORDS[zone] ?? []).filter((x) => x.owner === name).map(zoneLine);
}
