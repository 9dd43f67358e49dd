/** The topology figure: boxes (hosts, processes, sockets, devices), links, packets moving between boxes. */
import type { Text } from '../core/text';
import type { PacketRef } from '../core/packets';
import type { MessageStatus } from './sequence';

/** A box in a topology or host view; `parent` nests it inside another node. x, y, w, h in 0..100. */
export interface NodeEntity {
  kind: 'node';
  id: string;
  label: Text;
  sublabel?: string;
  x: number;
  y: number;
  w: number;
  h: number;
  role: 'host' | 'process' | 'socket' | 'listen-socket' | 'router' | 'switch' | 'server' | 'client' | 'nic' | 'group' | 'resolver' | 'authority';
  parent?: string;
  highlight?: boolean;
}

/** A link between two nodes. */
export interface LinkEntity {
  kind: 'link';
  id: string;
  a: string;
  b: string;
  label?: Text;
  highlight?: boolean;
}

/** A packet travelling from one node to another in a topology view. */
export interface PacketEntity {
  kind: 'packet';
  id: string;
  from: string;
  to: string;
  /** 0..1 along the way; 1 when it has arrived. */
  progress: number;
  label: string;
  /** Short text for the packet's chip on the stage (e.g. its flags); `label` stays the full text (tooltip, inspector). */
  chip?: string;
  status: MessageStatus;
  tone?: 'tcp' | 'udp' | 'ack' | 'stale' | 'data';
  packet?: PacketRef;
}

declare module '../core/entities' {
  interface EntityMap {
    node: NodeEntity;
    link: LinkEntity;
    packet: PacketEntity;
  }
}
