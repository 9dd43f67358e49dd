import type { ArqEvent, SackBlock } from './types';

const SILENT: ArqEvent['text'] = { ko: '', en: '' };

/**
 * One entry of the log. Narration is written when first read (a story reads a few; JSON and
 * tests read all): `text` is a getter, and `toJSON` writes it last, after `receiver`.
 */
export class Ev {
  declare i: number;
  declare time: number;
  declare kind: ArqEvent['kind'];
  declare packet: number | null;
  declare seq: number | null;
  declare ack: number | null;
  declare sack: SackBlock[];
  declare timer: string | null;
  declare at: number | null;
  declare lost: boolean;
  declare reason: string | null;
  declare sender: ArqEvent['sender'];
  declare receiver: ArqEvent['receiver'];
  #memo: ArqEvent['text'] | undefined = undefined;
  #write: (() => ArqEvent['text']) | null = null;
  constructor(write: (() => ArqEvent['text']) | null) {
    this.#write = write;
  }
  get text(): ArqEvent['text'] {
    if (this.#memo === undefined) {
      this.#memo = this.#write ? this.#write() : SILENT;
      this.#write = null;
    }
    return this.#memo;
  }
  toJSON() {
    return { ...this, text: this.text };
  }
}
