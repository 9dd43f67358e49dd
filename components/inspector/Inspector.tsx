'use client';

import { use, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Timeline } from '@/simulations/core/timeline';
import type { Lang } from '@/simulations/core/text';
import { capture } from '@/simulations/capture';
import { hexdump } from '@/simulations/wire/bytes';
import type { Field } from '@/simulations/wire/fields';
import { fieldAt, fieldBytes, flatten } from './bytes';

const T = {
  ko: { title: '패킷 살펴보기', close: '닫기', bytes: '바이트', hex: '16진수 덤프', tree: '필드', of: '의 바이트', hint: '필드에 마우스를 올리거나 포커스하면 해당 바이트가, 바이트에 올리면 해당 필드가 강조됩니다.' },
  en: { title: 'Packet inspector', close: 'Close', bytes: 'bytes', hex: 'Hex dump', tree: 'Fields', of: ' bytes', hint: 'Hover or focus a field to light its bytes; hover a byte to light its field.' },
};

/** A Wireshark-style view of one packet: layers as a tree, bytes as hex and ASCII, linked both ways. */
export default function Inspector({ timeline: run, id, lang, onClose }: { timeline: Promise<Timeline>; id: string; lang: Lang; onClose(): void }) {
  const t = T[lang];
  // The run with its packets' bytes: suspends (the player shows "loading") until it is there.
  const timeline = use(run);
  const packet = useMemo(() => capture(timeline).find((p) => p.id === id), [timeline, id]);
  const all = useMemo(() => (packet ? flatten(packet.dissection.layers) : []), [packet]);
  const [active, setActive] = useState<string | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const hexRef = useRef<HTMLDivElement>(null);
  const perRow = useRowWidth(hexRef);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus({ preventScroll: true });
    rootRef.current?.scrollIntoView({ block: 'nearest' });
    return () => before?.focus?.();
  }, []);
  if (!packet) return null;
  const activeField = all.find((a) => a.path === active)?.field;
  const lit = new Set(activeField ? fieldBytes(activeField) : []);
  const lines = hexdump(packet.dissection.bytes, perRow);

  return (
    <div
      ref={rootRef}
      className="inspector"
      role="dialog"
      aria-modal="false"
      aria-labelledby="inspector-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="inspector-head">
        <h2 id="inspector-title">
          {t.title}: <code>{packet.label}</code>
        </h2>
        <button ref={closeRef} type="button" onClick={onClose} className="inspector-close">
          {t.close}
        </button>
      </div>
      <p className="inspector-hint">{t.hint}</p>
      <div className="inspector-body">
        <div className="inspector-tree" aria-label={t.tree}>
          {packet.dissection.layers.map((layer, li) => (
            <details key={li} open className={`layer layer-${layer.key}`}>
              <summary>{layer.title}</summary>
              <FieldList fields={layer.fields} prefix={`${li}`} active={active} onActive={setActive} lang={lang} t={t} />
            </details>
          ))}
        </div>
        <div ref={hexRef} className="inspector-hex" data-per-row={perRow} aria-label={t.hex} role="group" onMouseLeave={() => setActive(null)}>
          {lines.map((line) => (
            <div key={line.offset} className="hex-line">
              <span className="hex-off">{line.offsetHex}</span>
              <span className="hex-bytes">
                {Array.from(packet.dissection.bytes.subarray(line.offset, line.offset + perRow)).map((b, j) => {
                  const i = line.offset + j;
                  return (
                    <span key={i} data-byte={i} className={lit.has(i) ? 'lit' : undefined} onMouseEnter={() => setActive(fieldAt(all, i))}>
                      {b.toString(16).padStart(2, '0')}
                    </span>
                  );
                })}
              </span>
              <span className="hex-ascii" aria-hidden="true">
                {Array.from(packet.dissection.bytes.subarray(line.offset, line.offset + perRow)).map((b, j) => (
                  <span key={j} className={lit.has(line.offset + j) ? 'lit' : undefined}>
                    {b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '·'}
                  </span>
                ))}
              </span>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

/**
 * Bytes per dump row: 16 as Wireshark shows them when the row fits its box, 8 when it would
 * push the ASCII column out of sight (a narrow column at 1366 px, a phone). The width a
 * 16-byte row needed is remembered, so a box that grows back gets 16 again.
 */
function useRowWidth(ref: React.RefObject<HTMLDivElement | null>): 16 | 8 {
  const [perRow, setPerRow] = useState<16 | 8>(16);
  const need16 = useRef(0);
  const rowsRef = useRef(perRow);
  rowsRef.current = perRow;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      if (rowsRef.current === 16) {
        if (el.scrollWidth > el.clientWidth + 1) {
          need16.current = el.scrollWidth;
          setPerRow(8);
        }
      } else if (need16.current && el.clientWidth >= need16.current) {
        setPerRow(16);
      }
    };
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return perRow;
}

function FieldList({ fields, prefix, active, onActive, lang, t }: { fields: Field[]; prefix: string; active: string | null; onActive(p: string | null): void; lang: Lang; t: (typeof T)['ko'] }) {
  return (
    <ul className="fields">
      {fields.map((f, i) => {
        const path = `${prefix}.${i}`;
        const bytes = fieldBytes(f);
        const range = bytes.length ? `${bytes[0]}–${bytes[bytes.length - 1]}` : '';
        return (
          <li key={path}>
            <button
              type="button"
              className={`field-row${active === path ? ' active' : ''}`}
              data-key={f.key}
              aria-pressed={active === path}
              onMouseEnter={() => onActive(path)}
              onFocus={() => onActive(path)}
              onClick={() => onActive(path)}
              title={f.key}
            >
              <span className="f-name">{f.name}</span>: <span className="f-value">{f.value}</span>
              <span className="visually-hidden">
                {' '}
                ({range}
                {t.of})
              </span>
            </button>
            {f.meaning && <small className="f-meaning">{f.meaning[lang]}</small>}
            {f.children && <FieldList fields={f.children} prefix={path} active={active} onActive={onActive} lang={lang} t={t} />}
          </li>
        );
      })}
    </ul>
  );
}
