/**
 * uri-url-urn: a URI reference typed by the user, split by RFC 3986's generic syntax, parsed
 * by the WHATWG URL parser (components, spans, normalisations), a URN checked by RFC 8141,
 * and classified as URL, URN, other URI, relative reference or invalid.
 */
import { SEED_PARAM, type ParamsOf } from '../../core/params';
import { defineScenario, param, storyTimeline } from '../../core/scenario';
import type { Timeline } from '../../core/timeline';
import '../../figures/uri';
import { uriStory } from './story';

export const DEFAULT_URI = 'https://user:pw@www.example.com:8080/board/list?page=2&sort=new#comments';

/** Examples the page offers (the text links to each as `?uri=…`). */
export const PRESETS: readonly { key: string; uri: string }[] = [
  { key: 'url', uri: DEFAULT_URI },
  { key: 'urn-isbn', uri: 'urn:isbn:0451450523' },
  { key: 'urn-ietf', uri: 'urn:ietf:rfc:3986' },
  { key: 'mailto', uri: 'mailto:someone@example.com?subject=hello' },
  { key: 'relative', uri: 'test.com/food/salad.png' },
  { key: 'idn', uri: 'https://한국.kr/' },
  { key: 'normalise', uri: 'HTTP://EXAMPLE.com:80/a/../b/./c?q=a b' },
];

export const URI = param({
  name: 'uri',
  kind: 'string',
  label: { ko: 'URI', en: 'URI' },
  help: {
    ko: '아무 문자열이나 적어 보세요: URL, URN(urn:isbn:0451450523), mailto:, 상대 참조(test.com/food/salad.png)…',
    en: 'Type any string: a URL, a URN (urn:isbn:0451450523), mailto:, a relative reference (test.com/food/salad.png)…',
  },
  maxLength: 2000,
  default: DEFAULT_URI,
});

const PARAMS = [URI, SEED_PARAM] as const;

function run(p: ParamsOf<typeof PARAMS>, seed: number): Timeline {
  const s = uriStory(p.uri);
  return storyTimeline({ topic: 'uri-url-urn', scenario: s.classification.kind, params: p, seed: p.seed, story: s.story, notices: s.notices });
}

export const scenario = defineScenario({ diagram: 'uri-parts', params: PARAMS, simulate: run });

export const params = scenario.params;
export const simulate = scenario.simulate;
export default scenario;
