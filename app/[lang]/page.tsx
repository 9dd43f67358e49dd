import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { isLang, ui } from '@/components/i18n';
import { IndexPage } from '../IndexPage';

export const dynamicParams = false;
export function generateStaticParams() {
  return [{ lang: 'ko' }, { lang: 'en' }];
}

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { lang } = await params;
  if (!isLang(lang)) return {};
  const t = ui(lang);
  return {
    title: { absolute: `${t.site}: ${t.tagline}` },
    description: t.indexIntro,
    alternates: { canonical: `/${lang}`, languages: { ko: '/ko', en: '/en' } },
    openGraph: { title: t.site, description: t.indexIntro, url: `/${lang}`, locale: lang === 'ko' ? 'ko_KR' : 'en_US', type: 'website', siteName: t.site },
  };
}

export default async function LangIndex({ params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  return <IndexPage lang={lang} />;
}
