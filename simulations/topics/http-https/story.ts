/**
 * The story of one login, read from the kernel trace: a beat for each event that
 * matters (a segment sent, a record or message complete at its receiver, the
 * eavesdropper copying the request), every segment an arrow carrying its real bytes,
 * and the tables of keys, certificate checks and captured bytes at each beat.
 */
import { StoryBuilder, type Story } from '../../core/story';
import type { Text } from '../../core/text';
import type { View } from '../../core/timeline';
import type { ActorEntity, MessageEntity, MessageTone } from '../../figures/sequence';
import type { TcpPacketRef } from '../../core/packets';
import { flagNames, segmentLabel } from '../../tcp/segment';
import { toHex } from '../../wire/bytes';
import { CLIENT_IP, SERVER_IP, knowledgeAt, type CertCheck, type ConnectionRun, type HostState, type Note, type Side, type TapState, type TlsRun } from '../../https';
import { carries, CHAIN_REASON, eveText, reads, startText, tcpText, type Ctx } from './narrate';
import { chainTable, eveTable, keysTable } from './panels';

const tx = (ko: string, en: string): Text => ({ ko, en });
const join = (parts: (Text | null | undefined)[]): Text => {
  const p = parts.filter((x): x is Text => Boolean(x));
  return { ko: p.map((x) => x.ko).join(' '), en: p.map((x) => x.en).join(' ') };
};

export interface StoryInput {
  ctx: Ctx;
  conn: ConnectionRun;
  tls?: TlsRun;
  checks?: CertCheck[];
  secretOrder?: readonly string[];
}

const CHIP: Record<string, string> = {
  ClientHello: 'CH', ServerHello: 'SH', ChangeCipherSpec: 'CCS', EncryptedExtensions: 'EE', Certificate: 'Cert', CertificateVerify: 'CV',
  Finished: 'Fin', ServerKeyExchange: 'SKE', ServerHelloDone: 'SHD', ClientKeyExchange: 'CKE', 'Application Data': 'DATA',
  'HTTP request': 'POST', 'HTTP response': '200', 'Alert: close_notify': 'close',
};
const KEY_OF_SENT: Record<string, string> = { ClientHello: 'client-hello', ServerHello: 'server-hello', EncryptedExtensions: 'encrypted-extensions', ServerKeyExchange: 'server-key-exchange', ClientKeyExchange: 'client-key-exchange' };

export function buildStory(o: StoryInput): { story: Story; view: View } {
  const { conn, tls, ctx } = o;
  const { trace, units } = conn;
  const b = new StoryBuilder();
  const keys = new Set<string>();
  const key = (k: string | undefined) => (k && !keys.has(k) ? (keys.add(k), k) : undefined);
  const requestUnit = tls ? tls.request : 0;
  const requestWire = requestUnit !== undefined && requestUnit >= 0 ? conn.wireOfUnit[requestUnit] : undefined;
  const helloWire = conn.wireOfUnit[0];
  const hostWire = (id: string) => trace.wire(id).to !== 'eve';

  // The eavesdropper's copy of a segment leaves in the same entry, right after the original.
  const copyOf = new Map<string, string>();
  for (const e of trace.entries) e.sent.forEach((id, j) => { if (trace.wire(id).to === 'eve' && j > 0) copyOf.set(e.sent[j - 1], id); });
  const eveRequest = requestWire && copyOf.get(requestWire);
  const eveHello = ctx.https && helloWire ? copyOf.get(helloWire) : undefined;

  // Which entries are beats: everything a host does that changes something, and the eavesdropper's key copies.
  const beatOf: number[] = [];
  trace.entries.forEach((e, i) => {
    const c = e.cause;
    let is = i === 0;
    if (c.kind === 'post') is = (c.data as { call: string }).call !== 'listen';
    else if (c.kind === 'msg' && c.actor !== 'eve') is = e.notes.length > 0;
    else if (c.kind === 'msg') is = c.wire === eveRequest || c.wire === eveHello;
    if (is) beatOf.push(i);
  });
  const rowAt = (entry: number) => {
    let r = 0;
    for (let k = 0; k < beatOf.length && beatOf[k] <= entry; k++) r = k;
    return r;
  };
  const sentEntry = new Map<string, number>(), endEntry = new Map<string, number>();
  trace.entries.forEach((e, i) => {
    for (const id of e.sent) sentEntry.set(id, i);
    if (e.cause.kind === 'msg') endEntry.set(e.cause.wire, i);
  });

  const x = ctx.attacker ? { client: 10, eve: 50, server: 90 } : { client: 15, server: 85 };
  const actors: ActorEntity[] = [
    { kind: 'actor', id: 'client', label: tx('브라우저', 'Browser'), sublabel: `${CLIENT_IP}:${conn.ports.client}`, x: x.client, role: 'client' },
    ...(ctx.attacker ? [{ kind: 'actor' as const, id: 'eve', label: tx('도청자 (경로 위)', 'Eavesdropper (on the path)'), x: 50, role: 'attacker' as const }] : []),
    { kind: 'actor', id: 'server', label: tx('서버', 'Server'), sublabel: `${SERVER_IP}:${conn.ports.server}`, x: x.server, role: 'server' },
  ];
  const handled = { client: -1, server: -1 };
  const unitLabel = (i: number) => units[i].label;
  const failed = Boolean(tls?.failure);
  let certRead = false;

  beatOf.forEach((ei, row) => {
    const e = trace.entries[ei];
    const c = e.cause;
    const notes = e.notes as { actor: string; note: Note }[];
    const parts: (Text | null)[] = [];
    let caption = tx('', '');
    let k: string | undefined;
    const sentSeg = e.sent.filter(hostWire).map((id) => trace.wire(id).msg.seg);
    for (const n of notes) {
      if (n.note.type === 'unit-sent') handled[n.actor as Side] = Math.max(handled[n.actor as Side], n.note.unit);
      if (n.note.type === 'unit-received') handled[n.actor as Side] = Math.max(handled[n.actor as Side], n.note.unit);
    }
    if (ei === 0) {
      const st = startText(ctx, conn.ports.server);
      caption = st.caption;
      parts.push(st.narration);
      k = 'start';
    } else if (c.kind === 'msg' && c.actor === 'eve') {
      const hello = c.wire === eveHello;
      caption = hello ? tx('도청자: SNI가 보인다', 'Eavesdropper: the SNI shows') : ctx.https ? tx('도청자: 암호문뿐', 'Eavesdropper: ciphertext only') : tx('도청자: 비밀번호가 보인다', 'Eavesdropper: the password shows');
      parts.push(eveText(ctx, hello ? 'hello' : 'request'));
      k = hello ? 'sni' : 'eavesdropper';
    } else {
      const side = (c.kind === 'msg' || c.kind === 'post' ? c.actor : 'client') as Side;
      const got = notes.filter((n) => n.note.type === 'unit-received').map((n) => (n.note as { unit: number }).unit);
      const sent = notes.filter((n) => n.note.type === 'unit-sent').map((n) => (n.note as { unit: number }).unit);
      for (const u of got) {
        const r = reads(unitLabel(u), side, ctx, failed && side === 'client');
        if (r) { caption = r.caption; parts.push(r.narration); }
        else caption = tx(`${side === 'client' ? '클라이언트' : '서버'} ← ${unitLabel(u)}`, `${side === 'client' ? 'Client' : 'Server'} ← ${unitLabel(u)}`);
        const lbl = unitLabel(u);
        if (lbl === 'Certificate' && side === 'client') { certRead = true; k = 'certificate'; if (failed) parts.push(CHAIN_REASON[tls!.failure!.chain ?? ''] ?? null); }
        else if (lbl === 'CertificateVerify' && side === 'client') k = 'cert-verify';
        else if (lbl === 'ServerKeyExchange' && side === 'client') k = 'cert-verify';
        else if (lbl === 'Finished' && side === 'client') k = 'finished';
        else if ((lbl === 'Application Data' || lbl === 'HTTP response') && side === 'client' && u === (tls ? tls.response : 1)) k = 'response';
        const kn = tls && knowledgeAt(tls, handled[side]);
        const before = tls && knowledgeAt(tls, u - 1);
        if (kn && before && side === 'client' && kn.client.length > before.client.length && !keys.has('keys-handshake')) k = 'keys-handshake';
      }
      for (const u of sent) {
        const lbl = unitLabel(u);
        caption = tx(`${side === 'client' ? '클라이언트' : '서버'} → ${lbl}`, `${side === 'client' ? 'Client' : 'Server'} → ${lbl}`);
        parts.push(carries(lbl, ctx, tls?.alpn));
        k = KEY_OF_SENT[lbl] ?? (u === requestUnit ? 'request' : lbl.startsWith('Alert') && lbl !== 'Alert: close_notify' ? 'alert' : lbl === 'Finished' && side === 'client' ? 'client-finished' : undefined);
      }
      if (!sent.length && !got.length) {
        const seg = sentSeg[0];
        const tr = notes.find((n) => n.note.type === 'transition')?.note as { to: string } | undefined;
        if (seg?.flags.syn && !seg.flags.ack) { caption = tx('클라이언트 → SYN', 'Client → SYN'); parts.push(tcpText.syn); k = 'tcp-handshake'; }
        else if (seg?.flags.syn) { caption = tx('서버 → SYN-ACK', 'Server → SYN-ACK'); parts.push(tcpText.synAck); }
        else if (seg?.flags.fin) { caption = tx(`${side === 'client' ? '클라이언트' : '서버'} → FIN`, `${side === 'client' ? 'Client' : 'Server'} → FIN`); parts.push(tcpText.fin); k = 'close'; }
        else if (tr?.to === 'ESTABLISHED') { caption = tx(`${side === 'client' ? '클라이언트' : '서버'}: ESTABLISHED`, `${side === 'client' ? 'Client' : 'Server'}: ESTABLISHED`); parts.push(side === 'client' ? tcpText.connected : tcpText.serverConnected); }
        else if (tr) { caption = tx(`${side === 'client' ? '클라이언트' : '서버'}: ${tr.to}`, `${side === 'client' ? 'Client' : 'Server'}: ${tr.to}`); if (tr.to === 'CLOSED' || tr.to === 'TIME-WAIT') parts.push(tcpText.closed); }
        else caption = tx(`${side === 'client' ? '클라이언트' : '서버'}: ACK`, `${side === 'client' ? 'Client' : 'Server'}: ACK`);
      }
    }
    b.beat({ t: e.t, key: key(k), caption, narration: parts.some(Boolean) ? join(parts) : caption });
    if (row === 0) actors.forEach((a) => b.show(a));
    for (const side of ['client', 'server'] as const) b.set(side, { state: (e.states[side] as HostState).tcb.state });

    // Every host segment: drawn from the beat it leaves to the beat it arrives.
    for (const w of trace.wires) {
      if (w.to === 'eve') continue;
      const se = sentEntry.get(w.id)!;
      if (se > ei) continue;
      const y0 = rowAt(se);
      const y1 = Math.max(y0 + 1, rowAt(endEntry.get(w.id) ?? trace.entries.length));
      if (row > y1 && b.has(w.id)) continue;
      const seg = w.msg.seg;
      const us = conn.unitsOfWire[w.id] ?? [];
      const names = us.map(unitLabel);
      const arrived = row >= y1;
      const tone: MessageTone = seg.flags.syn ? 'control' : seg.flags.fin ? 'close' : names.some((n) => n.startsWith('Alert') && n !== 'Alert: close_notify') ? 'reset' : us.length ? 'data' : 'ack';
      const packet: TcpPacketRef = {
        proto: 'tcp',
        fields: {
          src: w.from === 'client' ? CLIENT_IP : SERVER_IP, dst: w.to === 'client' ? CLIENT_IP : SERVER_IP, seg, t: w.sentAt,
          ...(w.msg.bytes.length ? { payloadHex: toHex(w.msg.bytes), app: ctx.https ? 'tls' as const : 'http' as const } : {}),
        },
      };
      const m: MessageEntity = {
        kind: 'message', id: w.id, from: w.from, to: w.to, y0, y1,
        progress: arrived ? 1 : Math.round(((row - y0) / (y1 - y0)) * 1000) / 1000,
        status: arrived ? 'delivered' : 'flight',
        label: names.length ? `${segmentLabel(seg)} · ${names.join(', ')}` : segmentLabel(seg),
        short: names.length ? names.join(', ') : flagNames(seg.flags),
        chip: names.length ? names.map((n) => CHIP[n] ?? 'Alert').join('+') : seg.flags.syn ? (seg.flags.ack ? 'SYN-ACK' : 'SYN') : seg.flags.fin ? 'FIN' : 'ACK',
        tone, fresh: y0 === row, retransmission: w.retransmission, packet,
      };
      b.show(m);
    }
    if (tls && o.secretOrder) {
      const kc = knowledgeAt(tls, handled.client), ks = knowledgeAt(tls, handled.server);
      b.show(keysTable(o.secretOrder, tls.secrets, { client: kc?.client ?? [], server: ks?.server ?? [] }, ctx.attacker));
    }
    if (o.checks && (certRead || handled.server >= units.findIndex((u) => u.label === 'Certificate'))) b.show(chainTable(o.checks, certRead));
    if (ctx.attacker) b.show(eveTable(((e.states.eve as TapState | undefined)?.captured ?? [])));
  });
  const view: View = { rows: beatOf.length, ticks: beatOf.map((ei, y) => ({ y, t: trace.entries[ei].t })) };
  return { story: b.build(), view };
}
