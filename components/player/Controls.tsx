'use client';

import { loadFullFit } from './fit';
import type { Ui } from '../i18n';

interface Props {
  t: Ui;
  index: number;
  count: number;
  playing: boolean;
  speed: number;
  speeds: readonly number[];
  fullscreen: boolean;
  onFirst(): void;
  onPrev(): void;
  onPlay(): void;
  onNext(): void;
  onLast(): void;
  onSeek(i: number): void;
  onSpeed(s: number): void;
  onFullscreen(): void;
  onHelp(): void;
  /** Full screen only: the button that opens the settings drawer. */
  settings?: { label: string; open: boolean; controls: string; onToggle(): void };
  /** More buttons from the player (e.g. the pcap download). */
  extra?: React.ReactNode;
}

/** Transport controls. Icons are drawn, labels are real text for screen readers. */
export function Controls(p: Props) {
  const { t } = p;
  return (
    <div className="controls" role="group" aria-label={t.player}>
      <div className="buttons">
        <button type="button" onClick={p.onFirst} disabled={p.index === 0} aria-label={t.first} title={`${t.first} (Home)`}>
          <Icon d="M6 5v14M19 5l-9 7 9 7z" />
        </button>
        <button type="button" onClick={p.onPrev} disabled={p.index === 0} aria-label={t.prev} title={`${t.prev} (←)`}>
          <Icon d="M17 5l-10 7 10 7z" />
        </button>
        <button
          type="button"
          className="primary"
          onClick={p.onPlay}
          aria-label={p.playing ? t.pause : t.play}
          aria-pressed={p.playing}
          title={`${p.playing ? t.pause : t.play} (Space)`}
          data-testid="play"
        >
          {p.playing ? <Icon d="M7 5h4v14H7zM14 5h4v14h-4z" /> : <Icon d="M7 4l13 8-13 8z" />}
        </button>
        <button type="button" onClick={p.onNext} disabled={p.index >= p.count - 1} aria-label={t.next} title={`${t.next} (→)`} data-testid="next">
          <Icon d="M7 5l10 7-10 7z" />
        </button>
        <button type="button" onClick={p.onLast} disabled={p.index >= p.count - 1} aria-label={t.last} title={`${t.last} (End)`}>
          <Icon d="M18 5v14M5 5l9 7-9 7z" />
        </button>
      </div>
      <label className="scrubber">
        <span className="visually-hidden">{t.scrubber}</span>
        <input
          type="range"
          min={1}
          max={p.count}
          step={1}
          value={p.index + 1}
          onChange={(e) => p.onSeek(Number(e.target.value) - 1)}
          aria-valuetext={`${t.step} ${p.index + 1} ${t.of} ${p.count}`}
        />
      </label>
      <label className="speed">
        <span>{t.speed}</span>
        <select value={p.speed} onChange={(e) => p.onSpeed(Number(e.target.value))}>
          {p.speeds.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      {p.extra}
      <div className="buttons">
        {p.settings && (
          <button
            type="button"
            className="settings-button"
            onClick={p.settings.onToggle}
            aria-expanded={p.settings.open}
            aria-controls={p.settings.controls}
            title={`${p.settings.label} (S)`}
            data-testid="settings"
          >
            <Icon d="M4 7h10M18 7h2M4 17h4M12 17h8M14 5v4M8 15v4" stroke />
            <span>{p.settings.label}</span>
          </button>
        )}
        {/* Full screen's fitting is its own chunk: a pointer on its way to the button loads it. */}
        <button type="button" onClick={p.onFullscreen} onPointerEnter={() => void loadFullFit()} aria-label={p.fullscreen ? t.exitFullscreen : t.fullscreen} title={`${t.fullscreen} (F)`} data-testid="fullscreen">
          <Icon d={p.fullscreen ? 'M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5' : 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5'} stroke />
        </button>
        <button type="button" onClick={p.onHelp} aria-label={t.help} title={`${t.help} (?)`}>
          <span aria-hidden="true" className="qmark">?</span>
        </button>
      </div>
    </div>
  );
}

function Icon({ d, stroke }: { d: string; stroke?: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={d} fill={stroke ? 'none' : 'currentColor'} stroke="currentColor" strokeWidth={stroke ? 2.2 : 1.2} strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
