/**
 * The ports-sockets story, built from the world's moments with a StoryBuilder: one beat per
 * moment plus a closing summary. Nodes, links and the socket table are shown when they
 * appear and change by keyframes; a packet is shown while it is on its way and goes once
 * it has arrived; a client's failed socket goes when the app drops it.
 */
import { StoryBuilder, type Story } from '../../core/story';
import type { Text } from '../../core/text';
import type { LinkEntity } from '../../core/timeline';
import { nodes, packetEntities, tableEntity } from './layout';
import { factCaption, factNarration, summary } from './text';
import type { Fact, WorldResult } from './world';

const T = (ko: string, en: string): Text => ({ ko, en });
const isDemux = (f: Fact) => f.kind === 'server-rx' && (f.outcome === 'data' || f.outcome === 'accept-data' || f.outcome === 'echo');

/** Stable names the text links to; each goes to the first step that shows it and has no key yet. */
function keyCandidates(facts: Fact[], used: Set<string>, firstDemuxClient: number | undefined): string[] {
  const out: string[] = [];
  for (const f of facts) {
    if (f.kind === 'server-rx' && (f.outcome === 'reset' || f.outcome === 'unreachable')) out.push('closed-port');
    if (f.kind === 'client-rx' && f.outcome === 'refused') out.push('refused');
    if (f.kind === 'connect' && f.retry) out.push('retry');
  }
  for (const f of facts) {
    if (!isDemux(f) || f.kind !== 'server-rx') continue;
    if (!used.has('demux')) out.push('demux');
    else if (firstDemuxClient !== f.client) out.push('demux-2');
  }
  for (const f of facts) if (f.kind === 'server-rx' && f.outcome === 'syn') out.push('syn-listener');
  for (const f of facts) if (f.kind === 'client-rx' && (f.outcome === 'response' || f.outcome === 'echo')) out.push('reply');
  for (const f of facts) if (f.kind === 'connect' && !f.retry) out.push('connect');
  for (const f of facts) if (f.kind === 'setup') out.push('bind');
  return out;
}

export function buildStory(res: WorldResult): Story {
  const byId = new Map(res.packets.map((p) => [p.id, p]));
  const pk = (id: string) => byId.get(id)!;
  const b = new StoryBuilder();
  const used = new Set<string>();
  let firstDemux: number | undefined;
  const link = (n: number, busy: boolean): LinkEntity => ({ kind: 'link', id: `l-c${n}`, a: `c${n}`, b: 'nic', ...(busy ? { highlight: true } : {}) });
  /** Shows exactly these entities from the current beat: new ones appear, changed ones get a keyframe, the rest go. */
  const stage = (entities: { id: string }[]) => {
    const ids = new Set(entities.map((e) => e.id));
    for (const id of b.shownIds()) if (!ids.has(id)) b.hide(id);
    for (const e of entities) b.show(e as Parameters<StoryBuilder['show']>[0]);
  };

  for (const m of res.moments) {
    const captions = m.facts.map((f) => factCaption(f, pk)).slice(0, 2);
    const texts = m.facts.map((f) => factNarration(f, pk, res.pid));
    const key = keyCandidates(m.facts, used, firstDemux).find((k) => !used.has(k));
    b.beat({
      t: m.t,
      ...(key ? { key } : {}),
      caption: T(captions.map((c) => c.ko).join(' · '), captions.map((c) => c.en).join(' · ')),
      narration: T(texts.map((x) => x.ko).join(' '), texts.map((x) => x.en).join(' ')),
    });
    if (key) {
      used.add(key);
      if (key === 'demux') firstDemux = m.facts.find((f): f is Extract<Fact, { kind: 'server-rx' }> => isDemux(f) && f.kind === 'server-rx')?.client;
    }
    // What the packets of this moment touched is drawn highlighted.
    const hot = new Set<string>();
    for (const f of m.facts) if (f.kind === 'server-rx' || f.kind === 'client-rx') hot.add(f.toNode);
    const busy = new Set(res.packets.filter((p) => p.sentAt <= m.t && p.arriveAt >= m.t).map((p) => p.client));
    const links = Array.from({ length: res.clients }, (_, i) => link(i + 1, busy.has(i + 1)));
    stage([...nodes(res, m, hot), ...links, ...packetEntities(res, m), tableEntity(m.server)]);
  }

  // A closing step: the whole table, nothing in flight.
  const last = res.moments[res.moments.length - 1];
  b.beat({ t: last.t, key: 'summary', caption: T('정리: 서버의 소켓 테이블', 'Summary: the server socket table'), narration: summary(res, last) });
  const hot = new Set(res.protocol === 'tcp' ? last.server.filter((e) => e.fd !== undefined && e.id !== 'listen').map((e) => e.id) : ['udp-sock']);
  stage([...nodes(res, last, hot), ...Array.from({ length: res.clients }, (_, i) => link(i + 1, false)), tableEntity(last.server)]);
  return b.build();
}
