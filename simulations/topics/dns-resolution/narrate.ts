/**
 * What each DNS event means, in words: one sentence per note an actor wrote, and what a
 * server's response says. Korean sentences put variable names before fixed nouns
 * ("a.root-servers.net 서버는") so no particle depends on them.
 */
import type { DnsMessage, DnsRecord } from '../../wire/dns';
import type { Text } from '../../core/text';
import type { DnsNote } from '../../dns/types';
import { MAX_TIMEOUTS, QUERY_TIMEOUT } from '../../dns/iterative';
import { STUB_ATTEMPTS, STUB_TIMEOUT } from '../../dns/actors';
import { rdataText, responseKind, typeName } from '../../dns/message';
import { SERVERS, SERVES, isUnder, showName } from '../../dns/zones';

const tx = (ko: string, en: string): Text => ({ ko, en });
export const hex4 = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;
const recs = (rs: readonly DnsRecord[]) => rs.map((r) => `${showName(r.name)} ${typeName(r.type as never)} ${rdataText(r)}`).join(', ');

/** The zone an actor answers for, for this name. */
export function zoneOf(actor: string, qname: string): string {
  const zones = [...(SERVES[actor] ?? [])].sort((a, b) => b.length - a.length);
  return zones.find((z) => isUnder(qname, z)) ?? zones[0] ?? '';
}

/** "the com TLD server", "the naver.com authoritative server". */
export function serverText(actor: string, qname: string): Text {
  const z = zoneOf(actor, qname);
  if (actor === 'root') return tx('루트 서버', 'the root server');
  if (!z.includes('.')) return tx(`${z} TLD 서버`, `the ${z} TLD server`);
  return tx(`${z} 권한 서버`, `the ${z} authoritative server`);
}

export const hostOfIp = (ip: string) => SERVERS.find((s) => s.ip === ip)?.name ?? ip;

/** What a server did with a query: its response, explained. */
export function serverSays(actor: string, r: Required<DnsMessage>): { caption: Text; narration: Text } {
  const q = r.questions[0];
  const qn = showName(q.name);
  const s = serverText(actor, q.name);
  const zone = showName(zoneOf(actor, q.name));
  const kind = responseKind(r);
  switch (kind) {
    case 'referral': {
      const ns = r.authority.filter((x) => x.type === 'NS');
      const cut = showName(ns[0].name);
      return {
        caption: tx(`${s.ko}: ${cut} 서버로 위임`, `${cap(s.en)}: referral to ${cut}`),
        narration: tx(
          `${s.ko}는 ${qn}의 답을 갖고 있지 않습니다. 대신 ${cut} 영역을 맡은 네임서버를 알려 주는 위임(referral)으로 답합니다: AA=0, 권한(authority) 섹션에 ${cut}의 NS 레코드 ${ns.length}개, 추가(additional) 섹션에 그 서버들의 주소(글루) ${r.additional.length}개. 대신 물어봐 주지는 않습니다. RD=0인 반복(iterative) 질의에 대한 답이기 때문입니다.`,
          `${cap(s.en)} does not hold the answer for ${qn}. It replies with a referral to the servers in charge of ${cut}: AA=0, ${ns.length} NS records for ${cut} in the authority section, and their addresses (glue) in the additional section (${r.additional.length}). It does not go and ask on anyone's behalf: this answers an iterative query (RD=0).`,
        ),
      };
    }
    case 'answer':
      return {
        caption: tx(`${s.ko}: ${typeName(q.type)} 답 (AA=1)`, `${cap(s.en)}: ${typeName(q.type)} answer (AA=1)`),
        narration: tx(
          `${s.ko}는 ${zone} 영역을 책임지는 서버이므로 직접, 권한 있게 답합니다: AA=1, 답(answer) 섹션에 ${recs(r.answers)}. 주소를 리졸버에게 돌려주는 것은 이 권한 서버입니다.`,
          `${cap(s.en)} is authoritative for ${zone}, so it answers itself: AA=1, with ${recs(r.answers)} in the answer section. It is this server that returns the address to the resolver.`,
        ),
      };
    case 'cname': {
      const last = r.answers[r.answers.length - 1] as { host: string };
      return {
        caption: tx(`${s.ko}: CNAME → ${showName(last.host)}`, `${cap(s.en)}: CNAME → ${showName(last.host)}`),
        narration: tx(
          `${s.ko}의 답은 주소가 아니라 별칭입니다: ${qn}은(는) ${showName(last.host)}의 CNAME입니다 (AA=1). 대상 이름은 ${zone} 밖에 있으므로 이 서버는 여기서 멈추고, 묻는 쪽이 새 이름으로 다시 찾아야 합니다.`,
          `${cap(s.en)} answers with an alias, not an address: ${qn} is a CNAME for ${showName(last.host)} (AA=1). The target lies outside ${zone}, so the server stops there; whoever asked must look the new name up.`,
        ),
      };
    }
    case 'nxdomain':
    case 'nodata': {
      const soa = r.authority.find((x) => x.type === 'SOA') as Extract<DnsRecord, { type: 'SOA' }>;
      const what = kind === 'nxdomain'
        ? tx(`그런 이름(${qn})은 없다고 권한 있게 답합니다: RCODE 3 (NXDOMAIN), AA=1`, `answers with authority that no name ${qn} exists: RCODE 3 (NXDOMAIN), AA=1`)
        : tx(`이름(${qn})은 있지만 ${typeName(q.type)} 레코드는 없다고 답합니다 (NODATA: RCODE 0, 빈 답, AA=1)`, `answers that ${qn} exists but has no ${typeName(q.type)} record (NODATA: RCODE 0, an empty answer, AA=1)`);
      return {
        caption: tx(`${s.ko}: ${kind === 'nxdomain' ? 'NXDOMAIN' : 'NODATA'}`, `${cap(s.en)}: ${kind === 'nxdomain' ? 'NXDOMAIN' : 'NODATA'}`),
        narration: tx(
          `${s.ko}는 ${what.ko}. 권한 섹션의 SOA는 TTL ${soa.ttl}초로, SOA의 TTL과 MINIMUM(${soa.minimum}초) 중 작은 값입니다: 이 "없음"을 캐시해도 되는 시간입니다 (RFC 2308).`,
          `${cap(s.en)} ${what.en}. The SOA in the authority section has TTL ${soa.ttl} s, the smaller of the SOA's own TTL and its MINIMUM (${soa.minimum} s): how long this "no" may be cached (RFC 2308).`,
        ),
      };
    }
    default:
      return {
        caption: tx(`${s.ko}: ${r.rcode === 5 ? 'REFUSED' : `RCODE ${r.rcode}`}`, `${cap(s.en)}: ${r.rcode === 5 ? 'REFUSED' : `RCODE ${r.rcode}`}`),
        narration: tx(`${s.ko}는 이 이름의 영역을 맡고 있지 않아 거절합니다.`, `${cap(s.en)} does not serve this name and refuses.`),
      };
  }
}

const eun = (w: string) => w + (w.endsWith('텁') ? '은' : '는');
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface NoteContext {
  /** Who resolves: the resolver, or the stub itself in iterative mode. */
  who: Text;
  /** The stub walks the tree itself (no resolver). */
  iterative: boolean;
  name: string;
  qtype: string;
  stubCache: boolean;
  /** When the lookup being finished started (for the elapsed time). */
  startedAt: number;
  now: number;
  gapS: number;
}

/** One sentence per note. */
export function noteText(actor: string, note: DnsNote, c: NoteContext): Text | undefined {
  const who = actor === 'stub' ? tx('스텁', 'The stub') : c.who;
  switch (note.kind) {
    case 'lookup':
      return note.n === 1
        ? tx(
            `앱(브라우저)이 getaddrinfo()로 ${showName(note.name)}의 ${note.qtype} 레코드를 OS의 스텁 리졸버에게 묻습니다. 브라우저 캐시에도, hosts 파일에도 없습니다${c.stubCache ? '. OS 캐시도 비어 있습니다' : '. 이 OS의 스텁은 캐시를 두지 않습니다(캐시 데몬 없는 glibc처럼)'}.`,
            `The app (the browser) calls getaddrinfo() for the ${note.qtype} record of ${showName(note.name)}, handing the question to the OS stub resolver. Neither the browser's cache nor the hosts file has it${c.stubCache ? ', and the OS cache is empty' : '; this stub keeps no cache (like glibc with no caching daemon)'}.`,
          )
        : tx(`${c.gapS}초 뒤, 앱이 같은 이름을 다시 찾습니다.`, `${c.gapS} s later, the app looks the same name up again.`);
    case 'hosts':
      return tx(`hosts 파일에 항목(${note.name} → ${note.addresses.join(', ') || '이 종류의 주소 없음'})이 있어 DNS 질의 없이 끝납니다.`, `The hosts file has ${note.name} → ${note.addresses.join(', ') || '(nothing of this type)'}: no DNS query at all.`);
    case 'cache-hit':
      return actor === 'stub' && !c.iterative
        ? tx('스텁의 OS 캐시에 답이 아직 살아 있어(TTL이 남음) 아무것도 보내지 않습니다.', 'The answer is still alive in the stub\'s OS cache (its TTL has not run out): nothing is sent.')
        : tx(`${who.ko}의 캐시에 ${showName(note.name)} ${note.qtype} 레코드${note.negative ? `의 부재(${note.negative === 'nxdomain' ? 'NXDOMAIN' : 'NODATA'})` : ''}가 아직 살아 있습니다: 루트도 TLD도 권한 서버도 묻지 않습니다.`, `${who.en}'s cache still holds ${showName(note.name)} ${note.qtype}${note.negative ? ` (${note.negative === 'nxdomain' ? 'NXDOMAIN' : 'NODATA'})` : ''}: no root, no TLD, no authoritative server to ask.`);
    case 'cname':
      return note.cached
        ? tx(`캐시에 CNAME 레코드(${showName(note.from)} → ${showName(note.to)})가 있어 그 이름으로 이어서 찾습니다.`, `The cache has the CNAME ${showName(note.from)} → ${showName(note.to)}, so the search goes on with that name.`)
        : tx(`${eun(who.ko)} CNAME을 따라 ${showName(note.to)}부터 다시 찾기 시작합니다 (RFC 1034 §3.6.2).`, `${who.en} follows the CNAME and starts over with ${showName(note.to)} (RFC 1034 §3.6.2).`);
    case 'ask':
      if (note.retry) return tx(`${note.server}(${note.ip})에게 다시 묻습니다: 새 ID와 새 출발지 포트로.`, `It asks ${note.server} (${note.ip}) again, with a new ID and a new source port.`);
      if (note.zone === '') return tx(`캐시에 쓸 만한 것이 없으니 루트 힌트에 적힌 ${note.server}(${note.ip})에게 반복 질의(RD=0)를 보냅니다.`, `Nothing useful is cached, so it sends an iterative query (RD=0) to ${note.server} (${note.ip}) from the root hints.`);
      if (note.fromCache) return tx(`캐시에 ${showName(note.zone)}의 NS와 주소가 있으니 위쪽은 건너뛰고 ${note.server}(${note.ip})에게 바로 묻습니다.`, `The cache holds ${showName(note.zone)}'s NS and addresses, so it skips the levels above and asks ${note.server} (${note.ip}) directly.`);
      return tx(`이제 한 단계 아래, ${note.server}(${note.ip})에게 같은 질문을 반복 질의(RD=0)로 보냅니다.`, `Now one level down: it sends the same question to ${note.server} (${note.ip}) as an iterative query (RD=0).`);
    case 'cached':
      return note.entries.length
        ? tx(`${who.ko}의 캐시에 넣습니다: ${note.entries.map((e) => `${showName(e.name)} ${e.type} (TTL ${e.ttl}초)`).join(', ')}.`, `${who.en} caches ${note.entries.map((e) => `${showName(e.name)} ${e.type} (TTL ${e.ttl} s)`).join(', ')}.`)
        : undefined;
    case 'joined':
      return tx('같은 질문을 이미 풀고 있으므로 새로 시작하지 않고, 그 결과를 함께 기다립니다.', 'The same question is already being resolved: it is not started again, the stub just waits for that result too.');
    case 'rejected':
      return tx('ID·포트·질문이 기다리던 질의와 맞지 않는 응답이라 버립니다 (RFC 5452 §9.1).', 'The response matches no outstanding query (ID, port, question): it is dropped (RFC 5452 §9.1).');
    case 'timeout':
      return tx(`${note.server}에게서 ${QUERY_TIMEOUT} ms 안에 응답이 없습니다 (${note.timeouts}번째 시간 초과).`, `No response from ${note.server} within ${QUERY_TIMEOUT} ms (timeout ${note.timeouts}).`);
    case 'servfail':
      return tx(`${note.why === 'timeouts' ? `시간 초과가 ${MAX_TIMEOUTS}번 쌓여` : '물을 수 있는 서버가 남지 않아'} 포기하고 SERVFAIL(RCODE 2)로 답합니다: 멈춰 있지 않고 분명하게 실패를 알립니다.`, `${note.why === 'timeouts' ? `After ${MAX_TIMEOUTS} timeouts` : 'With no server left to ask'} it gives up and answers SERVFAIL (RCODE 2): a clear failure, not a hang.`);
    case 'reply':
      if (actor === 'stub') return undefined;
      return note.rcode === 0 && note.answers.length
        ? tx(`리졸버가 스텁에게 답을 돌려줍니다: RA=1, AA=0(리졸버는 권한 서버가 아니므로), 답 섹션에 ${recs(note.answers)}. TTL은 캐시에 남은 시간입니다.`, `The resolver returns the answer to the stub: RA=1, AA=0 (it is not authoritative), ${recs(note.answers)} in the answer section. Each TTL is the time left in its cache.`)
        : tx(`리졸버가 스텁에게 응답(${note.rcode === 3 ? 'NXDOMAIN' : note.rcode === 2 ? 'SERVFAIL' : 'NODATA'})을 돌려줍니다 (RA=1, AA=0).`, `The resolver returns ${note.rcode === 3 ? 'NXDOMAIN' : note.rcode === 2 ? 'SERVFAIL' : 'NODATA'} to the stub (RA=1, AA=0).`);
    case 'stub-retry':
      return tx(`스텁이 ${STUB_TIMEOUT / 1000}초 동안 답을 받지 못해 같은 질의를 다시 보냅니다 (glibc 기본값 timeout:5 attempts:${STUB_ATTEMPTS}).`, `The stub heard nothing for ${STUB_TIMEOUT / 1000} s and sends the same query again (glibc defaults timeout:5 attempts:${STUB_ATTEMPTS}).`);
    case 'done': {
      const ms = c.now - c.startedAt;
      if (note.failure === 'timeout') return tx(`스텁이 ${STUB_ATTEMPTS}번 모두 답을 받지 못해 포기합니다: getaddrinfo()가 EAI_AGAIN으로 실패합니다 (${ms} ms).`, `Both of the stub's ${STUB_ATTEMPTS} attempts went unanswered: getaddrinfo() fails with EAI_AGAIN (${ms} ms).`);
      if (note.failure === 'servfail') return tx(`SERVFAIL을 받은 getaddrinfo()가 EAI_AGAIN으로 실패합니다 (${ms} ms).`, `With SERVFAIL, getaddrinfo() fails with EAI_AGAIN (${ms} ms).`);
      if (note.rcode === 3) return tx(`getaddrinfo()가 "그런 이름 없음"(EAI_NONAME)을 돌려줍니다 (${ms} ms).`, `getaddrinfo() reports "no such name" (EAI_NONAME) (${ms} ms).`);
      const own = note.answers.filter((r) => typeName(r.type as never) === c.qtype).map(rdataText);
      return own.length
        ? tx(`조회가 끝났습니다: ${own.join(', ')} (${ms} ms${note.via === 'network' ? '' : ', 네트워크 없이'}).`, `The lookup is done: ${own.join(', ')} (${ms} ms${note.via === 'network' ? '' : ', no network'}).`)
        : tx(`이 이름에는 ${c.qtype} 레코드가 없습니다 (NODATA, ${ms} ms).`, `The name has no ${c.qtype} record (NODATA, ${ms} ms).`);
    }
  }
}
