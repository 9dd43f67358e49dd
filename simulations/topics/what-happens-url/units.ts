/**
 * What a connection carries, decided before the run (plans.ts, h2plan.ts) and played out by
 * the hosts (world.ts): its units in wire order (a TLS record, a plain HTTP message), which
 * request or response each carries, and the gates the browser waits on.
 */
export type Side = 'client' | 'server';

/** Which request or response a unit carries (a part of it: its first bytes, its last bytes). */
export interface Part {
  path: string;
  role: 'request' | 'response';
  first: boolean;
  last: boolean;
  /** HTTP/2 stream id, when the unit carries HTTP/2 frames. */
  stream?: number;
}

/** The browser holds something until it has received unit `unit` of connection `conn`, plus `delay` ms. */
export interface Gate {
  conn: number;
  unit: number;
  delay: number;
}

export interface Unit {
  from: Side;
  label: string;
  bytes: Uint8Array;
  parts: Part[];
  /** TLS record (true) or plain HTTP (false). */
  tls: boolean;
  /** TLS handshake record. */
  handshake?: boolean;
  gate?: Gate;
  /** Server processing time before the unit goes, ms. */
  think?: number;
}

export interface ConnPlan {
  clientPort: number;
  serverPort: number;
  iss: Record<Side, number>;
  units: Unit[];
  /** Opened at t = 0 when absent. */
  open?: Gate;
}
