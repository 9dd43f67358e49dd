/** A config the engine refused (never expected from the param codec): say why, over two steps. */
import { StoryBuilder } from '../../core/story';
import { t, type Text } from '../../core/text';
import type { Timeline } from '../../core/timeline';

/** What `simulate` fills in before a scene adds its view and story. */
export type Base = Omit<Timeline, 'view' | 'steps' | 'spans' | 'scenario'>;

export function refusedTimeline(base: Base, scenario: string, why: Text[]): Timeline {
  const b = new StoryBuilder();
  b.beat({ t: 0, caption: t('실행할 수 없는 설정', 'Settings that cannot run'), narration: { ko: why.map((w) => w.ko).join(' '), en: why.map((w) => w.en).join(' ') } });
  b.show({ kind: 'actor', id: 'sender', label: t('송신자', 'Sender'), x: 22, role: 'sender' });
  b.show({ kind: 'actor', id: 'receiver', label: t('수신자', 'Receiver'), x: 78, role: 'receiver' });
  b.beat({ t: 0, caption: t('설정을 바꿔 보세요', 'Try other settings'), narration: t('위의 설정을 바꾸면 시뮬레이션이 다시 실행됩니다.', 'Change the settings above to run the simulation again.') });
  const s = b.build();
  return { ...base, scenario, view: { rows: 2, ticks: [{ y: 0, t: 0 }] }, steps: s.beats, spans: s.spans, notices: why };
}
