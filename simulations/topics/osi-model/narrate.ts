/** Captions and narrations of the osi-model beats, from what the machines noted. */
import type { Text } from '../../core/text';
import { hex16 } from '../../wire/fields';
import type { Note } from './actors';
import { NET, type Encapsulation } from './encap';
import { routeText } from './routes';

const T = (ko: string, en: string): Text => ({ ko, en });
export interface Told {
  caption: Text;
  narration: Text;
}
const told = (caption: Text, narration: Text): Told => ({ caption, narration });
const who = (w: string): Text => (w === 'R' ? T('라우터', 'The router') : T(`호스트 ${w}`, `Host ${w}`));

export function tellEncap(stage: 'app' | 'transport' | 'network', e: Encapsulation, ipId: number): Told {
  const body = e.http.length - e.httpHead;
  const tcp = e.segment.length - e.http.length;
  switch (stage) {
    case 'app':
      return told(
        T(`7–5계층: HTTP 요청 ${e.http.length}바이트`, `Layers 7–5: an HTTP request, ${e.http.length} bytes`),
        T(
          `호스트 A의 앱이 입력한 글자를 UTF-8 본문(${body}바이트)으로 바꾸고, 그 앞에 HTTP/1.1 요청 줄과 헤더(${e.httpHead}바이트)를 붙입니다: POST /echo, Host, Content-Type, Content-Length. 인터넷의 실제 스택에는 5·6계층이 따로 없습니다: 문자 인코딩(표현)과 연결 관리(세션)는 앱과 HTTP가 직접 맡습니다. 이 단계의 단위는 그냥 데이터(메시지)입니다.`,
          `Host A's app turns the text typed into a UTF-8 body (${body} bytes) and puts an HTTP/1.1 request line and headers (${e.httpHead} bytes) in front: POST /echo, Host, Content-Type, Content-Length. The Internet's real stack has no separate layers 5 and 6: character encoding (presentation) and connection handling (session) are done by the app and HTTP themselves. The unit here is just data (a message).`,
        ),
      );
    case 'transport':
      return told(
        T(`4계층: TCP 헤더 ${tcp}바이트 → 세그먼트`, `Layer 4: a ${tcp}-byte TCP header → segment`),
        T(
          `TCP가 헤더 ${tcp}바이트를 앞에 붙여 세그먼트(${e.segment.length}바이트)를 만듭니다. 출발지 포트 ${e.tcp.srcPort}(임시 포트), 목적지 포트 80, seq=${e.tcp.seq}, ack=${e.tcp.ack}, 플래그 PSH·ACK. 체크섬은 IP 주소가 든 의사 헤더까지 덮습니다. 연결은 이미 3-way 핸드셰이크로 열려 있다고 봅니다. 포트는 호스트 안에서 어느 소켓인지를 가리키는 4계층의 주소입니다.`,
          `TCP puts a ${tcp}-byte header in front, making a segment (${e.segment.length} bytes): source port ${e.tcp.srcPort} (ephemeral), destination port 80, seq=${e.tcp.seq}, ack=${e.tcp.ack}, flags PSH and ACK. Its checksum also covers a pseudo-header holding the IP addresses. The connection is taken as already open by the 3-way handshake. A port is layer 4's address: which socket on the host.`,
        ),
      );
    case 'network':
      return told(
        T(`3계층: IPv4 헤더 20바이트 → 패킷`, `Layer 3: a 20-byte IPv4 header → packet`),
        T(
          `IP가 헤더 20바이트를 붙여 패킷(${e.packet.length}바이트)을 만듭니다: 출발지 ${NET.a.ip}, 목적지 ${NET.b.ip}, TTL ${NET.ttl}, 식별 번호 ${ipId}, 헤더 체크섬 ${hex16(view16(e.packet, 10))}. ${NET.b.ip}는 A의 네트워크(${NET.lanA.prefix}/${NET.lanA.len}) 밖이므로, A는 패킷을 기본 게이트웨이 ${NET.r0.ip}(라우터)에게 넘기기로 합니다. IP 주소는 끝에서 끝까지 그대로 갑니다.`,
          `IP puts a 20-byte header in front, making a packet (${e.packet.length} bytes): source ${NET.a.ip}, destination ${NET.b.ip}, TTL ${NET.ttl}, identification ${ipId}, header checksum ${hex16(view16(e.packet, 10))}. ${NET.b.ip} is outside A's network (${NET.lanA.prefix}/${NET.lanA.len}), so A decides to hand the packet to its default gateway, ${NET.r0.ip} (the router). The IP addresses stay the same from end to end.`,
        ),
      );
  }
}

const view16 = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];

export function tellArpRequest(n: Extract<Note, { k: 'arp-miss' }>): Told {
  const w = who(n.who);
  return told(
    T(`ARP 요청: ${n.ip}의 MAC은? (브로드캐스트)`, `ARP request: who has ${n.ip}? (broadcast)`),
    T(
      `${w.ko}의 ARP 캐시에 다음 홉 ${n.ip}의 MAC 주소가 없습니다. 프레임을 만들려면 목적지 MAC이 있어야 하므로, 패킷을 잠시 붙잡아 두고 ARP 요청(RFC 826)을 보냅니다: "${n.ip}를 가진 장비는 MAC을 알려 달라". 목적지 MAC은 ff:ff:ff:ff:ff:ff(브로드캐스트), 28바이트 ARP 본문에 18바이트의 0을 채워 60바이트 프레임이 됩니다.`,
      `${w.en}'s ARP cache has no MAC address for the next hop, ${n.ip}. A frame needs a destination MAC, so it holds the packet and sends an ARP request (RFC 826): "whoever has ${n.ip}, tell me your MAC". The destination MAC is ff:ff:ff:ff:ff:ff (broadcast); the 28-byte ARP body is padded with 18 zero bytes to a 60-byte frame.`,
    ),
  );
}

export function tellArpReply(by: string, to: string, mac: string): Told {
  const w = who(by);
  return told(
    T(`ARP 응답: ${mac}`, `ARP reply: ${mac}`),
    T(
      `${w.ko}가 찾던 IP의 주인입니다. 요청에 적힌 보낸 쪽(${to})의 IP와 MAC을 자기 캐시에 넣고(RFC 826은 요청을 받는 쪽도 배우게 합니다), 브로드캐스트가 아니라 요청한 장비에게 바로 응답을 보냅니다: "그 IP의 MAC은 ${mac}".`,
      `${w.en} owns the IP asked for. It stores the sender's IP and MAC (${to}) from the request in its own cache (RFC 826 has the target learn too), and replies straight to the asker, not by broadcast: "that IP is at ${mac}".`,
    ),
  );
}

export function tellArpLearn(ip: string, mac: string): Told {
  return told(
    T(`A의 ARP 캐시: ${ip} → ${mac}`, `A's ARP cache: ${ip} → ${mac}`),
    T(`응답이 도착했습니다. A가 ${ip} → ${mac}을 ARP 캐시에 적고, 붙잡아 두었던 패킷을 꺼내 프레임으로 보낼 준비를 합니다.`, `The reply arrives. A writes ${ip} → ${mac} into its ARP cache and takes out the packet it was holding, ready to frame it.`),
  );
}

export function tellLink(frame: Uint8Array, mac: string, warm: boolean): Told {
  return told(
    T(`2계층: 이더넷 헤더 14바이트 → 프레임`, `Layer 2: a 14-byte Ethernet header → frame`),
    T(
      `${warm ? `ARP 캐시에 이미 ${NET.r0.ip} → ${mac}이 있습니다. ` : ''}이더넷 II 헤더 14바이트를 붙여 프레임(${frame.length}바이트)을 만듭니다: 목적지 MAC ${mac}(라우터의 eth0, 최종 목적지 B가 아님), 출발지 MAC ${NET.a.mac}, 타입 0x0800(IPv4). MAC 주소는 한 링크 안에서만 쓰이는 2계층 주소입니다.`,
      `${warm ? `The ARP cache already holds ${NET.r0.ip} → ${mac}. ` : ''}An Ethernet II header of 14 bytes goes in front, making a frame (${frame.length} bytes): destination MAC ${mac} (the router's eth0, not the final host B), source MAC ${NET.a.mac}, type 0x0800 (IPv4). A MAC address is a layer 2 address, used within one link only.`,
    ),
  );
}

export function tellPhysical(frame: Uint8Array): Told {
  return told(
    T(`1계층: 비트로 전송`, `Layer 1: sent as bits`),
    T(
      `NIC가 프레임 ${frame.length}바이트(${frame.length * 8}비트)를 선로의 신호로 바꿉니다. 실제 이더넷은 앞에 프리앰블과 SFD(8바이트)를, 뒤에 FCS(CRC-32, 4바이트)를 붙이지만, 캡처 파일에는 보통 들어 있지 않아 여기서도 빠져 있습니다. 물리 계층은 주소를 모르고 비트만 나릅니다.`,
      `The NIC turns the ${frame.length}-byte frame (${frame.length * 8} bits) into a signal on the wire. Real Ethernet adds a preamble and SFD (8 bytes) in front and an FCS (CRC-32, 4 bytes) behind, which captures usually leave out, as here. The physical layer knows no addresses: it only carries bits.`,
    ),
  );
}

export function tellSwitch(n: Extract<Note, { k: 'switch' }>, arp: boolean): Told {
  const learn = n.learned
    ? T(`출발지 MAC ${n.src}을 ${n.inPort}번 포트로 MAC 테이블에 배웁니다. `, `It learns source MAC ${n.src} on port ${n.inPort} in its MAC table. `)
    : T(`출발지 ${n.src}은 이미 ${n.inPort}번 포트로 알고 있습니다. `, `It already knows source ${n.src} on port ${n.inPort}. `);
  const ports = n.out.join(', ');
  const how = n.dst === 'ff:ff:ff:ff:ff:ff'
    ? T(`목적지가 브로드캐스트이므로 들어온 포트를 뺀 모든 포트(${ports})로 내보냅니다(플러딩).`, `The destination is the broadcast address, so it sends the frame out of every port but the one it came in on (${ports}): flooding.`)
    : n.flood
      ? T(`목적지 ${n.dst}는 테이블에 없으므로 들어온 포트를 뺀 모든 포트(${ports})로 플러딩합니다.`, `Destination ${n.dst} is not in the table, so it floods the frame out of every other port (${ports}).`)
      : T(`목적지 ${n.dst}는 ${ports}번 포트에 있으므로 그 포트로만 보냅니다.`, `Destination ${n.dst} is on port ${ports}, so the frame goes out of that port only.`);
  const cap = n.flood ? T(`스위치: 플러딩 → 포트 ${ports}`, `Switch: flood → ports ${ports}`) : T(`스위치: 포트 ${ports}로 전달`, `Switch: forward to port ${ports}`);
  return told(
    cap,
    T(
      `스위치(2계층)가 ${arp ? 'ARP ' : ''}프레임을 ${n.inPort}번 포트로 받습니다. ${learn.ko}${how.ko} 스위치는 이더넷 헤더만 읽고 아무것도 바꾸지 않습니다: 나가는 바이트는 들어온 바이트와 같습니다(IEEE 802.1D 학습 브리지).`,
      `The switch (layer 2) takes the ${arp ? 'ARP ' : ''}frame on port ${n.inPort}. ${learn.en}${how.en} A switch reads only the Ethernet header and changes nothing: the bytes out are the bytes in (an IEEE 802.1D learning bridge).`,
    ),
  );
}

export function tellDrop(n: Extract<Note, { k: 'drop' }>): Told {
  return told(
    T(`호스트 ${n.who}: 내 것이 아님 → 버림`, `Host ${n.who}: not for me → dropped`),
    n.why === 'arp-other'
      ? T(`플러딩된 ARP 요청이 호스트 ${n.who}에게도 닿았지만, 찾는 IP가 자기 주소(${NET.c.ip})가 아니므로 답하지 않고 버립니다.`, `The flooded ARP request reaches host ${n.who} too, but the IP asked for is not its own (${NET.c.ip}), so it drops it without answering.`)
      : T(`플러딩된 프레임이 호스트 ${n.who}에게도 닿았지만, 목적지 MAC이 자기 것이 아니므로 NIC가 버립니다. 스위치가 목적지를 배운 뒤에는 이런 복사본이 생기지 않습니다.`, `The flooded frame reaches host ${n.who} too, but the destination MAC is not its own, so its NIC drops it. Once the switch has learned the destination, no such copies are made.`),
  );
}

export function tellRoute(n: Extract<Note, { k: 'route' }>): Told {
  const all = n.matches.map(routeText).join(', ');
  const c = routeText(n.chosen);
  return told(
    T(`라우터: ${n.dst} → ${c} (최장 일치)`, `Router: ${n.dst} → ${c} (longest prefix)`),
    T(
      `라우터(3계층)가 eth0으로 프레임을 받아, 목적지 MAC이 자기 것이니 이더넷 헤더를 벗기고 IP 헤더를 봅니다: 헤더 체크섬이 맞고 TTL은 ${NET.ttl}. 라우팅 테이블에서 목적지 ${n.dst}와 맞는 항목은 ${all}입니다. 가장 긴 접두사 ${c}가 이깁니다(최장 접두사 일치, RFC 1812 §5.2.4.3): eth1에 직접 붙은 네트워크이므로 다음 홉은 B 자신입니다.`,
      `The router (layer 3) takes the frame on eth0; the destination MAC is its own, so it strips the Ethernet header and reads the IP header: the header checksum is right and the TTL is ${NET.ttl}. In its routing table, the entries matching destination ${n.dst} are ${all}. The longest prefix, ${c}, wins (longest-prefix match, RFC 1812 §5.2.4.3): a network directly on eth1, so the next hop is B itself.`,
    ),
  );
}

export function tellForward(n: Extract<Note, { k: 'forward' }>, warm: boolean): Told {
  return told(
    T(`라우터: TTL ${n.ttlIn}→${n.ttlOut}, 체크섬 재계산, MAC 교체`, `Router: TTL ${n.ttlIn}→${n.ttlOut}, checksum redone, new MACs`),
    T(
      `${warm ? 'ARP 캐시에 B의 MAC이 이미 있습니다. ' : 'B의 ARP 응답으로 B의 MAC을 알았습니다. '}라우터가 TTL을 ${n.ttlIn}에서 ${n.ttlOut}로 줄이고, 헤더가 바뀌었으니 헤더 체크섬을 다시 계산합니다(${hex16(n.csIn)} → ${hex16(n.csOut)}). 그리고 새 이더넷 헤더를 씌웁니다: 출발지 ${n.inEth.src} → ${n.outEth.src}(자기 eth1), 목적지 ${n.inEth.dst} → ${n.outEth.dst}(B). 출발지 IP ${NET.a.ip}와 목적지 IP ${NET.b.ip}는 그대로입니다. 바뀐 것은 TTL, 체크섬, MAC 두 개뿐입니다.`,
      `${warm ? "B's MAC is already in the ARP cache. " : "B's ARP reply gave the router B's MAC. "}The router lowers the TTL from ${n.ttlIn} to ${n.ttlOut} and, since the header changed, recomputes the header checksum (${hex16(n.csIn)} → ${hex16(n.csOut)}). Then it puts on a new Ethernet header: source ${n.inEth.src} → ${n.outEth.src} (its own eth1), destination ${n.inEth.dst} → ${n.outEth.dst} (B). Source IP ${NET.a.ip} and destination IP ${NET.b.ip} stay as they were. Only the TTL, the checksum and the two MACs changed.`,
    ),
  );
}

export function tellUp(stage: 'link' | 'network' | 'transport', e: Encapsulation): Told {
  switch (stage) {
    case 'link':
      return told(
        T('B, 2계층: MAC 확인 → 이더넷 헤더 제거', 'B, layer 2: MAC checked → Ethernet header off'),
        T(`B의 NIC가 비트를 프레임으로 되돌립니다. 목적지 MAC ${NET.b.mac}이 자기 것이고 타입이 0x0800이므로, 이더넷 헤더 14바이트를 떼고 안의 패킷(${e.packet.length}바이트)을 IP에 넘깁니다.`, `B's NIC turns the bits back into a frame. The destination MAC ${NET.b.mac} is its own and the type is 0x0800, so it removes the 14-byte Ethernet header and hands the packet inside (${e.packet.length} bytes) to IP.`),
      );
    case 'network':
      return told(
        T('B, 3계층: IP 확인 → IP 헤더 제거', 'B, layer 3: IP checked → IP header off'),
        T(`IP가 헤더 체크섬을 확인하고(라우터가 다시 계산한 값이 맞습니다), 목적지 ${NET.b.ip}가 자기 주소임을 봅니다. 프로토콜 번호 6(TCP)을 보고 IP 헤더를 뗀 세그먼트(${e.segment.length}바이트)를 TCP에 넘깁니다.`, `IP checks the header checksum (the one the router recomputed is right) and sees that destination ${NET.b.ip} is its own address. Protocol number 6 says TCP, so it removes the IP header and hands the segment (${e.segment.length} bytes) to TCP.`),
      );
    case 'transport':
      return told(
        T('B, 4계층: 포트 80의 소켓으로', 'B, layer 4: to the socket on port 80'),
        T(`TCP가 의사 헤더를 포함한 체크섬을 확인하고, (출발지 IP, 출발지 포트 ${e.tcp.srcPort}, 목적지 IP, 목적지 포트 80)으로 연결을 찾습니다. seq=${e.tcp.seq}가 기다리던 번호이므로 데이터 ${e.http.length}바이트를 그 소켓의 수신 버퍼에 넣습니다.`, `TCP checks the checksum, pseudo-header included, and finds the connection by (source IP, source port ${e.tcp.srcPort}, destination IP, destination port 80). seq=${e.tcp.seq} is the number it expects, so the ${e.http.length} bytes of data go into that socket's receive buffer.`),
      );
  }
}

export function tellDelivered(n: Extract<Note, { k: 'delivered' }>): Told {
  return told(
    T(`B의 앱: ${n.method} ${n.target} 도착`, `B's app: ${n.method} ${n.target} arrives`),
    T(
      `웹 서버가 소켓에서 읽은 바이트를 HTTP 요청으로 해석합니다: ${n.method} ${n.target}, 본문 "${n.body}". 헤더가 하나씩 벗겨져 A의 앱이 보낸 것과 같은 바이트가 B의 앱에 도착했습니다. 각 계층은 상대편의 같은 계층과만 이야기하는 셈입니다.`,
      `The web server reads the bytes from its socket and parses them as an HTTP request: ${n.method} ${n.target}, body "${n.body}". With the headers taken off one by one, B's app has the very bytes A's app sent. Each layer in effect talks only to the same layer on the other side.`,
    ),
  );
}
