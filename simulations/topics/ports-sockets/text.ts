/**
 * What each fact of the ports-sockets world says: a short caption and the narration, from
 * what the lookup and the state machines did; and the closing summary.
 */
import type { Text } from '../../core/text';
import { dataLength } from '../../tcp/segment';
import { tupleText } from './table';
import { ECHO_TEXT, LISTEN_FD, REQUEST, SERVICE_PORT, WRONG_PORT, type Fact, type Moment, type Packet, type WorldResult } from './world';

const T = (ko: string, en: string): Text => ({ ko, en });

export function factCaption(f: Fact, pk: (id: string) => Packet): Text {
  switch (f.kind) {
    case 'setup':
      return f.proto === 'tcp' ? T('서버: socket · bind · listen', 'Server: socket, bind, listen') : T('서버: socket · bind (UDP 7)', 'Server: socket, bind (UDP 7)');
    case 'connect': {
      const p = pk(f.packets[0]);
      const what = f.proto === 'tcp' ? 'connect()' : 'send()';
      if (f.retry) return T(`클라이언트 ${f.client}: 새 소켓 :${f.port}`, `Client ${f.client}: new socket :${f.port}`);
      return T(`클라이언트 ${f.client}: ${what} :${p.src.port} → ${f.dstPort}`, `Client ${f.client}: ${what} :${p.src.port} → ${f.dstPort}`);
    }
    case 'server-rx':
      switch (f.outcome) {
        case 'syn':
          return T(`SYN → 듣는 소켓 (클라이언트 ${f.client})`, `SYN → listening socket (client ${f.client})`);
        case 'established':
          return T(`ACK → accept()가 fd ${f.fd} 반환`, `ACK → accept() returns fd ${f.fd}`);
        case 'accept-data':
          return T(`ACK·요청 → 새 소켓 fd ${f.fd}`, `ACK + request → new socket fd ${f.fd}`);
        case 'data':
          return T(`요청 → fd ${f.fd} (4-튜플 일치)`, `Request → fd ${f.fd} (4-tuple match)`);
        case 'ack':
          return T(`ACK → fd ${f.fd} (4-튜플 일치)`, `ACK → fd ${f.fd} (4-tuple match)`);
        case 'reset':
          return T(`${WRONG_PORT}번 포트에 소켓 없음 → RST`, `No socket on port ${WRONG_PORT} → RST`);
        case 'unreachable':
          return T(`${WRONG_PORT}번 포트에 소켓 없음 → ICMP`, `No socket on port ${WRONG_PORT} → ICMP`);
        case 'echo':
          return T(`데이터그램 → fd 3 (클라이언트 ${f.client})`, `Datagram → fd 3 (client ${f.client})`);
      }
      break;
    case 'client-rx':
      switch (f.outcome) {
        case 'syn-ack':
          return T(`클라이언트 ${f.client}: ACK과 요청 전송`, `Client ${f.client}: ACK and request`);
        case 'response':
          return T(`클라이언트 ${f.client}: 응답 도착`, `Client ${f.client}: response arrives`);
        case 'echo':
          return T(`클라이언트 ${f.client}: 에코 도착`, `Client ${f.client}: echo arrives`);
        case 'refused':
          return T(`클라이언트 ${f.client}: ECONNREFUSED`, `Client ${f.client}: ECONNREFUSED`);
      }
  }
  return T('', '');
}

export function factNarration(f: Fact, pk: (id: string) => Packet, pid: number): Text {
  const svc = SERVICE_PORT[f.proto];
  switch (f.kind) {
    case 'setup':
      return f.proto === 'tcp'
        ? T(
            `웹 서버 프로세스(pid ${pid})가 socket() → bind(0.0.0.0:${svc}) → listen()을 호출합니다. 서버 커널의 소켓 테이블에 듣는 소켓 하나(fd ${LISTEN_FD}, LISTEN)가 생기고, 프로세스는 accept()에서 연결을 기다립니다. 0.0.0.0은 "이 호스트의 어느 주소로 오든"이라는 와일드카드입니다.`,
            `The web server process (pid ${pid}) calls socket() → bind(0.0.0.0:${svc}) → listen(). The server kernel's socket table gets one listening socket (fd ${LISTEN_FD}, LISTEN), and the process waits in accept(). 0.0.0.0 is the wildcard for "whichever address of this host".`,
          )
        : T(
            `에코 서버 프로세스(pid ${pid})가 socket(SOCK_DGRAM) → bind(0.0.0.0:${svc})를 호출합니다. UDP에는 listen()도 accept()도 없습니다: 이 소켓 하나(fd ${LISTEN_FD})가 모든 클라이언트의 데이터그램을 받고, recvfrom()이 데이터그램마다 보낸 쪽 주소를 알려 줍니다.`,
            `The echo server process (pid ${pid}) calls socket(SOCK_DGRAM) → bind(0.0.0.0:${svc}). UDP has no listen() and no accept(): this one socket (fd ${LISTEN_FD}) receives every client's datagrams, and recvfrom() says who sent each one.`,
          );
    case 'connect': {
      const p = pk(f.packets[0]);
      const ip = p.src.ip;
      const wrong =
        f.dstPort === WRONG_PORT
          ? T(` 이 클라이언트는 포트를 ${WRONG_PORT}번으로 잘못 알고 있습니다.`, ` This client has the wrong port: ${WRONG_PORT}.`)
          : T('', '');
      if (f.proto === 'udp') {
        const n = dataLength(ECHO_TEXT);
        const head = f.retry
          ? T(
              `${f.client}번 클라이언트가 실패한 소켓을 닫고 새 UDP 소켓으로 ${f.dstPort}번 포트에 다시 보냅니다. 새 소켓은 새 임시 포트 ${f.port}번을 받습니다.`,
              `Client ${f.client} closes the failed socket and tries again on a new UDP socket, to port ${f.dstPort}. The new socket gets a new ephemeral port, ${f.port}.`,
            )
          : T(
              `${f.client}번 클라이언트(${ip})가 UDP 소켓을 만들고 connect()로 상대를 198.51.100.20의 ${f.dstPort}번 포트로 정한 뒤, send()로 ${n}바이트를 보냅니다. UDP의 connect()는 패킷을 보내지 않습니다: 기본 목적지를 정하고, 커널이 임시 포트로 ${f.port}번을 붙일 뿐입니다.`,
              `Client ${f.client} (${ip}) creates a UDP socket, calls connect() to set its peer to 198.51.100.20 port ${f.dstPort}, and sends ${n} bytes with send(). A UDP connect() sends no packet: it fixes the default destination, and the kernel binds ephemeral port ${f.port}.`,
            );
        return T(head.ko + wrong.ko, head.en + wrong.en);
      }
      const seq = p.seg!.seq;
      if (f.retry) {
        return T(
          `${f.client}번 클라이언트가 실패한 소켓을 닫고 새 소켓으로 ${f.dstPort}번 포트에 다시 연결합니다. 새 소켓은 새 임시 포트 ${f.port}번을 받으므로, 이 연결의 4-튜플은 첫 시도와 다릅니다. SYN(seq=${seq})을 보냅니다.`,
          `Client ${f.client} closes the failed socket and connects again, to port ${f.dstPort}, on a new socket. The new socket gets a new ephemeral port, ${f.port}, so this connection's 4-tuple differs from the first try's. It sends a SYN (seq=${seq}).`,
        );
      }
      return T(
        `${f.client}번 클라이언트(${ip})가 socket()을 만들고 connect()로 198.51.100.20의 ${f.dstPort}번 포트에 연결을 요청합니다. 커널이 49152–65535 범위에서 임시 포트로 ${f.port}번을 골라 소켓에 붙이고, SYN(seq=${seq})을 보냅니다.${wrong.ko}`,
        `Client ${f.client} (${ip}) creates a socket and calls connect() to 198.51.100.20 port ${f.dstPort}. The kernel picks ephemeral port ${f.port} from 49152–65535 for the socket and sends a SYN (seq=${seq}).${wrong.en}`,
      );
    }
    case 'server-rx': {
      const p = pk(f.packet);
      const tuple = tupleText(p.src, p.dst);
      const reply = f.replies.length > 0 ? pk(f.replies[f.replies.length - 1]) : undefined;
      switch (f.outcome) {
        case 'syn': {
          const sa = reply!.seg!;
          return T(
            `SYN이 서버 NIC에 도착합니다. 커널은 먼저 4-튜플 ${tuple}에 정확히 맞는 연결을 찾지만 없습니다. 그래서 목적지 포트가 ${svc}번인 듣는 소켓(fd ${LISTEN_FD}, *:${svc})이 SYN을 받고, 커널은 이 4-튜플의 반쯤 열린 연결(SYN-RECEIVED)을 만들어 SYN-ACK(seq=${sa.seq}, ack=${sa.ack})을 보냅니다. 듣는 소켓 자신은 계속 LISTEN입니다.`,
            `The SYN reaches the server's NIC. The kernel first looks for a connection matching the exact 4-tuple ${tuple} and finds none, so the listening socket on port ${svc} (fd ${LISTEN_FD}, *:${svc}) takes the SYN. The kernel creates a half-open connection (SYN-RECEIVED) for this 4-tuple and answers with a SYN-ACK (seq=${sa.seq}, ack=${sa.ack}); the listening socket itself stays in LISTEN.`,
          );
        }
        case 'established':
          return T(
            `${f.client}번 클라이언트의 ACK이 도착합니다. 4-튜플 ${tuple}이 반쯤 열린 연결과 정확히 맞으므로 핸드셰이크가 끝나고 연결은 ESTABLISHED가 됩니다. accept()에서 기다리던 웹 서버는 이 연결을 새 소켓(fd ${f.fd})으로 받습니다. 로컬 포트는 듣는 소켓과 같은 ${svc}번이지만 별개의 소켓입니다.`,
            `Client ${f.client}'s ACK arrives. Its 4-tuple ${tuple} matches the half-open connection exactly, so the handshake completes and the connection is ESTABLISHED. The web server, waiting in accept(), gets it as a new socket (fd ${f.fd}). Its local port is ${svc}, the same as the listening socket's, but it is a different socket.`,
          );
        case 'accept-data': {
          const q = pk(f.also!);
          const n = dataLength(q.seg!.data);
          const r = reply!.seg!;
          return T(
            `${f.client}번 클라이언트의 ACK과 HTTP 요청(${n}바이트)이 함께 도착합니다. 둘 다 4-튜플 ${tuple}이 반쯤 열린 연결과 정확히 맞습니다: ACK으로 핸드셰이크가 끝나고, accept()에서 기다리던 웹 서버가 이 연결을 새 소켓(fd ${f.fd})으로 받습니다. 요청은 듣는 소켓이 아니라 이 새 소켓으로 갑니다(로컬 포트는 둘 다 ${svc}번). 웹 서버는 응답 ${dataLength(r.data)}바이트를 보냅니다(seq=${r.seq}, 요청에 대한 ACK도 실립니다).`,
            `Client ${f.client}'s ACK and its HTTP request (${n} bytes) arrive together. Both match the half-open connection's exact 4-tuple ${tuple}: the ACK completes the handshake, and the web server, waiting in accept(), gets the connection as a new socket (fd ${f.fd}). The request goes to this new socket, not to the listening one (both have local port ${svc}). The web server sends a ${dataLength(r.data)}-byte response (seq=${r.seq}; it carries the ACK for the request too).`,
          );
        }
        case 'data': {
          const n = dataLength(p.seg!.data);
          const m = dataLength(reply!.seg!.data);
          return T(
            `${f.client}번 클라이언트의 HTTP 요청(${n}바이트)이 도착합니다. 4-튜플 ${tuple}에 정확히 맞는 연결 소켓(fd ${f.fd})이 있으므로, 요청은 듣는 소켓이 아니라 이 소켓으로 갑니다. 웹 서버는 recv()로 읽고, 응답 ${m}바이트를 send()로 보냅니다(seq=${reply!.seg!.seq}, 요청에 대한 ACK도 함께 실립니다).`,
            `Client ${f.client}'s HTTP request (${n} bytes) arrives. A connected socket (fd ${f.fd}) matches the exact 4-tuple ${tuple}, so the request goes to that socket, not to the listening one. The web server reads it with recv() and sends a ${m}-byte response with send() (seq=${reply!.seg!.seq}; it carries the ACK for the request too).`,
          );
        }
        case 'ack':
          return T(
            `${f.client}번 클라이언트가 응답을 받았다는 ACK(ack=${p.seg!.ack})이 도착합니다. 4-튜플이 fd ${f.fd} 소켓과 정확히 맞으므로 커널은 그 연결의 상태만 갱신합니다. 앱에 넘길 데이터는 없습니다.`,
            `Client ${f.client}'s ACK (ack=${p.seg!.ack}) for the response arrives. Its 4-tuple matches socket fd ${f.fd} exactly, so the kernel updates that connection; there is no data for the app.`,
          );
        case 'reset': {
          const r = reply!.seg!;
          return T(
            `SYN이 서버 NIC에 도착하지만, ${WRONG_PORT}번 포트에는 4-튜플이 맞는 연결도 듣는 소켓도 없습니다. 커널은 RFC 9293대로 RST(seq=${r.seq}, ack=${r.ack})를 돌려보냅니다: 이 포트에는 연결을 받을 소켓이 없다는 뜻입니다.`,
            `The SYN reaches the server's NIC, but port ${WRONG_PORT} has neither a connection with this 4-tuple nor a listening socket. The kernel answers with RST (seq=${r.seq}, ack=${r.ack}), as RFC 9293 says: no socket here takes connections.`,
          );
        }
        case 'unreachable':
          return T(
            `데이터그램이 서버 NIC에 도착하지만 UDP ${WRONG_PORT}번 포트에 묶인 소켓이 없습니다. 커널은 데이터그램을 버리고, 보낸 쪽에 ICMP 포트 도달 불가(type 3, code 3)를 돌려보냅니다. UDP에는 RST가 없습니다.`,
            `The datagram reaches the server's NIC, but no socket is bound to UDP port ${WRONG_PORT}. The kernel drops it and sends an ICMP port unreachable (type 3, code 3) back to the sender; UDP has no RST.`,
          );
        case 'echo': {
          const n = dataLength(p.data!);
          const again =
            f.earlier > 0
              ? T(' 앞의 데이터그램을 받은 바로 그 소켓입니다: 보낸 쪽이 달라도 소켓은 하나입니다.', ' It is the very socket that took the earlier datagrams: different senders, one socket.')
              : T('', '');
          return T(
            `${f.client}번 클라이언트의 데이터그램이 도착합니다. UDP는 목적지 (IP, 포트)만 봅니다: 0.0.0.0:${svc}에 묶인 소켓 하나(fd ${LISTEN_FD})가 받고, recvfrom()이 보낸 쪽 주소(${p.src.ip}:${p.src.port})도 함께 돌려줍니다. 에코 서버는 같은 ${n}바이트를 sendto()로 그 주소에 돌려보냅니다.${again.ko}`,
            `Client ${f.client}'s datagram arrives. UDP looks only at the destination (IP, port): the one socket bound to 0.0.0.0:${svc} (fd ${LISTEN_FD}) takes it, and recvfrom() also returns the sender's address, ${p.src.ip}:${p.src.port}. The echo server sends the same ${n} bytes back to that address with sendto().${again.en}`,
          );
        }
      }
      break;
    }
    case 'client-rx': {
      const p = pk(f.packet);
      switch (f.outcome) {
        case 'syn-ack': {
          const [ack, req] = f.replies.map(pk);
          return T(
            `SYN-ACK이 ${f.client}번 클라이언트에 도착합니다. 클라이언트 커널도 4-튜플로 자기 소켓(:${p.dst.port})을 찾고, 소켓은 ESTABLISHED가 되어 ACK(ack=${ack.seg!.ack})을 보냅니다. connect()가 돌아오자 앱은 곧바로 HTTP 요청 ${dataLength(REQUEST)}바이트를 보냅니다(seq=${req.seg!.seq}).`,
            `The SYN-ACK reaches client ${f.client}. The client's kernel also finds its socket (:${p.dst.port}) by the 4-tuple; the socket becomes ESTABLISHED and sends an ACK (ack=${ack.seg!.ack}). connect() returns, and the app at once sends its ${dataLength(REQUEST)}-byte HTTP request (seq=${req.seg!.seq}).`,
          );
        }
        case 'response': {
          const ack = pk(f.replies[0]);
          return T(
            `응답이 ${f.client}번 클라이언트의 소켓(:${p.dst.port})에 도착합니다. 본문에는 서버가 이 연결에서 본 상대 주소가 적혀 있습니다: ${p.dst.ip}:${p.dst.port}. 클라이언트는 ACK(ack=${ack.seg!.ack})을 보냅니다.`,
            `The response reaches client ${f.client}'s socket (:${p.dst.port}). Its body holds the peer address the server saw on this connection: ${p.dst.ip}:${p.dst.port}. The client sends an ACK (ack=${ack.seg!.ack}).`,
          );
        }
        case 'echo':
          return T(
            `에코가 ${f.client}번 클라이언트에 도착합니다. 출발지는 198.51.100.20의 ${svc}번 포트, 목적지는 이 클라이언트의 임시 포트 ${p.dst.port}번입니다. 클라이언트 커널은 이 주소들로 자기 소켓을 찾습니다.`,
            `The echo reaches client ${f.client}: from 198.51.100.20 port ${svc} to this client's ephemeral port ${p.dst.port}. The client's kernel finds its socket by these addresses.`,
          );
        case 'refused':
          return f.proto === 'tcp'
            ? T(
                `RST가 ${f.client}번 클라이언트에 도착합니다. SYN-SENT였던 소켓이 CLOSED가 되고, connect()는 ECONNREFUSED(연결 거부)로 실패합니다.`,
                `The RST reaches client ${f.client}. The socket that was in SYN-SENT becomes CLOSED, and connect() fails with ECONNREFUSED (connection refused).`,
              )
            : T(
                `ICMP 오류가 ${f.client}번 클라이언트에 도착합니다. 오류 안에 인용된 원래 데이터그램의 포트로 소켓을 찾고, 이 소켓은 connect()로 상대를 정한 UDP 소켓이므로 다음 recv()가 ECONNREFUSED로 실패합니다.`,
                `The ICMP error reaches client ${f.client}. The kernel finds the socket from the original datagram quoted inside the error; since this UDP socket was connected with connect(), the next recv() fails with ECONNREFUSED.`,
              );
      }
    }
  }
  return T('', '');
}

export function summary(res: WorldResult, last: Moment): Text {
  const n = last.server.length;
  if (res.protocol === 'tcp') {
    const conns = n - 1;
    const tail = T(
      ' 포트 번호 하나로는 연결을 가리킬 수 없고, 4-튜플(프로토콜까지 넣으면 5-튜플)이 연결 하나를 가리킵니다.',
      ' A port number alone does not name a connection; the 4-tuple does (the 5-tuple with the protocol).',
    );
    const body =
      conns === 1
        ? T(
            `서버의 소켓 테이블에는 듣는 소켓 하나와 연결 소켓 하나, 모두 ${n}개가 있습니다. 연결 소켓의 로컬 주소(198.51.100.20:80)는 듣는 소켓과 같은 80번 포트이고, 이 연결을 가리키는 것은 원격 (IP, 포트)입니다. 클라이언트가 더 오면 연결 소켓이 늘어나지만, 모두 같은 로컬 주소를 쓰고 원격 주소로만 구별됩니다.`,
            `The server's socket table now holds ${n} sockets: the listening socket and one connected socket. The connected socket's local address, 198.51.100.20:80, has the listening socket's port; what names this connection is its remote (IP, port). More clients would add more connected sockets, all with the same local address, told apart only by the remote one.`,
          )
        : T(
            `서버의 소켓 테이블에는 듣는 소켓 하나와 클라이언트마다 연결 소켓 하나, 모두 ${n}개가 있습니다. 연결 소켓 ${conns}개는 로컬 주소(198.51.100.20:80)를 함께 쓰고 원격 (IP, 포트)로만 구별됩니다.`,
            `The server's socket table now holds ${n} sockets: one listening socket and one connected socket per client. The ${conns} connected sockets share the local address 198.51.100.20:80 and differ only in the remote (IP, port).`,
          );
    return T(body.ko + tail.ko, body.en + tail.en);
  }
  const who =
    res.clients === 1
      ? T('클라이언트의 데이터그램이 이 소켓으로 왔고, 서버는 recvfrom()이 알려 준 출발지 주소로 답했습니다.', 'The client’s datagram came to it, and the server answered at the source address recvfrom() reported.')
      : T(
          `클라이언트 ${res.clients}개의 데이터그램이 모두 이 소켓으로 왔고, 서버는 recvfrom()이 알려 준 출발지 주소로 각각 답했습니다.`,
          `Datagrams from all ${res.clients} clients came to it, and the server answered each at the source address recvfrom() reported.`,
        );
  return T(
    `서버에는 UDP 소켓이 하나(fd ${LISTEN_FD})뿐입니다. ${who.ko} UDP 소켓에는 연결이 없으므로 커널은 목적지 (IP, 포트)만으로 소켓을 찾습니다.`,
    `The server has a single UDP socket (fd ${LISTEN_FD}). ${who.en} A UDP socket has no connections, so the kernel finds it by the destination (IP, port) alone.`,
  );
}
