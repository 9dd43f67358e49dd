/**
 * The URI topic's two figures, one chunk: the topic draws both from its first step, and no
 * other topic draws either (two chunks repeated what they share and paid for two fetches).
 */
export { default as UriParts } from './UriParts';
export { default as Venn } from './Venn';
