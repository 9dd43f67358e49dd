import { getMDXComponent } from 'mdx-bundler/client';
import type { ComponentProps, ReactNode } from 'react';
import { ui } from '../i18n';
import type { Lang } from '@/simulations/core/text';
import { Answer, Callout } from './blocks';
import { StepLink } from './StepLink';

/** Renders a bundled MDX page on the server; only StepLink reaches the browser as an island. */
export function MdxContent({ code, lang }: { code: string; lang: Lang }) {
  const Component = getMDXComponent(code);
  return (
    <Component
      components={{
        Answer: ({ children }: { children: ReactNode }) => <Answer lang={lang}>{children}</Answer>,
        Callout: (p: { kind?: 'sheet' | 'note'; title?: string; children: ReactNode }) => <Callout lang={lang} {...p} />,
        Step: StepLink,
        // A wide table scrolls inside its own box, not the page (narrow phones).
        table: (p: ComponentProps<'table'>) => (
          <div className="table-wrap" tabIndex={0} role="region" aria-label={ui(lang).table}>
            <table {...p} />
          </div>
        ),
      }}
    />
  );
}
