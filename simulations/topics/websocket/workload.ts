/**
 * The chat the server receives while the run goes: message times and texts drawn from the
 * seed, the same for every transport so that their costs compare on equal terms.
 */
import { createRandom } from '../../core/random';

export interface ChatMessage {
  id: number;
  /** When the server has it, ms. */
  at: number;
  text: string;
}

const TEXTS = ['lunch at 12?', 'build #42 passed', 'deploy done', 'PR #7 merged', 'standup in 5 min', 'coffee?', 'tests are green', 'release v1.2 tagged'];

export function chatMessages(count: number, seed: number): ChatMessage[] {
  const r = createRandom(seed).fork('chat');
  const out: ChatMessage[] = [];
  let at = r.int(300, 900);
  for (let id = 1; id <= count; id++) {
    out.push({ id, at, text: TEXTS[r.int(0, TEXTS.length - 1)] });
    at += r.int(300, 1500);
  }
  return out;
}

/** The JSON body a poll answers with: the messages newer than `after`, oldest first. */
export const pollBody = (msgs: readonly ChatMessage[]): string => JSON.stringify(msgs.map((m) => ({ id: m.id, text: m.text })));
