import type { Lang } from '@/simulations/core/text';

/** Player strings added with the full-screen settings drawer and swipe (one language per page). */
export const PLAYER_TEXT = {
  ko: {
    settings: '설정',
    pan: '가로로 스크롤되는 그림',
    panels: '그림 옆 패널 (세로로 스크롤됨)',
    settingsKey: ['S', '설정 열기 / 닫기 (전체 화면에서는 옆 서랍으로)'] as [string, string],
    swipeKey: ['밀기', '휴대폰: 다이어그램을 왼쪽으로 밀면 다음, 오른쪽으로 밀면 이전 단계'] as [string, string],
  },
  en: {
    settings: 'Settings',
    pan: 'Drawing, scrolls sideways',
    panels: 'Panels beside the diagram (scroll down)',
    settingsKey: ['S', 'Open / close the settings (a side drawer in full screen)'] as [string, string],
    swipeKey: ['Swipe', 'Phone: swipe the diagram left for the next step, right for the previous one'] as [string, string],
  },
} as const satisfies Record<Lang, unknown>;
