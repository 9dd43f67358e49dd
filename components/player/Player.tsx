'use client';

import { Suspense, lazy, startTransition, use, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { LazyMotion, MotionConfig } from 'framer-motion';
import { svgMotion } from '@/components/figures/motionFeatures';
import type { Lang } from '@/simulations/core/text';
import { sceneAt } from '@/simulations/core/story';
import { defaults, type ParamIssue, type ParamValues } from '@/simulations/core/params';
import type { Timeline } from '@/simulations/core/timeline';
import type { Ui } from '../i18n';
import { fill } from '../fill';
import { loadFirstFrame } from './load';
import { playableOf, type TopicMeta } from './meta';
import { requestRun } from './runs';
import { onStepRequest } from './bus';
import { resolveStep, runFileName } from './url';
import { scheduleUrl } from './urlWrite';
import { readTopicUrl, scenarioOf, writeTopicQuery } from './scenes';
import { ScenarioTabs } from './ScenarioTabs';
import { ownsKey, takeBufferedKeys } from './keys';
import { MODIFIERS, ZOOMS, ZOOM_KEY, keyAction, nextZoom } from './actions';
import { useSwipe } from './swipe';
import { useFitHeight, useFocusableScrollers } from './fit';
import { sizerTexts } from './sizerTexts';
import { ParamPanel } from './ParamPanel';
import { Controls } from './Controls';
import { StepList } from './StepList';
import { Panels, Stage, preloadFigures } from './Figures';
import { SEQ } from '../figures/geometry';
import { holdMeasuring } from '../figures/measure';
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

/** The run on screen: its scene, its params and its timeline. */
interface Run {
  scene?: string;
  values: ParamValues;
  timeline: Timeline;
}

const kindsAt = (tl: Timeline, i: number) =>
  new Set(Object.values(sceneAt({ beats: tl.steps, spans: tl.spans }, Math.max(0, Math.min(i, tl.steps.length - 1))).entities).map((e) => e.kind));

/**
 * The interface strings come from the page (one language), so both languages are not shipped.
 * `meta` (diagram, params, scenes) and `initial` (the default run's timeline) are computed at
 * build time: the player draws and steps through the default run without running the engine;
 * other params run in a worker (runs.ts) while the previous frame stays on screen.
 */
export default function Player({ slug, lang, t, title, meta, initial }: { slug: string; lang: Lang; t: Ui; title?: string; meta: TopicMeta; initial: Timeline }) {
  const topic = useMemo(() => playableOf(meta), [meta]);
  // Sampled once per page, not on every render (each step re-renders the player).
  const firstKinds = useMemo(() => kindsAt(initial, 0), [initial]);
  use(loadFirstFrame(`${lang}:${slug}`, meta.diagram, firstKinds));
  // A topic with several scenarios shows them as tabs; `scenarioName` names the one chosen
  // (its params are in the settings); `run` is what is on screen until the next run arrives.
  const [scenarioName, setScenarioName] = useState(topic.scenes?.default);
  const scenario = scenarioOf(topic, scenarioName);
  const rootRef = useRef<HTMLElement>(null);
  const [values, setValues] = useState<ParamValues>(() => defaults(scenario.params));
  const [run, setRun] = useState<Run>(() => ({ scene: topic.scenes?.default, values: defaults(scenario.params), timeline: initial }));
  const [computing, setComputing] = useState(false);
  const latest = useRef(0);
  const [index, setIndex] = useState(0);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(1);
  const [help, setHelp] = useState(false);
  const [fullscreen, setFullscreen] = useState(false);
  const [ready, setReady] = useState(false);
  const [inspecting, setInspecting] = useState<string | null>(null);
  const [blank, setBlank] = useState(false);
  const [zoom, setZoom] = useState(1);
  // Full screen hides the lower panels; the settings open over the diagram as a side drawer.
  const [settings, setSettings] = useState(false);
  const stageRef = useRef<HTMLDivElement>(null);
  const settingsRef = useRef<HTMLDivElement>(null);
  const settingsId = `${slug}-settings`;

  const timeline = run.timeline;
  const shown = scenarioOf(topic, run.scene);
  const count = timeline.steps.length;
  const current = timeline.steps[Math.min(index, count - 1)];
  // The scene is sampled from the story's spans: cheap at any step, nothing stored per step.
  const scene = useMemo(() => sceneAt({ beats: timeline.steps, spans: timeline.spans }, Math.min(index, count - 1)), [timeline, index, count]);
  const hasPackets = useMemo(
    () => timeline.spans.some(({ entity: e }) => (e.kind === 'message' || e.kind === 'packet') && !!e.packet),
    [timeline, count],
  );

  // The run with its packets' bytes, for the inspector and the download: the embedded default
  // run leaves them out (the HTML stays small), so the first that needs them runs it again in
  // the worker, once per run on screen.
  const full = useRef<{ of: Run; timeline: Promise<Timeline> } | null>(null);
  const withBytes = useCallback((): Promise<Timeline> => {
    // Kept per run (a component reading it with `use` needs the same promise at every render).
    if (full.current?.of !== run)
      full.current = {
        of: run,
        timeline: run.timeline.payloadsLeftOut ? requestRun({ slug, lang, scene: run.scene, values: run.values }).then((r) => r.timeline) : Promise.resolve(run.timeline),
      };
    return full.current.timeline;
  }, [slug, lang, run]);

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

  /**
   * Starts a run in the worker; when it arrives (and no later run was asked for meanwhile:
   * a stale result is dropped) it replaces the one on screen, then `then` sees it.
   */
  const startRun = useCallback(
    (scene: string | undefined, v: ParamValues, then?: (r: Run, issues: ParamIssue[]) => void, settled?: () => void) => {
      const id = ++latest.current;
      setComputing(true);
      requestRun({ slug, lang, scene, values: v }).then(
        (res) => {
          if (id !== latest.current) return settled?.();
          const next: Run = { scene, values: res.values, timeline: res.timeline };
          // A long run is a big render: as a transition React renders it in slices, so
          // the page keeps answering meanwhile (the previous frame stays until it is ready).
          startTransition(() => {
            settled?.();
            setComputing(false);
            setValues(res.values);
            setRun(next);
            if (then) then(next, res.issues);
            else if (res.issues.length) setNotices(paramNotices(res.issues));
          });
        },
        () => {
          settled?.();
          if (id === latest.current) setComputing(false);
        },
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [slug, lang],
  );

  const paramNotices = (issues: readonly ParamIssue[]): Notice[] =>
    issues.map((i: ParamIssue) => ({
      id: `p-${i.param}`,
      text: `${fill(t.paramChanged, { name: i.param, given: i.given, used: i.used })} ${i.reason[lang]}`,
    }));

  // Read the URL once, after hydration (the static HTML was rendered with the defaults). With
  // the default params the build's timeline is the run: nothing is simulated on the page.
  useEffect(() => {
    const url = readTopicUrl(topic, window.location.search);
    const sceneDefaults = defaults(scenarioOf(topic, url.scene).params);
    const isDefault = url.scene === topic.scenes?.default && JSON.stringify(url.values) === JSON.stringify(sceneDefaults);
    try {
      const z = Number(window.localStorage.getItem(ZOOM_KEY));
      if ((ZOOMS as readonly number[]).includes(z)) setZoom(z);
    } catch {
      // Storage may be unavailable (private mode, blocked): the zoom just is not remembered.
    }
    setScenarioName(url.scene);
    setValues(url.values);
    if (isDefault) arrive(initial, url.issues);
    // The static frame is about to be replaced: its texts are measured only with the run's.
    else startRun(url.scene, url.values, (r, issues) => arrive(r.timeline, [...url.issues, ...issues]), holdMeasuring());


    function arrive(tl: Timeline, issues: ParamIssue[]) {
      const step = resolveStep(url.step, tl.steps.length);
      const out: Notice[] = paramNotices(issues);
      if (step.changed) {
        const msg = step.reason === 'round' ? t.stepRounded : step.reason === 'invalid' ? t.stepInvalid : t.stepChanged;
        out.push({ id: 'step', text: fill(msg, { given: url.step ?? '', used: step.index + 1, max: tl.steps.length }) });
      }
      // Keys pressed before hydration (recorded by the page's inline script), replayed in order.
      const n = tl.steps.length;
      let idx = step.index;
      let play = false;
      let blanked = false;
      for (const k of takeBufferedKeys()) {
        if (blanked) {
          blanked = false;
          setBlank(false);
          continue;
        }
        const a = keyAction(k);
        if (a === 'next') (idx = Math.min(n - 1, idx + 1)), (play = false);
        else if (a === 'prev') (idx = Math.max(0, idx - 1)), (play = false);
        else if (a === 'first') idx = 0;
        else if (a === 'last') idx = n - 1;
        else if (a === 'play') {
          if (!play && idx >= n - 1) idx = 0;
          play = !play;
        } else if (a === 'blank') {
          blanked = true;
          play = false;
          setBlank(true);
        } else if (a === 'fullscreen') toggleFullscreen();
        else if (a === 'help') setHelp((h) => !h);
        else if (a === 'zoom-in' || a === 'zoom-out' || a === 'zoom-reset') setZoom((z) => nextZoom(z, a));
      }
      setIndex(idx);
      setPlaying(play);
      setNotices(out);
      setReady(true);
    }
    // Only on mount: later changes come from the controls.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The zoom is a preference of this browser, not part of the shared state.
  useEffect(() => {
    if (!ready) return;
    try {
      if (zoom === 1) window.localStorage.removeItem(ZOOM_KEY);
      else window.localStorage.setItem(ZOOM_KEY, String(zoom));
    } catch {
      // See above.
    }
  }, [ready, zoom]);

  // The URL is the state: keep it in step, without adding history entries.
  useEffect(() => {
    if (!ready) return;
    const q = writeTopicQuery(topic, run.scene, run.values, index);
    scheduleUrl(`${window.location.pathname}${q}${window.location.hash}`);
  }, [ready, topic, run, index]);

  // The figures the next step draws start loading now (a panel that appears later in the run
  // is not part of the first visit's scripts).
  useEffect(() => {
    if (ready && index + 1 < count) void preloadFigures(shown.diagram, kindsAt(timeline, index + 1));
  }, [ready, shown, timeline, index, count]);

  // A step is rendered as a transition: the render is sliced between frames (an animation in
  // flight keeps its frames, a key held down renders only the latest step), and only the commit
  // is one piece. The scrubber sets its step at once: a dragged range input follows its value.
  const go = useCallback((i: number) => startTransition(() => setIndex(Math.max(0, Math.min(count - 1, i)))), [count]);
  const next = useCallback(() => startTransition(() => setIndex((i) => Math.min(count - 1, i + 1))), [count]);
  const prev = useCallback(() => startTransition(() => setIndex((i) => Math.max(0, i - 1))), []);

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

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === rootRef.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  // Leaving full screen closes the drawer (the settings are back in the page below).
  useEffect(() => {
    if (!fullscreen) setSettings(false);
  }, [fullscreen]);

  // S: in full screen the drawer opens or closes; on the page, focus moves to the settings.
  const toggleSettings = useCallback(() => {
    if (fullscreen) {
      setSettings((o) => !o);
      return;
    }
    const first = settingsRef.current?.querySelector<HTMLElement>('input, select, button');
    settingsRef.current?.scrollIntoView({ block: 'nearest' });
    first?.focus({ preventScroll: true });
  }, [fullscreen]);

  // The drawer takes focus when it opens and gives it back to its button when it closes.
  const settingsOpened = useRef(false);
  useEffect(() => {
    if (settings) {
      settingsRef.current?.querySelector<HTMLElement>('input, select, button')?.focus({ preventScroll: true });
    } else if (settingsOpened.current) {
      const inside = !document.activeElement || document.activeElement === document.body || settingsRef.current?.contains(document.activeElement);
      if (inside) rootRef.current?.querySelector<HTMLElement>('[data-testid="settings"]')?.focus({ preventScroll: true });
    }
    settingsOpened.current = settings;
  }, [settings]);

  useFitHeight(rootRef, '.panels', fullscreen, t.panels, t.openPanel);
  useFocusableScrollers(rootRef, '.stage div, .panels div, .panels figure', t.pan);

  // Phones: swipe the diagram left for the next step, right for the previous one.
  useSwipe(stageRef, (dir) => {
    setPlaying(false);
    if (dir === 'next') next();
    else prev();
  });

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

  // Keys: Space, arrows, PageUp/PageDown (presentation clickers), Home/End, F, B, + - 0, ?.
  // Handled for the whole page, whatever was clicked last (a button, the scrubber, a step):
  // the native button and range behaviour for these keys is cancelled. Text fields, selects
  // and contenteditable keep their keys (see ownsKey).
  // Registered while the commit is applied (a layout effect), not after it: a key pressed as soon
  // as a new run is on screen (a transition's passive effects wait for a later task) must act on
  // that run, not on the one before.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (blank) {
        // Any key brings the screen back and does nothing else.
        if (MODIFIERS.has(e.key)) return;
        if (!ownsKey(e.target, e.key)) e.preventDefault();
        setBlank(false);
        return;
      }
      if (e.key === 'Escape' && (help || inspecting || settings)) {
        setHelp(false);
        setInspecting(null);
        setSettings(false);
        return;
      }
      // The help dialog is modal: its own controls keep their keys.
      if (help && e.key !== '?') return;
      if (e.defaultPrevented || ownsKey(e.target, e.key)) return;
      const a = keyAction(e.key);
      if (!a) return;
      e.preventDefault();
      switch (a) {
        case 'play':
          togglePlay();
          break;
        case 'next':
          setPlaying(false);
          next();
          break;
        case 'prev':
          setPlaying(false);
          prev();
          break;
        case 'first':
          go(0);
          break;
        case 'last':
          go(count - 1);
          break;
        case 'fullscreen':
          toggleFullscreen();
          break;
        case 'blank':
          setPlaying(false);
          setBlank(true);
          break;
        case 'help':
          setHelp((h) => !h);
          break;
        case 'settings':
          toggleSettings();
          break;
        default:
          setZoom((z) => nextZoom(z, a));
      }
    };
    // A focused button or summary would act on Space's keyup: the player took that Space.
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && !help && !e.altKey && !e.ctrlKey && !e.metaKey && !ownsKey(e.target, e.key)) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('keyup', onKeyUp);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('keyup', onKeyUp);
    };
  }, [blank, help, inspecting, settings, togglePlay, next, prev, go, count, toggleFullscreen, toggleSettings]);

  const changeParams = (v: ParamValues, scene = scenarioName) => {
    setPlaying(false);
    setNotices([]);
    setInspecting(null);
    setValues(v);
    startRun(scene, v);
  };

  // The settings get one stable handler that calls the latest `changeParams`.
  const changeRef = useRef(changeParams);
  useEffect(() => {
    changeRef.current = changeParams;
  });
  const onParams = useCallback((v: ParamValues) => changeRef.current(v), []);

  // Another scenario: its own params at their defaults, from step 1.
  const pickScene = (name: string) => {
    setScenarioName(name);
    changeParams(defaults(scenarioOf(topic, name).params), name);
    setIndex(0);
  };

  return (
    <LazyMotion features={svgMotion} strict>
      <MotionConfig reducedMotion="user">
        <section
          ref={rootRef}
          className="player"
          aria-label={t.player}
          data-fullscreen={fullscreen ? 'true' : 'false'}
          data-ready={ready ? 'true' : 'false'}
          data-step={index + 1}
          data-computing={computing ? 'true' : 'false'}
          data-zoom={zoom}
          data-settings={settings ? 'open' : 'closed'}
          style={{ '--pt-zoom': zoom, '--pt-seq-base': `${SEQ.baseWidth}px` } as React.CSSProperties}
        >
          {fullscreen && title && <h2 className="player-title">{title}</h2>}
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
          {topic.scenes && <ScenarioTabs scenes={topic.scenes} current={scenarioName} lang={lang} panel={`${slug}-stage`} onPick={pickScene} />}
          <div className="stage" ref={stageRef} id={`${slug}-stage`} style={{ position: 'relative' }} {...(topic.scenes ? { role: 'tabpanel', 'aria-labelledby': `${slug}-stage-tab-${scenarioName}` } : {})}>
            {/* While a run computes the previous frame stays; this says so, over the drawing (no shift). */}
            <p className="computing" role="status" aria-live="polite" data-testid="computing" style={{ position: 'absolute', top: 4, insetInlineEnd: 8, margin: 0, fontSize: '0.8rem', pointerEvents: 'none' }}>
              {computing ? t.computing : ''}
            </p>
            <Stage kind={shown.diagram} scene={scene} view={timeline.view} index={index} lang={lang} onInspect={hasPackets ? setInspecting : undefined} />
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
              setIndex(Math.max(0, Math.min(count - 1, i)));
            }}
            onSpeed={setSpeed}
            onFullscreen={toggleFullscreen}
            onHelp={() => setHelp(true)}
            settings={fullscreen ? { label: t.settings, open: settings, controls: settingsId, onToggle: toggleSettings } : undefined}
            extra={hasPackets ? <PcapButton load={withBytes} label={t.pcap} fileName={runFileName(slug, shown.params, run.values, 'pcap')} /> : null}
          />
          {inspecting && (
            <Suspense fallback={<p className="loading">{t.loading}</p>}>
              <Inspector timeline={withBytes()} id={inspecting} lang={lang} onClose={() => setInspecting(null)} />
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
              {/* Full screen sizes the box once per run, to the tallest of its longest narrations (fit.ts, sizerTexts.ts). */}
              {fullscreen && (
                <div className="narration-sizer" aria-hidden="true">
                  {sizerTexts(timeline.steps.map((s) => s.narration[lang])).map((x, i) => (
                    <p key={i} lang={lang}>
                      {x}
                    </p>
                  ))}
                </div>
              )}
            </div>
            <Panels scene={scene} lang={lang} />
          </div>
          <div className="player-lower">
            <StepList t={t} steps={timeline.steps} index={index} lang={lang} onPick={(i) => { setPlaying(false); go(i); }} onMove={(by) => { setPlaying(false); if (by > 0) next(); else prev(); }} />
            <div className="settings" id={settingsId} ref={settingsRef}>
              {fullscreen && (
                <button type="button" className="settings-close" onClick={() => setSettings(false)}>
                  {t.close} <span aria-hidden="true">(Esc)</span>
                </button>
              )}
              <ParamPanel key={scenarioName} t={t} specs={scenario.params} values={values} lang={lang} onChange={onParams} />
            </div>
          </div>
          {blank && (
            <div className="blank-screen" data-testid="blank" onClick={() => setBlank(false)}>
              <span className="visually-hidden" role="status">
                {t.blank}
              </span>
            </div>
          )}
          {help && (
            <Suspense fallback={null}>
              <HelpOverlay t={t} extra={[t.settingsKey, t.swipeKey]} onClose={() => setHelp(false)} />
            </Suspense>
          )}
        </section>
      </MotionConfig>
    </LazyMotion>
  );
}
