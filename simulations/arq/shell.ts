/**
 * The part every sender machine shares: the link frees, an ACK or a timer arrives,
 * the protocol reacts, then the sender puts on the link whatever it may now send.
 */
export function senderStep<S extends { linkBusy: boolean }, I extends { type: string }, F>(
  state: S,
  input: I,
  on: {
    ack(s: S, input: Extract<I, { type: 'ack' }>, fx: F[]): S;
    timeout(s: S, input: Extract<I, { type: 'timeout' }>, fx: F[]): S;
    pump(s: S, fx: F[]): S;
  },
): { state: S; effects: F[] } {
  const fx: F[] = [];
  let s = state;
  if (input.type === 'link-free') s = { ...s, linkBusy: false };
  else if (input.type === 'ack') s = on.ack(s, input as Extract<I, { type: 'ack' }>, fx);
  else if (input.type === 'timeout') s = on.timeout(s, input as Extract<I, { type: 'timeout' }>, fx);
  return { state: on.pump(s, fx), effects: fx };
}
