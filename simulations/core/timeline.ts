/**
 * The timeline contract: what `simulate(params, seed)` returns and the player draws.
 *
 * A timeline is a story (see `story.ts`): `steps` are its beats (time, key, caption,
 * narration) and `spans` the entities drawn between beats. The scene at step i is
 * `sceneAt(timeline, i)`. Everything in it is plain JSON (no functions, no class
 * instances, no undefined in arrays), so that the same params and seed give the same bytes.
 */
import type { ParamSpec, ParamValues } from './params';
import type { Text } from './text';
import type { Beat, Scene, Span } from './story';
import '../figures/sequence';
import '../figures/topology';
import '../figures/fsm';
import '../figures/panels';

export type { Beat, Frame, Scene, Span, Story } from './story';
import { sceneAt, storyFromScenes } from './story';
export { sceneAt, StoryBuilder, storyFromScenes } from './story';
export type { Entity, EntityKind, EntityMap, EntityOf } from './entities';
export type { PacketRef, TcpPacketRef, UdpPacketRef, AppHint } from './packets';
export type { ActorEntity, ActorRole, MarkEntity, MessageEntity, MessageStatus, MessageTone, TimerEntity } from '../figures/sequence';
export type { LinkEntity, NodeEntity, PacketEntity } from '../figures/topology';
export type { FsmEntity } from '../figures/fsm';
export type { ChartEntity, CountersEntity, WindowCellState, WindowEntity } from '../figures/panels';

export interface Timeline {
  topic: string;
  scenario: string;
  params: ParamValues;
  seed: number;
  /** The fixed frame every scene is drawn in (rows of a sequence diagram, lanes…). */
  view: View;
  /** The beats: what the step list shows, one per step. */
  steps: Beat[];
  /** What is drawn, and from which step until which. */
  spans: Span[];
  /**
   * What the scenario itself had to change, beyond the param codec (e.g. a window too
   * large for the sequence space): the page shows these beside the param notices.
   */
  notices?: Text[];
  /**
   * Why this run's messages carry no packet bytes, when they do not (textbook protocols
   * with no wire format): the player can show it where the inspector and .pcap would be.
   */
  noPackets?: Text;
  /**
   * The run's TLS secrets in the NSS key log format (SSLKEYLOGFILE), when it carries TLS:
   * the download writes them into the pcapng so Wireshark decrypts with no key file.
   */
  tlsKeyLog?: string;
  /**
   * The packets carry their headers but not their payloads (see `withoutPayloads`): the run as
   * a page embeds it. What needs the bytes (the inspector, a download) runs it again in full.
   */
  payloadsLeftOut?: true;
}

/** A beat and its sampled scene: what old code called a step. */
export type Step = Beat & { scene: Scene };

export interface View {
  /** Sequence diagrams: number of rows on the vertical (logical) axis. */
  rows?: number;
  /** Labels for the vertical axis: logical time (ms) at some rows. */
  ticks?: { y: number; t: number }[];
}

/**
 * The main stages a scenario can draw on; panels (fsm, windows, counters, charts) go beside it.
 * Open like `EntityMap`: a figure module that brings a new stage adds its name here by declaration
 * merging (`declare module '../core/timeline' { interface StageMap { 'dns-tree': true } }`).
 */
export interface StageMap {
  sequence: true;
  topology: true;
}
export type Stage = keyof StageMap;

/** A scenario module: what a topic folder exports. */
export interface Scenario {
  diagram: Stage;
  params: readonly ParamSpec[];
  simulate(params: ParamValues, seed: number): Timeline;
}

/**
 * A topic with several first-class scenarios (shown as tabs): each has its own params
 * and simulate; `default` names the one a bare URL opens. A topic exporting this also
 * keeps a default `Scenario` export for players that know only one.
 */
export interface TopicScenarios {
  scenarios: Readonly<Record<string, Scenario & { label: Text }>>;
  default: string;
}

/** Every step with its sampled scene (tests, exports; the player samples one step at a time). */
export function stepsOf(tl: Pick<Timeline, 'steps' | 'spans'>): Step[] {
  return tl.steps.map((beat, i) => ({ ...beat, scene: sceneAt({ beats: tl.steps, spans: tl.spans }, i) }));
}

/** A timeline's story from complete scenes, one per step (see `storyFromScenes`). */
export function fromScenes(steps: readonly Step[]): Pick<Timeline, 'steps' | 'spans'> {
  const s = storyFromScenes(steps);
  return { steps: s.beats, spans: s.spans };
}

/** A timeline whose steps carry their scenes (what tests read). */
export type FullTimeline = Omit<Timeline, 'steps'> & { steps: Step[] };
export const withScenes = (tl: Timeline): FullTimeline => ({ ...tl, steps: stepsOf(tl) });
