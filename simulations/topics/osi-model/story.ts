/**
 * The osi-model story, walked from the kernel trace: each machine's notes become beats
 * (down A's stack, the ARP exchanges, the switch, the router, up B's stack), each frame
 * on a link a packet with the bytes the machines sent, and the stacks and device tables
 * follow what the machines hold after each event.
 */
import { StoryBuilder, type Story } from '../../core/story';
import type { ArpPacketRef, PacketRef, TcpPacketRef } from '../../core/packets';
import type { PacketEntity } from '../../core/timeline';
import type { WireRecord } from '../../core/kernel';
import { decodeArp } from '../../wire/arp';
import { decodeEthernet, ETHERNET_HEADER_LENGTH, ETHERTYPE_ARP } from '../../wire/ethernet';
import { decodeIpv4 } from '../../wire/ipv4';
import type { HostState, Note, RouterState, SwitchState, Wire } from './actors';
import { ARP_BOXES, headerBoxes, NET } from './encap';
import * as say from './narrate';
import { ACTIVE, arpCache, deviceStack, hostStack, IDLE, LINK_ENTITIES, macTable, NODES, PDU_AT, routeTable, type Device, type StackView } from './scene';
import { ROUTES, type World } from './world';

const T = (ko: string, en: string) => ({ ko, en });

/** The packet ref of a frame: what the inspector and the exporters encode back to these very bytes. */
export function packetRefOf(w: WireRecord<Wire>, world: World): PacketRef {
  const eth = decodeEthernet(w.msg.frame);
  if (eth.etherType === ETHERTYPE_ARP) {
    const a = decodeArp(w.msg.frame, ETHERNET_HEADER_LENGTH);
    const ref: ArpPacketRef = { proto: 'arp', fields: { ...a, t: w.sentAt, eth: { src: eth.src, dst: eth.dst } } };
    return ref;
  }
  const ip = decodeIpv4(w.msg.frame, ETHERNET_HEADER_LENGTH);
  const ref: TcpPacketRef = {
    proto: 'tcp',
    fields: { src: ip.src, dst: ip.dst, seg: world.encap.seg, t: w.sentAt, ipId: ip.identification, ttl: ip.ttl, eth: { src: eth.src, dst: eth.dst }, app: 'http' },
  };
  return ref;
}

export function packetLabel(ref: PacketRef): string {
  if (ref.proto === 'arp') return ref.fields.op === 'request' ? `ARP who-has ${ref.fields.targetIp}` : `ARP ${ref.fields.senderIp} is-at`;
  if (ref.proto === 'tcp') return `PSH, ACK seq=${ref.fields.seg.seq} ttl=${ref.fields.ttl}`;
  return 'UDP';
}

export function buildStory(world: World, device: Device): Story {
  const b = new StoryBuilder();
  const { trace, encap } = world;
  const warm = world.arp === 'warm';
  const used = new Map<string, number>();
  let arrived: string[] = [];
  let a: StackView = IDLE;
  let bv: StackView = IDLE;
  let dev: StackView = IDLE;
  let lit = '';
  let chosen: (typeof ROUTES)[number] | undefined;

  const beat = (t: number, key: string, told: say.Told, on: string) => {
    const n = (used.get(key) ?? 0) + 1;
    used.set(key, n);
    b.beat({ t, key: n === 1 ? key : `${key}-${n}`, ...told });
    for (const id of arrived) b.hide(id);
    arrived = [];
    lit = on;
  };
  const paint = (states: Readonly<Record<string, unknown>>) => {
    for (const n of NODES) b.show({ ...n, highlight: n.id === lit });
    for (const l of LINK_ENTITIES) b.show(l);
    b.show(hostStack('A', a));
    b.show(hostStack('B', bv));
    b.show(deviceStack(device, dev));
    if (device === 'switch') b.show(macTable((states.SW as SwitchState).table));
    else {
      b.show(routeTable(ROUTES, chosen));
      b.show(arpCache('router-arp', T('라우터의 ARP 캐시', "The router's ARP cache"), (states.R as RouterState).arp));
    }
    b.show(arpCache('a-arp', T('호스트 A의 ARP 캐시', "Host A's ARP cache"), (states.A as HostState).arp));
  };
  const fullFrame = { http: encap.http, httpHead: encap.httpHead, segment: encap.segment, packet: encap.packet, frame: encap.frame };

  for (const e of trace.entries) {
    if (e.cause.kind === 'start') continue;
    const incoming = e.cause.kind === 'msg' ? trace.wire(e.cause.wire) : undefined;
    const isArp = incoming ? decodeEthernet(incoming.msg.frame).etherType === ETHERTYPE_ARP : false;
    const actor = e.cause.kind === 'msg' || e.cause.kind === 'post' ? e.cause.actor : '';
    let opened = false;
    const open = (key: string, told: say.Told, view?: () => void) => {
      beat(e.t, key, told, actor);
      view?.();
      if (!opened && incoming) {
        b.set(`p-${incoming.id}`, { progress: 1, status: 'delivered' });
        arrived.push(`p-${incoming.id}`);
      }
      opened = true;
      paint(e.states);
    };
    for (const { note: n } of e.notes) {
      switch (n.k) {
        case 'encap':
          open(n.stage, say.tellEncap(n.stage, encap, world.ipId), () => (a = { active: [...ACTIVE[n.stage]], direction: 'down', headers: headerBoxes(fullFrame, n.stage), pdu: PDU_AT[n.stage] }));
          break;
        case 'arp-miss':
          if (n.who === 'A') open('arp-request', say.tellArpRequest(n), () => (a = { active: [...ACTIVE.l12], direction: 'down', headers: ARP_BOXES, pdu: PDU_AT.link }));
          else open('router-arp-request', say.tellArpRequest(n), () => (dev = { active: [...ACTIVE.l12], direction: 'down', headers: ARP_BOXES, pdu: PDU_AT.link }));
          break;
        case 'arp-answer': {
          const mac = n.who === 'B' ? NET.b.mac : NET.r0.mac;
          open(n.who === 'B' ? 'arp-reply-b' : 'arp-reply', say.tellArpReply(n.who, n.to, mac), () => {
            const v = { active: [...ACTIVE.l12], direction: 'down' as const, headers: ARP_BOXES, pdu: PDU_AT.link };
            if (n.who === 'B') bv = v;
            else dev = v;
          });
          break;
        }
        case 'arp-learn':
          if (n.who === 'A') open('arp-learn', say.tellArpLearn(n.ip, n.mac), () => (a = { ...IDLE, headers: headerBoxes(fullFrame, 'network'), pdu: PDU_AT.network, active: [...ACTIVE.network] }));
          break;
        case 'link': {
          const mac = NET.r0.mac;
          open('link', say.tellLink(encap.frame, mac, warm), () => (a = { active: [...ACTIVE.link], direction: 'down', headers: headerBoxes(fullFrame, 'link'), pdu: PDU_AT.link }));
          open('physical', say.tellPhysical(encap.frame), () => (a = { ...a, active: [...ACTIVE.physical], pdu: PDU_AT.physical }));
          break;
        }
        case 'switch': {
          const key = isArp ? (n.dst === 'ff:ff:ff:ff:ff:ff' ? 'switch-learn' : 'switch-arp-reply') : n.flood ? 'switch-flood' : 'switch-forward';
          open(key, say.tellSwitch(n, isArp), () => (dev = device === 'switch' ? { active: [...ACTIVE.l12], direction: 'idle', headers: isArp ? ARP_BOXES : headerBoxes(fullFrame, 'link'), pdu: PDU_AT.link } : IDLE));
          break;
        }
        case 'drop':
          open('flood-drop', say.tellDrop(n));
          break;
        case 'route':
          chosen = n.chosen;
          open('router-lookup', say.tellRoute(n), () => (dev = device === 'router' ? { active: [...ACTIVE.network], direction: 'up', headers: headerBoxes(fullFrame, 'network'), pdu: PDU_AT.network } : IDLE));
          break;
        case 'forward':
          open('router-rewrite', say.tellForward(n, warm), () => (dev = device === 'router' ? { active: [...ACTIVE.l13], direction: 'down', headers: headerBoxes(fullFrame, 'link'), pdu: PDU_AT.link } : IDLE));
          break;
        case 'up':
          open(`up-${n.stage}`, say.tellUp(n.stage, encap), () => {
            const stage = n.stage === 'link' ? 'link' : n.stage === 'network' ? 'network' : 'transport';
            bv = { active: [...ACTIVE[stage]], direction: 'up', headers: headerBoxes(fullFrame, stage), pdu: PDU_AT[stage] };
            if (n.stage === 'link') a = IDLE;
          });
          break;
        case 'delivered':
          open('delivered', say.tellDelivered(n), () => (bv = { active: [...ACTIVE.app], direction: 'up', headers: headerBoxes(fullFrame, 'app'), pdu: PDU_AT.app }));
          break;
        default:
          break;
      }
    }
    for (const id of e.sent) {
      const w = trace.wire(id);
      const ref = packetRefOf(w, world);
      const p: PacketEntity = { kind: 'packet', id: `p-${id}`, from: w.from, to: w.to, progress: 0.5, label: packetLabel(ref), chip: ref.proto === 'arp' ? 'ARP' : ref.proto === 'tcp' ? 'PSH, ACK' : 'UDP', status: 'flight', tone: ref.proto === 'arp' ? 'ack' : 'data', packet: ref };
      b.show(p);
    }
  }
  return b.build();
}
