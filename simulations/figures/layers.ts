/**
 * The layer-stack figure: one host's (or device's) protocol stack, top layer first, with
 * the PDU name at each layer, the layer in play, and the current PDU's nested headers as
 * boxes with their byte lengths (outermost first).
 */
import type { Text } from '../core/text';

/** What a header box is: decides its colour. */
export type HeaderTone = 'app' | 'transport' | 'network' | 'link' | 'arp' | 'padding';

/** One layer of a stack: OSI numbers it covers (1 for the OSI model's own layers, 1–2 for TCP/IP's link layer…). */
export interface StackLayer {
  /** Stable id, e.g. 'osi-3' or 'tcpip-internet'. */
  key: string;
  name: Text;
  /** The OSI layers this one stands for, low to high (one entry for an OSI layer). */
  osi: number[];
  /** The PDU's name at this layer ("segment", "packet", "frame"…). */
  pdu: Text;
  /** Addresses this layer reads ("port", "IP", "MAC"), when it has some. */
  address?: Text;
  /** Example protocols, shown small. */
  examples?: string;
  /** The devices that work at this layer. */
  devices?: Text;
}

/** A header (or payload, or trailer) in the PDU as it stands, outermost first. */
export interface HeaderBox {
  key: string;
  label: string;
  /** Its size on the wire, in bytes. */
  bytes: number;
  tone: HeaderTone;
}

export interface LayersEntity {
  kind: 'layers';
  id: string;
  /** Whose stack: "Host A (client)". */
  title: Text;
  sublabel?: string;
  model: 'osi' | 'tcpip';
  /** Top layer first. */
  layers: StackLayer[];
  /** Keys of the layers in play at this step (lit). */
  active: string[];
  /** Which way the data is moving through this stack, if at all. */
  direction: 'down' | 'up' | 'idle';
  /** The PDU at the active layer, outermost header first; empty when the stack holds none. */
  headers: HeaderBox[];
  /** The PDU's name at this step ("frame", "packet"…). */
  pdu?: Text;
}

declare module '../core/entities' {
  interface EntityMap {
    layers: LayersEntity;
  }
}
