import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleMDX } from 'mdx-bundler';
import remarkGfm from 'remark-gfm';
import type { Lang } from '@/simulations/core/text';
import { validateFrontmatter, type Frontmatter } from './schema';

export interface TopicContent {
  /** The page body, without the model answer. */
  code: string;
  /** The model answer (the `<Answer>` block), bundled apart so the page can put it under the question. */
  answer: string | null;
  frontmatter: Frontmatter;
}

/** The page's `<Answer>…</Answer>` block (one per page, on lines of its own). */
const ANSWER_BLOCK = /^<Answer>[ \t]*\n[\s\S]*?\n<\/Answer>[ \t]*$/m;

const mdxOptions = (options: Parameters<NonNullable<Parameters<typeof bundleMDX>[0]['mdxOptions']>>[0]) => {
  options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm];
  return options;
};

const cache = new Map<string, Promise<TopicContent>>();

export function contentPath(lang: Lang, slug: string): string {
  return path.join(process.cwd(), 'content', lang, `${slug}.mdx`);
}

/** Reads, bundles and validates one topic page. Runs at build time only. */
export function loadTopicContent(lang: Lang, slug: string): Promise<TopicContent> {
  const key = `${lang}/${slug}`;
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      const file = contentPath(lang, slug);
      const source = await readFile(file, 'utf8');
      const block = source.match(ANSWER_BLOCK)?.[0] ?? null;
      const cwd = path.dirname(file);
      const { code, frontmatter } = await bundleMDX({ source: block ? source.replace(block, '') : source, cwd, mdxOptions });
      const answer = block ? (await bundleMDX({ source: block, cwd, mdxOptions })).code : null;
      return { code, answer, frontmatter: validateFrontmatter(frontmatter, `content/${key}.mdx`, slug) };
    })();
    cache.set(key, p);
  }
  return p;
}
