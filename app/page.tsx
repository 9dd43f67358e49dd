import type { Metadata } from 'next';
import { IndexPage } from './IndexPage';

export const metadata: Metadata = {
  alternates: { canonical: '/ko', languages: { ko: '/ko', en: '/en' } },
  openGraph: { title: 'Packet Theater', description: '네트워크가 움직이는 모습을 한 단계씩 봅니다.', url: '/ko', locale: 'ko_KR', type: 'website', siteName: 'Packet Theater' },
};

export default function Home() {
  return <IndexPage lang="ko" />;
}
