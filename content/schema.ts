/** Frontmatter of a topic page, validated at build time: a bad page fails the build with its path. */
export interface Reference {
  title: string;
  url: string;
}
export interface Frontmatter {
  slug: string;
  description: string;
  question: string;
  references: Reference[];
}

export function validateFrontmatter(fm: unknown, where: string, slug: string): Frontmatter {
  const errors: string[] = [];
  const o = (fm ?? {}) as Record<string, unknown>;
  const str = (k: string, min: number, max: number) => {
    const v = o[k];
    if (typeof v !== 'string' || v.trim().length < min || v.length > max) errors.push(`"${k}" must be text of ${min}–${max} characters`);
  };
  str('slug', 1, 60);
  if (o.slug !== slug) errors.push(`"slug" is "${String(o.slug)}" but the file is for "${slug}"`);
  str('description', 30, 220);
  str('question', 5, 300);
  const refs = o.references;
  if (!Array.isArray(refs) || refs.length === 0) errors.push('"references" must list at least one {title, url}');
  else
    refs.forEach((r, i) => {
      const ref = r as Record<string, unknown>;
      if (typeof ref?.title !== 'string' || !ref.title) errors.push(`references[${i}].title is missing`);
      if (typeof ref?.url !== 'string' || !/^https:\/\/[^\s]+$/.test(ref.url)) errors.push(`references[${i}].url must be an https URL`);
    });
  const known = new Set(['slug', 'description', 'question', 'references']);
  for (const k of Object.keys(o)) if (!known.has(k)) errors.push(`unknown field "${k}"`);
  if (errors.length) throw new Error(`Invalid frontmatter in ${where}:\n  - ${errors.join('\n  - ')}`);
  return o as unknown as Frontmatter;
}
