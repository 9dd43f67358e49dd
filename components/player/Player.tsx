'use client';

import { Suspense, lazy, use, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LazyMotion, MotionConfig, domMin } from 'framer-motion';
import type { Lang } from '@/simulations/core/text';
import { defaults, type ParamIssue, type ParamValues } from '@/simulations/core/params';
import type { Ui } from '../i18n';
import { fill } from '../fill';
import { loadScenario } from './load';
import { onStepRequest } from './bus';
import { readUrl, resolveStep, writeQuery } from './url';
import { ParamPanel } from './ParamPanel';
import { Controls } from './Controls';
import { StepList } from './StepList';
import { Diagram, SideFigure } from '../diagram/Diagram';
import { PcapButton } from '../inspector/PcapButton';

// The inspector and its encoders load on first use, not on the first visit.
const Inspector = lazy(() => import('../inspector/Inspector'));
const HelpOverlay = lazy(() => import('./HelpOverlay'));

const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
/** Time a step stays on screen at 1× while playing. */
const BASE_MS = 1800;

interface Notice {
  id: string;
  text: string;
}

/** The interface strings come from the page (one language), so both languages are not shipped. */
export default function Player({ slug, lang, t }: { slug: string; lang: Lang; t: Ui }) {
  const scenario = use(loadScenario(slug));
  const rootRef = useRef<HTMLElement>(null);
  const [values, setValues] = useState<ParamValues>(() => defaults(scenario.params));
  const [index, setIndex] = useState(0);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(1);
  const [help, setHelp] = useState(false);
  const [fullscreen, setFullscreen] = useState(false);
  const [ready, setReady] = useState(false);
  const [inspecting, setInspecting] = useState<string | null>(null);

  const timeline = useMemo(() => scenario.simulate(values, values.seed as number), [scenario, values]);
  const count = timeline.steps.length;
  const current = timeline.steps[Math.min(index, count - 1)];
  const hasPackets = useMemo(
    () => timeline.steps.some((s) => Object.values(s.scene.entities).some((e) => (e.kind === 'message' || e.kind === 'packet') && !!e.packet)),
    [timeline, count],
  );

  // Read the URL once, after hydration (the static HTML was rendered with the defaults).
  useEffect(() => {
    const url = readUrl(scenario.params, window.location.search);
    const tl = scenario.simulate(url.values, url.values.seed as number);
    const step = resolveStep(url.step, tl.steps.length);
    const out: Notice[] = url.issues.map((i: ParamIssue) => ({
      id: `p-${i.param}`,
      text: `${fill(t.paramChanged, { name: i.param, given: i.given, used: i.used })} ${i.reason[lang]}`,
    }));
    if (step.changed) out.push({ id: 'step', text: fill(t.stepChanged, { given: url.step ?? '', used: step.index + 1, max: tl.steps.length }) });
    setValues(url.values);
    setIndex(step.index);
    setNotices(out);
    setReady(true);
    // Only on mount: later changes come from the controls.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The URL is the state: keep it in step, without adding history entries.
  useEffect(() => {
    if (!ready) return;
    const q = writeQuery(scenario.params, values, index);
    const next = `${window.location.pathname}${q}${window.location.hash}`;
    if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      window.history.replaceState(window.history.state, '', next);
    }
  }, [ready, scenario, values, index]);

  const go = useCallback((i: number) => setIndex(Math.max(0, Math.min(count - 1, i))), [count]);
  const next = useCallback(() => setIndex((i) => Math.min(count - 1, i + 1)), [count]);
  const prev = useCallback(() => setIndex((i) => Math.max(0, i - 1)), []);

  // Keep the index valid when a param change makes the timeline shorter.
  useEffect(() => {
    if (index > count - 1) setIndex(count - 1);
  }, [index, count]);

  // Playing: one step every BASE_MS / speed; stop at the end.
  useEffect(() => {
    if (!playing) return;
    if (index >= count - 1) {
      setPlaying(false);
      return;
    }
    const id = window.setTimeout(next, BASE_MS / speed);
    return () => window.clearTimeout(id);
  }, [playing, index, count, speed, next]);

  const togglePlay = useCallback(() => {
    setPlaying((p) => {
      if (!p && index >= count - 1) setIndex(0);
      return !p;
    });
  }, [index, count]);

  const toggleFullscreen = useCallback(() => {
    const el = rootRef.current;
    if (!el) return;
    if (document.fullscreenElement) {
      void document.exitFullscreen();
    } else if (el.requestFullscreen) {
      el.requestFullscreen().catch(() => setFullscreen((f) => !f));
    } else {
      setFullscreen((f) => !f);
    }
  }, []);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === rootRef.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  // Links in the text ask for a step by key or number.
  useEffect(
    () =>
      onStepRequest(({ key, n }) => {
        const i = key !== undefined ? timeline.steps.findIndex((s) => s.key === key) : (n ?? 1) - 1;
        if (i >= 0) {
          setPlaying(false);
          go(i);
          rootRef.current?.scrollIntoView({ block: 'nearest' });
        }
      }),
    [timeline, go],
  );

  // Keys: Space, arrows, PageUp/PageDown (presentation clickers), Home/End, F, ?.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      const tag = target?.tagName;
      const typing = tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || target?.isContentEditable;
      if (e.key === 'Escape' && (help || inspecting)) {
        setHelp(false);
        setInspecting(null);
        return;
      }
      if (typing) return;
      switch (e.key) {
        case ' ':
          if (tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A') return; // let the focused control act
          e.preventDefault();
          togglePlay();
          break;
        case 'ArrowRight':
        case 'PageDown':
          e.preventDefault();
          setPlaying(false);
          next();
          break;
        case 'ArrowLeft':
        case 'PageUp':
          e.preventDefault();
          setPlaying(false);
          prev();
          break;
        case 'Home':
          e.preventDefault();
          go(0);
          break;
        case 'End':
          e.preventDefault();
          go(count - 1);
          break;
        case 'f':
        case 'F':
          e.preventDefault();
          toggleFullscreen();
          break;
        case '?':
          e.preventDefault();
          setHelp((h) => !h);
          break;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [help, inspecting, togglePlay, next, prev, go, count, toggleFullscreen]);

  const changeParams = (v: ParamValues) => {
    setPlaying(false);
    setNotices([]);
    setInspecting(null);
    setValues(v);
  };

  return (
    <LazyMotion features={domMin} strict>
      <MotionConfig reducedMotion="user">
        <section
          ref={rootRef}
          className="player"
          aria-label={t.player}
          data-fullscreen={fullscreen ? 'true' : 'false'}
          data-ready={ready ? 'true' : 'false'}
          data-step={index + 1}
        >
          {(notices.length > 0 || (timeline.notices?.length ?? 0) > 0) && (
            <div className="notices" role="status">
              <ul>
                {notices.map((n) => (
                  <li key={n.id}>{n.text}</li>
                ))}
                {timeline.notices?.map((n, i) => (
                  <li key={`s-${i}`}>{n[lang]}</li>
                ))}
              </ul>
              <button type="button" className="linkish" onClick={() => setNotices([])}>
                {t.close}
              </button>
            </div>
          )}
          <div className="stage">
            <Diagram kind={scenario.diagram} scene={current.scene} view={timeline.view} index={index} lang={lang} onInspect={hasPackets ? setInspecting : undefined} />
          </div>
          <Controls
            t={t}
            index={index}
            count={count}
            playing={playing}
            speed={speed}
            speeds={SPEEDS}
            fullscreen={fullscreen}
            onFirst={() => go(0)}
            onPrev={() => {
              setPlaying(false);
              prev();
            }}
            onPlay={togglePlay}
            onNext={() => {
              setPlaying(false);
              next();
            }}
            onLast={() => go(count - 1)}
            onSeek={(i) => {
              setPlaying(false);
              go(i);
            }}
            onSpeed={setSpeed}
            onFullscreen={toggleFullscreen}
            onHelp={() => setHelp(true)}
            extra={hasPackets ? <PcapButton timeline={timeline} label={t.pcap} /> : null}
          />
          {inspecting && (
            <Suspense fallback={<p className="loading">{t.loading}</p>}>
              <Inspector timeline={timeline} id={inspecting} lang={lang} onClose={() => setInspecting(null)} />
            </Suspense>
          )}
          <div className="player-mid">
            <div className="narration" aria-live="polite" aria-atomic="true">
              <p className="narration-step">
                {t.step} <strong data-testid="step-number">{index + 1}</strong> {t.of} {count}
              </p>
              <p className="narration-text" lang={lang}>
                {current.narration[lang]}
              </p>
            </div>
            <SideFigure scene={current.scene} lang={lang} />
          </div>
          <div className="player-lower">
            <StepList t={t} steps={timeline.steps} index={index} lang={lang} onPick={(i) => { setPlaying(false); go(i); }} />
            <ParamPanel t={t} specs={scenario.params} values={values} lang={lang} onChange={changeParams} />
          </div>
          {help && (
            <Suspense fallback={null}>
              <HelpOverlay t={t} onClose={() => setHelp(false)} />
            </Suspense>
          )}
        </section>
      </MotionConfig>
    </LazyMotion>
  );
}
