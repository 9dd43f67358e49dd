/**
 * The uri-url-urn story: the input; its RFC 3986 split; each component of the parsed URL
 * coloured in turn (scheme, userinfo, host, port, path, query, fragment, or a URN's NID and
 * NSS); what the parser normalised; the classification; the Venn figure of URI ⊃ URL, URN.
 * A relative reference is resolved against a base; an invalid input gets its reasons.
 */
import { StoryBuilder, type Story } from '../../core/story';
import { t, type Text } from '../../core/text';
import type { UriPartsEntity, UriRow, VennEntity, VennRegion } from '../../figures/uri';
import { classify, parseUri, type Classification, type UrlOk } from '../../names';
import { hrefParts, splitParts } from './parts';
import { classifyText, failText, inputText, normaliseText, partText, ROW_TITLES, splitText, VENN_TEXT } from './texts';

const BEAT_MS = 1000;
/** The base a relative reference is resolved against (the example of RFC 3986 §5.4 uses a similar one). */
export const BASE_URL = 'https://example.com/a/b';

export function regionOf(c: Classification): VennRegion {
  return c.kind;
}

function partsEntity(rows: UriRow[], extra: Partial<UriPartsEntity> = {}): UriPartsEntity {
  return { kind: 'uri-parts', id: 'uri', rows, changes: [], errors: [], ...extra };
}

function venn(region: VennRegion | null, input: string): VennEntity {
  const marker = input.length > 28 ? input.slice(0, 27) + '…' : input;
  return { kind: 'venn', id: 'venn', title: t('URI, URL, URN', 'URI, URL, URN'), region, marker };
}

export interface UriStory {
  story: Story;
  classification: Classification;
  notices: Text[];
}

export function uriStory(input: string): UriStory {
  const c = classify(input);
  const b = new StoryBuilder();
  let time = 0;
  const beat = (key: string, x: { caption: Text; narration: Text }) => {
    b.beat({ t: time, key, ...x });
    time += BEAT_MS;
  };
  const inputRow: UriRow = { id: 'input', title: ROW_TITLES.input, text: input, parts: [] };
  const split = splitParts(input);
  const region = regionOf(c);

  beat('input', inputText(input));
  b.show(partsEntity([inputRow]));
  b.show(venn(null, input));

  beat('split', splitText(split.map((p) => ({ part: p.part, value: input.slice(p.start, p.end) })), c));
  b.show(partsEntity([{ ...inputRow, title: ROW_TITLES.split, parts: split.map((p) => ({ ...p, state: 'shown' })) }]));

  const url: UrlOk | null = c.whatwg.ok ? c.whatwg : null;
  const urn = c.urn?.ok ? c.urn : null;
  if (url) {
    const parts = hrefParts(url, urn);
    const row = (upTo: number): UriRow => ({
      id: 'href',
      title: ROW_TITLES.href,
      text: url.href,
      parts: parts.map((p, i) => ({ ...p, state: i < upTo ? 'shown' : i === upTo ? 'current' : 'hidden' })),
    });
    parts.forEach((p, i) => {
      beat(p.part, partText(p.part, url.href.slice(p.start, p.end), url, urn));
      b.show(partsEntity([{ ...inputRow, parts: [] }, row(i)]));
    });
    beat('normalise', normaliseText(url));
    b.show(
      partsEntity([{ ...inputRow, parts: [] }, row(parts.length)], {
        changes: url.changes.map((ch) => ({ part: ch.part, from: ch.from, to: ch.to })),
      }),
    );
  } else {
    const fail = failText(c);
    const errors = c.whatwg.ok ? [] : c.whatwg.errors.map((e) => e.message);
    beat(c.kind === 'relative' ? 'relative' : 'invalid', fail);
    b.show(partsEntity([{ ...inputRow, parts: split.map((p) => ({ ...p, state: 'shown' })) }], { errors }));
    if (c.kind === 'relative') {
      const resolved = parseUri(resolve(input));
      if (resolved.ok) {
        beat('resolved', {
          caption: t(`기준 URL에 대해 해석: ${short(resolved.href)}`, `Resolved against a base: ${short(resolved.href)}`),
          narration: t(
            `상대 참조는 기준 URL이 있어야 완전한 URL이 됩니다(RFC 3986 §5). 기준 ${BASE_URL}에 대해 해석하면 ${resolved.href} 입니다. 스킴과 호스트는 기준에서 오고, 입력은 경로(와 쿼리, 프래그먼트)가 됩니다.`,
            `A relative reference becomes a complete URL only against a base URL (RFC 3986 §5). Against ${BASE_URL} it resolves to ${resolved.href}: the scheme and host come from the base, and the input becomes the path (and query, fragment).`,
          ),
        });
        b.show(
          partsEntity([
            { ...inputRow, parts: split.map((p) => ({ ...p, state: 'shown' })) },
            { id: 'resolved', title: ROW_TITLES.resolved, text: resolved.href, parts: hrefParts(resolved, null).map((p) => ({ ...p, state: 'shown' })) },
          ]),
        );
      }
    }
  }

  beat('classify', classifyText(c, region));
  b.show(venn(region, input));
  beat('venn', VENN_TEXT);
  const notices = c.kind === 'invalid' ? [c.explanation] : [];
  return { story: b.build(), classification: c, notices };
}

const short = (s: string) => (s.length > 60 ? s.slice(0, 59) + '…' : s);

/** The reference resolved against BASE_URL (RFC 3986 §5.2 as the URL Standard implements it), or '' when it cannot be. */
function resolve(ref: string): string {
  try {
    return new URL(ref, BASE_URL).href;
  } catch {
    return '';
  }
}
