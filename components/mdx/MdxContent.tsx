import { getMDXComponent } from 'mdx-bundler/client';
import { Children, isValidElement, type ComponentProps, type ReactNode } from 'react';
import { ui } from '../i18n';
import type { Lang } from '@/simulations/core/text';
import { Answer, Callout } from './blocks';
import { StepLink } from './StepLink';

/** Renders a bundled MDX page on the server; only StepLink reaches the browser as an island. */
export function MdxContent({ code, lang }: { code: string; lang: Lang }) {
  const Component = getMDXComponent(code);
  // Region names must differ on a page: a repeated one gets a number.
  const seen = new Map<string, number>();
  const name = (base: string) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  };
  return (
    <Component
      components={{
        Answer: ({ children }: { children: ReactNode }) => <Answer lang={lang}>{children}</Answer>,
        Callout: (p: { kind?: 'sheet' | 'note'; title?: string; children: ReactNode }) => <Callout lang={lang} {...p} />,
        Step: StepLink,
        // A wide table scrolls inside its own box, not the page (narrow phones). The box is a
        // focusable region (so the keyboard can scroll it), named after its header row.
        table: (p: ComponentProps<'table'>) => (
          <div className="table-wrap" tabIndex={0} role="region" aria-label={name(`${ui(lang).table}: ${textOf(findHead(p.children)) || '…'}`)}>
            <table {...p} />
          </div>
        ),
      }}
    />
  );
}

/** The table's header row (the first thead), or nothing. */
function findHead(children: ReactNode): ReactNode {
  return Children.toArray(children).find((c) => isValidElement(c) && c.type === 'thead') ?? null;
}

/** The plain text of a rendered tree, cells joined by ", ". */
function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node).trim();
  if (Array.isArray(node)) return node.map(textOf).filter(Boolean).join(' ');
  if (isValidElement<{ children?: ReactNode }>(node)) {
    const kids = node.props.children;
    if (node.type === 'tr') return Children.toArray(kids).map(textOf).filter(Boolean).join(', ');
    return textOf(kids);
  }
  return '';
}
