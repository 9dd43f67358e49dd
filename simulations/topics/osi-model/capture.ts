/**
 * The osi-model run as pcapng, one interface per link (A–switch, switch–router,
 * router–B, switch–C): the same IPv4 packet shows up before and after the router, with
 * the TTL one less, a new header checksum and new Ethernet addresses.
 */
import { writePcapng } from '../../wire/pcapng';
import { LINK_NAMES, linkIndex, type World } from './world';

const DESCRIPTIONS: Record<(typeof LINK_NAMES)[number], string> = {
  'a-sw': 'host A to switch port 1 (192.0.2.0/24)',
  'sw-r': 'switch port 2 to router eth0 (192.0.2.0/24)',
  'r-b': 'router eth1 to host B (198.51.100.0/24)',
  'sw-c': 'switch port 3 to host C (192.0.2.0/24)',
};

/** Every frame of the run on the link it crossed, stamped when it was sent. */
export function osiPcapng(world: World): Uint8Array {
  return writePcapng({
    interfaces: LINK_NAMES.map((name) => ({ name, description: DESCRIPTIONS[name] })),
    packets: world.trace.wires.map((w) => ({ iface: linkIndex(w.from, w.to), tMs: w.sentAt, bytes: w.msg.frame, comment: `${w.from} → ${w.to}` })),
    userAppl: 'Packet Theater',
  });
}
