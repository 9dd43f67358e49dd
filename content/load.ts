import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleMDX } from 'mdx-bundler';
import remarkGfm from 'remark-gfm';
import type { Lang } from '@/simulations/core/text';
import { validateFrontmatter, type Frontmatter } from './schema';

export interface TopicContent {
  code: string;
  frontmatter: Frontmatter;
}

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
      const { code, frontmatter } = await bundleMDX({
        source,
        cwd: path.dirname(file),
        mdxOptions(options) {
          options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm];
          return options;
        },
      });
      return { code, frontmatter: validateFrontmatter(frontmatter, `content/${key}.mdx`, slug) };
    })();
    cache.set(key, p);
  }
  return p;
}
