/** The ports-sockets world's constants, messages, notes and actor states. */
import type { Tcb } from '../../tcp/machine';
import { dataLength, type Segment } from '../../tcp/segment';
import type { Addr, LookupRule, PortUnreachable, Proto, SocketEntry } from './table';

export const SERVER_IP = '198.51.100.20';
/** The service port: a web server (HTTP) over TCP, an echo server (RFC 862) over UDP. */
export const SERVICE_PORT: Record<Proto, number> = { tcp: 80, udp: 7 };
/** The port the last client gets wrong on its first try: nothing is bound there. */
export const WRONG_PORT = 8443;
/** IANA's dynamic (ephemeral) range, RFC 6335 §6. */
export const EPHEMERAL = { min: 49152, max: 65535 } as const;
export const LISTEN_FD = 3;
export const clientIp = (n: number): string => `192.0.2.${10 + n}`;
export const REQUEST = 'GET / HTTP/1.1\r\nHost: example.com\r\n\r\n';
export const ECHO_TEXT = 'hello, echo';
/**
 * Time grid: every delay is a multiple of 7 ms and client n starts at a time ≡ n (mod 7), so
 * each client's events fall on their own residue and no two clients ever act in the same
 * logical millisecond: every step is about one client. (Real hosts are never exactly
 * simultaneous either.)
 */
export const GRID = 7;
/** The client app retries this long after connect() failed. */
export const RETRY_MS = GRID;
export const PROCESS: Record<Proto, string> = { tcp: 'web', udp: 'echo' };

/** The web server's answer: it tells each client which (IP, port) its connection came from. */
export function responseFor(peer: Addr): string {
  const body = `your address: ${peer.ip}:${peer.port}\n`;
  return `HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${dataLength(body)}\r\n\r\n${body}`;
}

/** What travels between hosts: a TCP segment, a UDP datagram or an ICMP error, with its addresses. */
export interface Pkt {
  kind: 'tcp' | 'udp' | 'icmp';
  src: Addr;
  dst: Addr;
  seg?: Segment;
  data?: string;
  icmp?: PortUnreachable;
  /** The node it leaves from: a socket, or 'nic' for what the kernel sends without a socket. */
  fromNode: string;
}

/** 'accept-data': the handshake's last ACK and the first request, arriving together. */
export type ServerOutcome = 'syn' | 'established' | 'accept-data' | 'data' | 'ack' | 'reset' | 'echo' | 'unreachable';
export type ClientOutcome = 'syn-ack' | 'response' | 'refused' | 'echo';

/**
 * What a host's step tells the story. Packet ids are wire ids; in a note, `#k` stands for the
 * k-th packet sent in the same step (the world replaces it with the wire id).
 */
export type Fact =
  | { kind: 'setup'; proto: Proto; pid: number }
  | { kind: 'connect'; proto: Proto; client: number; socket: string; port: number; dstPort: number; packets: string[]; retry: boolean }
  | {
      kind: 'server-rx';
      proto: Proto;
      packet: string;
      client: number;
      rule: LookupRule;
      /** Where the lookup delivered the packet ('nic' when no socket took it). */
      toNode: string;
      socket?: string;
      fd?: number;
      outcome: ServerOutcome;
      /** With 'accept-data': the request that arrived right behind the ACK. */
      also?: string;
      replies: string[];
      /** How many datagrams the UDP socket had already taken before this one. */
      earlier: number;
    }
  | { kind: 'client-rx'; proto: Proto; packet: string; client: number; socket: string; toNode: string; rule: LookupRule; outcome: ClientOutcome; replies: string[] };

export interface ClientSocketView {
  id: string;
  port: number;
  dstPort: number;
  state: string;
}

export interface ServerState {
  kind: 'server';
  table: SocketEntry[];
  tcbs: Record<string, Tcb>;
  nextFd: number;
  datagrams: number;
}

export interface ClientState {
  kind: 'client';
  table: SocketEntry[];
  tcbs: Record<string, Tcb>;
  attempts: number;
  view?: ClientSocketView;
}

export type HostState = ServerState | ClientState;

/** Local events: the server app starts; a client app connects (again, after a failure). */
export type HostPost = { call: 'start' } | { call: 'connect'; dstPort: number; retry: boolean };

/** What the seed decided before the run: pure lookups the actors may call. */
export interface WorldPlan {
  protocol: Proto;
  clients: number;
  pid: number;
  /** Client n's attempt a (1-based) gets this ephemeral port (RFC 6056 Algorithm 1, distinct). */
  port(client: number, attempt: number): number;
  /** Initial sequence number of the socket with this id (one seeded stream per socket). */
  isn(socket: string): number;
  /** Client number by IP. */
  clientOf(ip: string): number;
  /** Client socket id by its local port ("c2-s1"). */
  socketOf(port: number): string;
}
