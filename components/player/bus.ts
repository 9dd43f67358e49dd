/**
 * A tiny channel from text to the player: a step link in the article asks the
 * player (a separate island) to jump. The player owns the step; this only relays.
 */
type Listener = (target: { key?: string; n?: number }) => void;
const listeners = new Set<Listener>();

export function requestStep(target: { key?: string; n?: number }): void {
  for (const l of listeners) l(target);
}

export function onStepRequest(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
