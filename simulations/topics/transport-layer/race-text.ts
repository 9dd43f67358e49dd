/**
 * What the race says outside the TCP lane's entries: the setup row, the UDP lane's
 * events, the two finish lines, state changes, and the step caption.
 */
import type { Text } from '../../core/text';
import type { HostId } from '../../tcp/world';
import { INTERVAL, type Plan } from './race';
import { ACTOR, HOST, list } from './labels';
import type { Out } from './tcp-text';
import type { UdpLane } from './udp';

export function setupText(plan: Plan, showTcp: boolean, showUdp: boolean, hasListen: boolean, out: Out, listenStates: { host: HostId; to: string }[]): void {
  if (showTcp && hasListen) {
    out.parts.push({
      ko: `TCP 서버 앱이 포트 ${plan.ports.server}에서 listen()을 호출해 연결을 기다립니다.`,
      en: `The TCP server app calls listen() on port ${plan.ports.server} and waits for a connection.`,
    });
    out.mark(ACTOR.tcp.server, 'call', { ko: 'listen()', en: 'listen()' });
    for (const tr of listenStates) out.mark(ACTOR.tcp[tr.host], 'state', { ko: tr.to, en: tr.to });
    out.frags.push({ lane: 'TCP', text: { ko: 'listen()', en: 'listen()' } });
  }
  if (showUdp) {
    out.parts.push(
      showTcp
        ? {
            ko: `UDP 서버 앱은 UDP 포트 ${plan.ports.server}에 bind()만 해 둡니다. 번호는 같아도 TCP 포트와 UDP 포트는 서로 다른 공간입니다.`,
            en: `The UDP server app just bind()s UDP port ${plan.ports.server}. Same number, but TCP and UDP ports are separate spaces.`,
          }
        : {
            ko: `UDP 서버 앱은 UDP 포트 ${plan.ports.server}에 bind()만 해 둡니다: listen()도 accept()도 없습니다.`,
            en: `The UDP server app just bind()s UDP port ${plan.ports.server}: there is no listen() and no accept().`,
          },
    );
    out.mark(ACTOR.udp.server, 'call', { ko: 'bind()', en: 'bind()' });
    out.frags.push({ lane: 'UDP', text: { ko: 'bind()', en: 'bind()' } });
  }
  const what =
    plan.n === 1
      ? { ko: '메시지 하나를 보냅니다.', en: 'one message.' }
      : { ko: `같은 메시지 ${plan.n}개를 ${INTERVAL} ms 간격으로 보냅니다.`, en: `the same ${plan.n} messages, ${INTERVAL} ms apart.` };
  out.parts.push({
    ko: `${showTcp && showUdp ? '두 클라이언트 앱은' : '클라이언트 앱은'} ${what.ko} 손실과 지연은 시드로 정해지며, 각 메시지의 첫 전송은 TCP와 UDP에서 같은 운명을 맞습니다.`,
    en: `${showTcp && showUdp ? 'Both client apps send' : 'The client app sends'} ${what.en} Losses and delays come from the seed, and each message's first copy meets the same fate over TCP and over UDP.`,
  });
}

/** A narrator for the UDP lane's events, in order. */
export function udpNarrator(udp: UdpLane): (i: number, out: Out) => void {
  let first = true;
  return (i, out) => {
    const e = udp.events[i];
    const frag = (ko: string, en: string) => out.frags.push({ lane: 'UDP', text: { ko, en } });
    switch (e.kind) {
      case 'send':
        if (first) {
          first = false;
          out.mark(ACTOR.udp.client, 'call', { ko: 'sendto()', en: 'sendto()' });
          out.parts.push({
            ko: `UDP 클라이언트는 준비 없이 곧바로 sendto()로 msg ${e.msg} 데이터그램을 보냅니다. 핸드셰이크도, 순서 번호도, 확인 응답도 없습니다: UDP 헤더는 포트 두 개와 길이, 체크섬으로 된 8바이트뿐입니다.`,
            en: `The UDP client sends the msg ${e.msg} datagram right away with sendto(). No handshake, no sequence numbers, no acknowledgements: the UDP header is just 8 bytes (two ports, a length and a checksum).`,
          });
        } else {
          out.parts.push({ ko: `UDP 클라이언트가 msg ${e.msg} 데이터그램을 보냅니다.`, en: `The UDP client sends the msg ${e.msg} datagram.` });
        }
        frag(`msg ${e.msg} →`, `msg ${e.msg} →`);
        break;
      case 'lost':
        out.parts.push({
          ko: `msg ${e.msg} 데이터그램이 네트워크에서 사라집니다 ✕. UDP에는 확인 응답도 재전송도 없으므로 아무도 알아채지 못하고, 이 메시지는 끝내 오지 않습니다.`,
          en: `The msg ${e.msg} datagram is lost in the network ✕. UDP has no acknowledgements and no retransmission, so nobody notices, and this message never arrives.`,
        });
        frag(`msg ${e.msg} 손실 ✕`, `msg ${e.msg} lost ✕`);
        break;
      case 'arrive': {
        const later = e.delivered.slice(0, -1).filter((m) => m > e.msg);
        out.parts.push({
          ko: `msg ${e.msg} 데이터그램이 UDP 서버에 도착해 곧바로 앱에 전달됩니다 (recvfrom).${later.length ? ` 하지만 나중에 보낸 ${list(later)} 데이터그램이 이미 전달됐습니다: UDP는 순서를 바로잡지 않고 도착한 순서대로 넘깁니다.` : ''}`,
          en: `The msg ${e.msg} datagram reaches the UDP server and goes straight to the app (recvfrom).${later.length ? ` But ${list(later)}, sent later, ${later.length > 1 ? 'were' : 'was'} already delivered: UDP does not put datagrams back in order, it hands them over as they come.` : ''}`,
        });
        out.mark(ACTOR.udp.server, 'app', { ko: `recvfrom → msg ${e.msg}`, en: `recvfrom → msg ${e.msg}` });
        frag(later.length ? `msg ${e.msg} 도착 (순서 뒤바뀜)` : `msg ${e.msg} 도착`, later.length ? `msg ${e.msg} arrives (out of order)` : `msg ${e.msg} arrives`);
        break;
      }
    }
  };
}

/** The row's state changes, said once: "State: TCP client SYN-SENT → ESTABLISHED". */
export function changesText(out: Out): void {
  if (!out.changes.length) return;
  const said = (['client', 'server'] as HostId[])
    .map((h) => {
      const mine = out.changes.filter((c) => c.host === h);
      if (!mine.length) return undefined;
      const path = [mine[0].from, ...mine.map((c) => c.to)].join(' → ');
      return { ko: `${HOST[h].ko} ${path}`, en: `${HOST[h].en} ${path}` };
    })
    .filter((v): v is Text => v !== undefined);
  out.parts.push({ ko: `상태: ${said.map((v) => v.ko).join(', ')}.`, en: `State: ${said.map((v) => v.en).join(', ')}.` });
  if (out.changes.some((c) => c.to === 'TIME-WAIT')) {
    out.parts.push({
      ko: 'TIME-WAIT에서 클라이언트는 2×MSL 동안 연결 정보를 지우지 않고 기다립니다 (TIME-WAIT 주제에서 자세히 다룹니다).',
      en: 'In TIME-WAIT the client keeps the connection’s state for 2×MSL before forgetting it (see the TIME-WAIT topic).',
    });
  }
}

export function tcpDoneText(plan: Plan, t: number, udpT: number): Text {
  const d = udpT >= 0 && udpT < t ? t - udpT : 0;
  return plan.n === 1
    ? {
        ko: `TCP 서버 앱이 메시지를 받았습니다 (${t} ms).${d ? ` UDP 쪽보다 ${d} ms 늦었습니다.` : ''}`,
        en: `The TCP server app now has the message (${t} ms).${d ? ` That is ${d} ms after the UDP lane ended.` : ''}`,
      }
    : {
        ko: `TCP 서버 앱이 메시지 ${plan.n}개를 빠짐없이, 보낸 순서대로 모두 받았습니다 (${t} ms).${d ? ` UDP 쪽보다 ${d} ms 늦었지만, 빠진 것도 뒤바뀐 것도 없습니다.` : ''}`,
        en: `The TCP server app now has all ${plan.n} messages, none missing, in the order sent (${t} ms).${d ? ` That is ${d} ms after the UDP lane ended, but nothing is missing or out of order.` : ''}`,
      };
}

export function udpDoneText(plan: Plan, udp: UdpLane, T: number): Text {
  const got = udp.events.flatMap((e) => (e.kind === 'arrive' ? [e.msg] : []));
  const inOrder = got.every((m, k) => k === 0 || m > got[k - 1]);
  const said =
    got.length === 0
      ? { ko: '메시지가 하나도 앱에 도착하지 못했습니다.', en: 'no message reached the app.' }
      : plan.n === 1
        ? { ko: '메시지가 앱에 도착했습니다.', en: 'the message reached the app.' }
        : {
            ko: `메시지 ${plan.n}개 중 ${got.length}개가 앱에 도착했고, ${inOrder ? '도착한 것은 보낸 순서 그대로였습니다' : '순서가 뒤바뀐 채로 전달됐습니다'}.`,
            en: `${got.length} of ${plan.n} messages reached the app, ${inOrder ? 'in the order sent' : 'out of order'}.`,
          };
  const lost = plan.n - got.length > 0;
  return {
    ko: `UDP 쪽은 여기서 끝납니다 (${T} ms): ${said.ko}${lost ? ' 잃어버린 메시지가 필요했다면 앱이 스스로 알아채고 다시 요청해야 합니다.' : ''}`,
    en: `The UDP lane is done (${T} ms): ${said.en}${lost ? ' If the app needed what was lost, it would have to notice and ask again itself.' : ''}`,
  };
}

export function caption(frags: Out['frags'], setup: boolean): Text {
  const lanes = (['TCP', 'UDP'] as const)
    .map((lane) => {
      const mine = frags.filter((f) => f.lane === lane).map((f) => f.text);
      if (!mine.length) return undefined;
      const shown = mine.length > 3 ? [...mine.slice(0, 2), { ko: `외 ${mine.length - 2}건`, en: `+${mine.length - 2} more` }] : mine;
      return { ko: `${lane}: ${shown.map((s) => s.ko).join(', ')}`, en: `${lane}: ${shown.map((s) => s.en).join(', ')}` };
    })
    .filter((x): x is Text => x !== undefined);
  const body = { ko: lanes.map((l) => l.ko).join(' · '), en: lanes.map((l) => l.en).join(' · ') };
  return setup ? { ko: `준비 · ${body.ko}`, en: `Ready · ${body.en}` } : body;
}
