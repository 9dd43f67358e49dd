import type { LayersEntity } from '@/simulations/figures/layers';
import type { PanelProps } from './types';
import styles from './LayerStack.module.css';

const ARROW = { down: '↓', up: '↑', idle: '' } as const;

/**
 * One protocol stack: its layers top first (the ones in play lit, with the PDU's name
 * there), and the PDU as it stands as nested header boxes with their byte counts.
 */
export default function LayerStack({ entities, lang }: PanelProps) {
  const s = entities[0] as LayersEntity;
  const total = s.headers.reduce((n, h) => n + h.bytes, 0);
  const bytes = lang === 'ko' ? '바이트' : 'bytes';
  return (
    <figure className={`panel layers ${styles.stack}`} data-stack={s.id} data-model={s.model}>
      <figcaption>
        {s.title[lang]}
        {s.sublabel && <small className={styles.sub}>{s.sublabel}</small>}
      </figcaption>
      <ol className={styles.layers}>
        {s.layers.map((l) => {
          const on = s.active.includes(l.key);
          return (
            <li key={l.key} data-layer={l.key} className={`${styles.layer}${on ? ` ${styles.on} layer-on` : ''}`} aria-current={on ? 'step' : undefined}>
              <span className={styles.name}>{l.name[lang]}</span>
              <span className={styles.pdu}>
                {on && s.direction !== 'idle' && <span aria-hidden="true">{ARROW[s.direction]} </span>}
                {l.pdu[lang]}
                {l.address && ` · ${l.address[lang]}`}
              </span>
              {(l.examples || l.devices) && (
                <span className={styles.ex}>
                  {[l.examples, l.devices?.[lang]].filter(Boolean).join(' · ')}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {s.headers.length > 0 && (
        <div className={styles.pduRow} role="group" aria-label={`${s.pdu?.[lang] ?? ''} ${total} ${bytes}`.trim()}>
          {s.headers.map((h) => (
            <span key={h.key} className={`${styles.box} ${styles[h.tone]} hdr-${h.key}`} style={{ flexGrow: Math.max(1, Math.round(Math.sqrt(h.bytes) * 10) / 10) }} data-bytes={h.bytes}>
              <b>{h.label}</b> {h.bytes}
            </span>
          ))}
          <span className={styles.total}>
            = {total} {bytes}
          </span>
        </div>
      )}
    </figure>
  );
}
