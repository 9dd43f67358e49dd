/** Captions and narrations of the dns topic, in Korean and English. */
import { joinText, t, type Text } from '../../core/text';
import type { HostnameFail, HostnameOk } from '../../names';
import { josa } from '../../names/ko';
import type { NsNode } from './tree';

const dot = (name: string) => (name === '' ? '.' : name + '.');
const q = (s: string) => `"${s}"`;
const qk = (s: string, p: Parameters<typeof josa>[1]) => josa(q(s), p);

export function nameText(h: HostnameOk): { caption: Text; narration: Text } {
  const n = h.labels.length;
  const list = h.labels.map((l) => l.ascii).join(', ');
  const longest = Math.max(...h.labels.map((l) => l.octets));
  const shown = h.input.trim();
  const extra = [...h.notes.map((x) => x.message), ...h.warnings.map((x) => x.message)];
  return {
    caption: t(`${shown}: 레이블 ${n}개 + 루트`, `${shown}: ${n} label${n === 1 ? '' : 's'} + the root`),
    narration: joinText([
      t(
        `${qk(shown, '은')} 레이블 ${n}개(${list})와 보이지 않는 루트로 이루어진 도메인 이름입니다. DNS는 이런 이름을 IP 주소 같은 데이터로 바꿔 주는 분산 데이터베이스입니다: 이름에서 주소로 갑니다. 이름은 계층 구조라서 오른쪽에서 왼쪽으로, 루트부터 한 레이블씩 읽습니다. 길이는 ${h.length}자(최대 253자), 전송 형식으로는 ${h.wireOctets}옥텟(최대 255옥텟)이고, 가장 긴 레이블은 ${longest}옥텟입니다(최대 63옥텟). 대소문자는 구별하지 않습니다(RFC 4343).`,
        `${q(shown)} is a domain name of ${n} label${n === 1 ? '' : 's'} (${list}) plus the invisible root. The DNS is a distributed database that maps names like this to data such as IP addresses: from the name to the address. A name is hierarchical, so it is read right to left, from the root, one label at a time. It is ${h.length} characters long (at most 253), ${h.wireOctets} octets on the wire (at most 255), and its longest label has ${longest} octets (at most 63). Case does not matter (RFC 4343).`,
      ),
      ...extra,
    ]),
  };
}

export const ROOT_TEXT = {
  caption: t('루트 (.)', 'The root (.)'),
  narration: t(
    '먼저 루트입니다. 루트의 레이블은 빈 문자열이고, 모든 이름의 오른쪽 끝에 숨어 있습니다. "www.naver.com."처럼 끝에 점을 찍으면 루트까지 다 적은 완전한 도메인 이름(FQDN)이 됩니다. 루트 존은 TLD마다 NS 레코드로 하위 존을 위임합니다(RFC 1034 §3.1, §4.2).',
    'First the root. Its label is the empty string, hidden at the right end of every name; a trailing dot, as in "www.naver.com.", writes the name all the way to the root: a fully qualified domain name (FQDN). The root zone delegates each TLD\'s zone with NS records (RFC 1034 §3.1, §4.2).',
  ),
};

/** The beat for one label read (depth ≥ 1). */
export function labelText(node: NsNode, last: boolean, octets: number, parentZone: string): { caption: Text; narration: Text } {
  const name = dot(node.name);
  const shown = node.unicode ? `${node.unicode} (${node.label})` : node.label;
  const kind =
    node.depth === 1
      ? t('최상위 도메인(TLD)', 'top-level domain (TLD)')
      : node.depth === 2
        ? t('2단계 도메인', 'second-level domain')
        : last
          ? t('가장 왼쪽 레이블', 'leftmost label')
          : t(`${node.depth}단계 레이블`, `level-${node.depth} label`);
  const parts: Text[] = [
    t(
      `${q(node.label)} 레이블(${octets}옥텟, 최대 63): ${qk(name, '은')} ${q(dot(node.parent!))} 아래에 있는 ${kind.ko}입니다.`,
      `Label ${q(node.label)} (${octets} octets, at most 63): ${q(name)} is a ${kind.en} under ${q(dot(node.parent!))}.`,
    ),
  ];
  if (node.unicode) {
    parts.push(
      t(
        `유니코드 레이블 ${q(node.unicode)}는 DNS에 ASCII인 A-레이블 ${q(node.label)}로 저장되고 조회됩니다(IDNA, 퓨니코드: RFC 5890, RFC 5891, RFC 3492).`,
        `The Unicode label ${q(node.unicode)} is stored and looked up as the ASCII A-label ${q(node.label)} (IDNA and Punycode: RFC 5890, RFC 5891, RFC 3492).`,
      ),
    );
  }
  if (node.added) {
    parts.push(
      node.depth <= 2
        ? t('기본 트리에 없는 이름이라 노드를 새로 붙였습니다. 이 그림에서는 부모 존이 위임한 존으로 가정합니다.', 'This name is not in the base tree, so a node is added; the figure takes it for a zone delegated by its parent.')
        : t('기본 트리에 없는 이름이라 노드를 새로 붙였습니다. 부모와 같은 존에 있는 것으로 그립니다.', 'This name is not in the base tree, so a node is added, drawn in its parent\'s zone.'),
    );
  }
  if (node.zone === node.name) {
    parts.push(
      t(
        `존 경계입니다: ${q(dot(parentZone))} 존이 NS 레코드로 ${q(name)} 존을 위임합니다. 이 아래의 데이터는 ${q(name)}의 네임 서버가 책임집니다.`,
        `A zone cut: the ${q(dot(parentZone))} zone delegates the ${q(name)} zone with NS records; the data below it is the business of ${q(name)}'s name servers.`,
      ),
    );
  } else {
    parts.push(t(`위임 없이 ${q(dot(node.zone))} 존 안에 있는 이름입니다.`, `No delegation here: the name lies inside the ${q(dot(node.zone))} zone.`));
  }
  return { caption: t(`${shown} — ${kind.ko}`, `${shown} — ${kind.en}`), narration: joinText(parts) };
}

export function zoneCutText(name: string, chain: string[], zone: string): { caption: Text; narration: Text } {
  const path = chain.map(dot).join(' → ');
  // In a sentence each zone is quoted: a name ends in its dot, and the sentence's own period
  // must not read as a second one ("naver.com.." ).
  const said = chain.map((z) => q(dot(z))).join(' → ');
  const cuts = chain.length - 1;
  return {
    caption: t(`존과 위임: ${path}`, `Zones and delegations: ${path}`),
    narration: t(
      `이 이름까지 오는 길에 존이 ${chain.length}개, 위임(존 경계)이 ${cuts}번 있습니다: ${said}. 위임마다 부모 존은 자식 존의 NS 레코드(와 필요하면 글루 주소)만 갖고, 자식 존의 데이터는 자식 존의 네임 서버가 가집니다. ${q(dot(name))}의 데이터는 ${q(dot(zone))} 존에 있고, 그 존의 권한 있는 서버가 답합니다.`,
      `On the way to this name there are ${chain.length} zones and ${cuts} delegation${cuts === 1 ? '' : 's'} (zone cuts): ${said}. At each cut the parent zone holds only the child's NS records (and glue addresses where needed); the child zone's data lives on the child's name servers. The data of ${q(dot(name))} is in the ${q(dot(zone))} zone, and that zone's authoritative servers answer for it.`,
    ),
  };
}

export function cnameText(name: string, target: string, targetZone: string): { caption: Text; narration: Text } {
  return {
    caption: t(`CNAME: ${dot(name)} → ${dot(target)}`, `CNAME: ${dot(name)} → ${dot(target)}`),
    narration: t(
      `${q(dot(name))}에는 CNAME 레코드가 있습니다: 이 이름은 ${q(dot(target))}의 별칭이고, 그 이름은 다른 존(${q(dot(targetZone))})에 있습니다. 리졸버는 CNAME을 따라가 그 존에서 A·AAAA 레코드를 찾습니다. 네이버의 실제 www.naver.com도 이렇게 CDN 쪽 존의 이름을 가리킵니다. CNAME이 있는 이름에는 다른 레코드를 둘 수 없습니다(RFC 1034 §3.6.2).`,
      `${q(dot(name))} has a CNAME record: it is an alias of ${q(dot(target))}, a name in another zone (${q(dot(targetZone))}). A resolver follows the CNAME and looks for A/AAAA records in that zone. Naver's real www.naver.com points into its CDN's zone the same way. A name with a CNAME can hold no other records (RFC 1034 §3.6.2).`,
    ),
  };
}

export function recordsText(name: string, zone: string, types: string[], own: string[], hasChildren: boolean, knownZone: boolean): { caption: Text; narration: Text } {
  const list = types.join(', ');
  const head = knownZone
    ? t(`${q(dot(zone))} 존에 있는 레코드 유형: ${list}.`, `Record types in the ${q(dot(zone))} zone: ${list}.`)
    : t(
        `${q(dot(zone))} 존은 이 그림의 데이터에 없습니다. 어느 존이든 꼭대기에 SOA와 NS 레코드는 있습니다(RFC 1034 §4.2.1).`,
        `The ${q(dot(zone))} zone is not in this figure's data; every zone has an SOA and NS records at its apex (RFC 1034 §4.2.1).`,
      );
  const mine =
    own.length > 0
      ? t(`이 이름의 레코드: ${own.join(' / ')}`, `Records at this name: ${own.join(' / ')}`)
      : hasChildren
        ? t('이 이름 자체에는 레코드가 없지만 아래에 이름이 있습니다(빈 비단말). 이 이름을 물으면 "이름은 있으나 데이터 없음"(NODATA) 응답이 옵니다.', 'This name owns no records but has names below it (an empty non-terminal): a query for it gets a "name exists, no data" (NODATA) answer.')
        : t('이 데이터에는 이 이름의 레코드가 없습니다. 실제 존에도 없다면 권한 있는 서버는 NXDOMAIN(그런 이름 없음)으로 답합니다(RFC 8020).', 'This data has no records for the name; if the real zone has none either, its authoritative server answers NXDOMAIN (no such name, RFC 8020).');
  return { caption: t(`레코드: ${dot(zone)} 존`, `Records: the ${dot(zone)} zone`), narration: joinText([head, mine]) };
}

export function invalidTexts(h: HostnameFail): { name: { caption: Text; narration: Text }; invalid: { caption: Text; narration: Text } } {
  const errors = h.problems.filter((p) => p.severity === 'error');
  const shown = h.input.length > 60 ? h.input.slice(0, 57) + '…' : h.input;
  return {
    name: {
      caption: t(`${shown || '(빈 이름)'}: 올바른 호스트 이름이 아닙니다`, `${shown || '(empty name)'}: not a valid host name`),
      narration: t(
        `입력 ${qk(shown, '을')} 레이블로 나눠 규칙에 맞는지 확인했습니다. 빨간 레이블이 규칙을 어긴 곳입니다. 트리는 기본 이름공간만 보여 줍니다.`,
        `The input ${q(shown)} was split into labels and checked against the rules; the labels in red break them. The tree shows the base namespace only.`,
      ),
    },
    invalid: {
      caption: t(`규칙 위반 ${errors.length}건`, `${errors.length} rule${errors.length === 1 ? '' : 's'} broken`),
      narration: joinText(h.problems.map((p) => p.message)),
    },
  };
}
