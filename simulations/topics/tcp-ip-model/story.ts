/**
 * The tcp-ip-model story: the seven OSI layers fold into RFC 1122's four, then one HTTP
 * request is wrapped layer by layer with the same encoders as the osi-model page, each
 * box sized from the real bytes.
 */
import type { TcpPacketRef } from '../../core/packets';
import { StoryBuilder, type Story } from '../../core/story';
import type { Text } from '../../core/text';
import type { CountersEntity, LinkEntity, NodeEntity } from '../../core/timeline';
import type { LayersEntity } from '../../figures/layers';
import { decodeEthernet } from '../../wire/ethernet';
import { headerBoxes, NET, type Encapsulation, type Stage } from '../osi-model/encap';
import { OSI_LAYERS, TCPIP_LAYERS, type TcpIpLayer } from '../osi-model/stack';

const T = (ko: string, en: string): Text => ({ ko, en });
const ADDRESS: Record<TcpIpLayer, string> = { application: '—', transport: 'port', internet: 'IP', link: 'MAC' };
const STAGE: Record<TcpIpLayer, Stage> = { application: 'app', transport: 'transport', internet: 'network', link: 'link' };

/** OSI layer boxes on the left (7 at the top), TCP/IP layer boxes on the right, sized to the layers they cover. */
const ROW = 12.5;
const osiNode = (n: number): NodeEntity => ({ kind: 'node', id: `osi-${n}`, label: OSI_LAYERS[7 - n].name, x: 4, y: 4 + (7 - n) * ROW, w: 30, h: ROW - 2, role: 'group' });
const tcpipNode = (l: (typeof TCPIP_LAYERS)[number], hi: boolean): NodeEntity => {
  const top = Math.max(...l.osi);
  const y = 4 + (7 - top) * ROW;
  return { kind: 'node', id: l.key, label: l.name, sublabel: l.examples, x: 62, y, w: 34, h: l.osi.length * ROW - 2, role: 'group', highlight: hi };
};

export function foldTable(highlight: TcpIpLayer): CountersEntity {
  return {
    kind: 'counters',
    id: 'fold-table',
    title: T('TCP/IP 4계층 (RFC 1122)', 'The four TCP/IP layers (RFC 1122)'),
    columns: [T('OSI 계층', 'OSI layers'), T('주소', 'Address'), T('예', 'Examples')],
    rows: TCPIP_LAYERS.map((l) => ({
      label: l.id === highlight ? { ko: `▶ ${l.name.ko}`, en: `▶ ${l.name.en}` } : l.name,
      values: [l.osi.length > 1 ? `${l.osi[0]}–${l.osi[l.osi.length - 1]}` : String(l.osi[0]), ADDRESS[l.id], l.examples ?? ''],
    })),
  };
}

function stack(id: string, model: 'osi' | 'tcpip', active: string[], e: Encapsulation | null, stage?: Stage): LayersEntity {
  const layers = model === 'osi' ? [...OSI_LAYERS] : TCPIP_LAYERS.map(({ id: _id, ...l }) => l);
  return {
    kind: 'layers',
    id,
    title: model === 'osi' ? T('OSI 참조 모델 (ISO/IEC 7498-1)', 'OSI reference model (ISO/IEC 7498-1)') : T('인터넷 프로토콜 스택 (RFC 1122)', 'Internet protocol suite (RFC 1122)'),
    model,
    layers,
    active,
    direction: e ? 'down' : 'idle',
    headers: e && stage ? headerBoxes(e, stage) : [],
  };
}

export function buildStory(e: Encapsulation, highlight: TcpIpLayer, packetT = 0): Story {
  const b = new StoryBuilder();
  const hiKey = `tcpip-${highlight}`;
  const links: LinkEntity[] = TCPIP_LAYERS.flatMap((l) => l.osi.map((n) => ({ kind: 'link' as const, id: `fold-${n}`, a: `osi-${n}`, b: l.key, highlight: l.id === highlight })));
  const eth = decodeEthernet(e.frame);
  const ref: TcpPacketRef = { proto: 'tcp', fields: { src: NET.a.ip, dst: NET.b.ip, seg: e.seg, t: packetT, ipId: (e.packet[4] << 8) | e.packet[5], ttl: NET.ttl, eth: { src: eth.src, dst: eth.dst }, app: 'http' } };
  const label = `PSH, ACK seq=${e.seg.seq}`;

  b.beat({
    t: 0,
    key: 'osi',
    caption: T('OSI 7계층: 참조 모델', 'OSI: a seven-layer reference model'),
    narration: T(
      'OSI 모델(ISO/IEC 7498-1)은 통신을 일곱 계층으로 나눠 설명하는 참조 모델입니다. 인터넷은 이 모델로 만들어지지 않았습니다: 인터넷은 TCP/IP 프로토콜 모음 위에 있고, RFC 1122가 그 계층을 응용, 전송, 인터넷, 링크의 넷으로 적습니다.',
      'The OSI model (ISO/IEC 7498-1) is a reference model that describes communication in seven layers. The Internet was not built from it: it runs on the TCP/IP suite, whose layers RFC 1122 names as four: application, transport, internet and link.',
    ),
  });
  for (let n = 7; n >= 1; n--) b.show(osiNode(n));
  b.show(stack('stack-osi', 'osi', [], null));
  b.show(foldTable(highlight));

  const FOLD: Record<TcpIpLayer, Text> = {
    application: T(
      '5·6·7계층(세션, 표현, 응용)이 TCP/IP의 응용 계층 하나가 됩니다. HTTP, DNS, SMTP 같은 프로토콜이 문자 인코딩, 압축, 연결 관리까지 스스로 합니다. TLS는 어느 한 OSI 계층에 깔끔히 들어맞지 않습니다: TCP 위, HTTP 아래에서 암호화(표현)와 세션 관리를 함께 합니다. 단위는 메시지(데이터), 주소는 없습니다(이름은 DNS가 IP로 바꿉니다).',
      'Layers 5, 6 and 7 (session, presentation, application) become TCP/IP\'s single application layer. Protocols such as HTTP, DNS and SMTP handle character encoding, compression and connection handling themselves. TLS does not fit neatly into one OSI layer: it sits above TCP and below HTTP, doing encryption (presentation) and session handling at once. The unit is a message (data); there is no address at this layer (DNS turns names into IPs).',
    ),
    transport: T(
      '4계층은 그대로 전송 계층입니다. TCP(세그먼트)와 UDP(데이터그램)가 호스트 안의 어느 소켓인지를 포트로 가리킵니다. 전송 계층은 끝에서 끝까지의 일입니다: 중간의 스위치와 라우터는 TCP 헤더를 읽지 않습니다.',
      'Layer 4 stays the transport layer. TCP (segments) and UDP (datagrams) name the socket on a host with a port. The transport layer works end to end: switches and routers in between do not read the TCP header.',
    ),
    internet: T(
      '3계층은 인터넷 계층입니다. IP가 패킷(RFC 791의 말로는 데이터그램)을 IP 주소로 네트워크에서 네트워크로 나릅니다. 이 계층의 장비는 라우터입니다: RFC 1122가 "게이트웨이"라고 부르는 것이 바로 라우터입니다.',
      'Layer 3 is the internet layer. IP carries packets (datagrams, in RFC 791\'s words) from network to network by IP address. Its device is the router: what RFC 1122 calls a "gateway" is exactly that.',
    ),
    link: T(
      '1·2계층(물리, 데이터 링크)이 링크 계층 하나가 됩니다. RFC 1122는 링크 계층 아래를 정하지 않고 이더넷이나 Wi-Fi 같은 기술에 맡깁니다. 단위는 프레임, 주소는 MAC, 장비는 스위치와 브리지(물리 계층만 보면 허브와 리피터)입니다. ARP도 여기에 속합니다.',
      'Layers 1 and 2 (physical, data link) become the single link layer. RFC 1122 leaves what lies below it to technologies such as Ethernet or Wi-Fi. The unit is a frame, the address a MAC, the devices switches and bridges (hubs and repeaters, physical only). ARP belongs here too.',
    ),
  };
  for (const l of TCPIP_LAYERS) {
    b.beat({ t: 0, key: `fold-${l.id}`, caption: T(`${l.osi.join('·')}계층 → ${l.name.ko}`, `Layer${l.osi.length > 1 ? 's' : ''} ${l.osi.join(', ')} → ${l.name.en}`), narration: FOLD[l.id] });
    b.show(tcpipNode(l, l.id === highlight));
    for (const lk of links.filter((x) => x.b === l.key)) b.show(lk);
    b.show(stack('stack-osi', 'osi', l.osi.map((n) => `osi-${n}`), null));
  }

  const NEST: Record<TcpIpLayer, (n: number) => Text> = {
    application: (n) => T(`HTTP 요청 ${n}바이트: 요청 줄, 헤더, 빈 줄, 본문.`, `An HTTP request of ${n} bytes: request line, headers, blank line, body.`),
    transport: (n) => T(`TCP가 20바이트 헤더(포트 ${e.tcp.srcPort}→80, seq=${e.tcp.seq})를 붙여 세그먼트 ${n}바이트가 됩니다.`, `TCP adds a 20-byte header (ports ${e.tcp.srcPort}→80, seq=${e.tcp.seq}): a ${n}-byte segment.`),
    internet: (n) => T(`IP가 20바이트 헤더(${NET.a.ip}→${NET.b.ip}, TTL ${NET.ttl}, 체크섬 포함)를 붙여 패킷 ${n}바이트가 됩니다.`, `IP adds a 20-byte header (${NET.a.ip}→${NET.b.ip}, TTL ${NET.ttl}, checksum included): a ${n}-byte packet.`),
    link: (n) => T(`이더넷이 14바이트 헤더(MAC ${NET.a.mac}→${NET.r0.mac})를 붙여 프레임 ${n}바이트가 됩니다. 눌러서 바이트를 보세요.`, `Ethernet adds a 14-byte header (MAC ${NET.a.mac}→${NET.r0.mac}): a ${n}-byte frame. Click it to see the bytes.`),
  };
  const size: Record<TcpIpLayer, number> = { application: e.http.length, transport: e.segment.length, internet: e.packet.length, link: e.frame.length };
  for (const l of TCPIP_LAYERS) {
    b.beat({ t: 0, key: `nest-${l.id}`, caption: T(`${l.name.ko}: ${size[l.id]}바이트`, `${l.name.en}: ${size[l.id]} bytes`), narration: NEST[l.id](size[l.id]) });
    b.show(stack('stack-tcpip', 'tcpip', [l.key], e, STAGE[l.id]));
    if (l.id === 'link') b.show({ kind: 'packet', id: 'frame', from: 'tcpip-link', to: 'osi-1', progress: 0.5, label, status: 'flight', tone: 'data', packet: ref });
  }

  const hl = TCPIP_LAYERS.find((l) => l.id === highlight)!;
  b.beat({
    t: 0,
    key: 'focus',
    caption: T(`자세히: ${hl.name.ko}`, `In focus: ${hl.name.en}`),
    narration: T(
      `${hl.name.ko}: OSI ${hl.osi.join('·')}계층, 단위 ${hl.pdu.ko}, 주소 ${hl.address?.ko ?? '없음'}, 장비 ${hl.devices.ko}, 프로토콜 ${hl.examples}. 이 요청에서 이 계층의 PDU는 ${size[highlight]}바이트입니다.`,
      `${hl.name.en}: OSI layer${hl.osi.length > 1 ? 's' : ''} ${hl.osi.join(', ')}, unit ${hl.pdu.en}, address ${hl.address?.en ?? 'none'}, devices ${hl.devices.en}, protocols ${hl.examples}. In this request its PDU is ${size[highlight]} bytes.`,
    ),
  });
  b.show(stack('stack-tcpip', 'tcpip', [hiKey], e, STAGE[highlight]));
  b.show(stack('stack-osi', 'osi', hl.osi.map((n) => `osi-${n}`), null));
  return b.build();
}
