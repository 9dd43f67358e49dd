/** TLS 1.3 engine: key schedule, records, handshake messages, X.509 and a whole handshake run. */
export * from './keyschedule';
export * from './record';
export * from './messages';
export * as der from './der';
export * from './x509';
export * from './keylog';
export * from './handshake';
