import { describe, expect, it } from 'vitest';
import type { ActorEntity } from '@/simulations/core/timeline';
import { actorX } from './geometry';
import { estimate } from './measure';
import { SUB, fitSub, layoutHead } from './seqHeader';

const actor = (id: string, ko: string, x: number, sublabel?: string): ActorEntity => ({ kind: 'actor', id, label: { ko, en: ko }, x, role: 'client', sublabel });
const eight = ['웹 서버', '브라우저', 'OS 스텁', '재귀 리졸버', '루트', '.com TLD 서버', 'naver.com 권한 서버', 'nheos.com 권한 서버'].map((n, i) => actor(`a${i}`, n, 5 + i * 12.8, '192.0.2.10'));
const lay = (actors: ActorEntity[], W: number) => layoutHead(actors, (id) => (actors.find((a) => a.id === id)!.x / 100) * W, W, 'ko', estimate);

describe('sequence header', () => {
  it('puts a long name of several words on two lines, whole, rather than cutting it', () => {
    const head = lay(eight, 640);
    const box = head.boxes.find((b) => b.id === 'a3')!;
    expect(box.label.lines.map((l) => l.text)).toEqual(['재귀', '리졸버']);
    expect(box.label.text).toBe(box.label.full);
    // Every line fits its box at the size chosen.
    for (const b of head.boxes) for (const l of b.label.lines) expect(estimate(l.text, b.label.font).w).toBeLessThanOrEqual(b.w - 14 + 1e-9);
  });

  it('keeps one line when the name fits at a good size, and the header one line high', () => {
    const two = [actor('c', '클라이언트', 20), actor('s', '서버', 80)];
    const head = lay(two, 860);
    expect(head.boxes.every((b) => b.label.lines.length === 1)).toBe(true);
    const wide = lay(eight, 640);
    expect(wide.height).toBeGreaterThan(head.height);
  });

  it('sets a one-line name in the middle of a two-line header, between the lines of its neighbours', () => {
    const head = lay(eight, 640);
    const two = head.boxes.find((b) => b.label.lines.length === 2)!;
    const one = head.boxes.find((b) => b.label.lines.length === 1)!;
    expect(one.label.y).toBeCloseTo((two.label.lines[0].y + two.label.lines[1].y) / 2, 6);
    // The address line sits below the second line of every name.
    for (const b of head.boxes) expect(b.sub!.y).toBeGreaterThan(Math.max(...two.label.lines.map((l) => l.y)));
  });

  it('boxes never overlap and stay inside the width, for 1 to 8 actors at any width', () => {
    for (let n = 1; n <= 8; n++)
      for (const W of [600, 645, 860, 1200]) {
        const head = lay(eight.slice(0, n), W);
        const xs = head.boxes.map((b) => [b.cx - b.w / 2, b.cx + b.w / 2]).sort((a, b) => a[0] - b[0]);
        for (let i = 0; i < xs.length; i++) {
          expect(xs[i][0]).toBeGreaterThanOrEqual(0);
          expect(xs[i][1]).toBeLessThanOrEqual(W);
          if (i > 0) expect(xs[i][0]).toBeGreaterThanOrEqual(xs[i - 1][1]);
        }
      }
  });
});

describe('sequence header, uneven lanes', () => {
  it('keeps every box over its own lifeline when two lanes stand apart from the rest', () => {
    // The web server and the browser twice as far apart as the six DNS lanes.
    const xs = [1, 20, 32.5, 45, 57.5, 70, 82.5, 95];
    const actors = eight.map((a, i) => ({ ...a, x: xs[i], sublabel: i > 3 ? 'a.gtld-servers.net' : a.sublabel }));
    for (const W of [960, 1040, 1200]) {
      const at = (id: string) => actorX(actors.find((a) => a.id === id)!.x, W);
      const head = layoutHead(actors, at, W, 'ko', estimate);
      for (const b of head.boxes) expect(Math.abs(b.cx - at(b.id))).toBeLessThan(1e-6);
      // The DNS servers' host names are whole, on two lines, even at a laptop's 960 units.
      for (const b of head.boxes.slice(4)) expect(b.sub!.lines.map((l) => l.text)).toEqual(['a.gtld-', 'servers.net']);
      const spans = head.boxes.map((b) => [b.cx - b.w / 2, b.cx + b.w / 2]);
      for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
    }
  });
});

describe('sequence header, state pills', () => {
  it('gives a state the width shared out when close lanes narrow the boxes, pills apart and inside', () => {
    // Four client/server pairs (HTTP/1.0 vs 1.1): a client 14 from its server, 11 from the last one.
    const actors = Array.from({ length: 8 }, (_, k) => ({ ...actor(`h${k}`, k % 2 ? '서버' : '클라이언트', Math.floor(k / 2) * 25 + (k % 2 ? 19.5 : 5.5)), ...(k % 2 ? {} : { state: '2/5 · TCP' }) }));
    const W = 960;
    const head = layoutHead(actors, (id) => actorX(actors.find((a) => a.id === id)!.x, W), W, 'ko', estimate);
    const pills = head.boxes.filter((b) => b.state).map((b) => ({ b, l: b.cx + b.state!.dx - b.state!.w / 2, r: b.cx + b.state!.dx + b.state!.w / 2 }));
    expect(pills).toHaveLength(4);
    for (const { b } of pills) {
      expect(b.state!.w).toBeGreaterThan(b.w);
      expect(b.state!.text).toBe('2/5 · TCP');
    }
    for (let i = 0; i < pills.length; i++) {
      expect(pills[i].l).toBeGreaterThanOrEqual(0);
      expect(pills[i].r).toBeLessThanOrEqual(W);
      if (i > 0) expect(pills[i].l).toBeGreaterThan(pills[i - 1].r);
    }
  });
});

describe('sequence header, separators', () => {
  it('never starts the second line with a separator', () => {
    const actors = [actor('b', '브라우저 · OS 스텁', 8), ...eight.slice(1, 6).map((a, i) => ({ ...a, x: 25 + i * 17 }))];
    const head = lay(actors, 640);
    const b = head.boxes.find((x) => x.id === 'b')!;
    expect(b.label.lines.length).toBe(2);
    expect(b.label.lines[1].text).not.toMatch(/^[·/|+\-–—]/);
    expect(b.label.lines.map((l) => l.text).join(' ')).toBe('브라우저 · OS 스텁');
  });
});

describe('sequence header, addresses', () => {
  const w = (t: string) => estimate(t, SUB).w;
  const room = (t: string) => w(t) + 0.5;

  it('keeps an address that fits on one line', () => {
    expect(fitSub('192.0.2.10', room('192.0.2.10'), estimate)).toEqual(['192.0.2.10']);
  });

  it('splits a name and an address between them, not inside either', () => {
    const text = 'a.root-servers.net 198.41.0.4';
    expect(fitSub(text, room('a.root-servers.net'), estimate)).toEqual(['a.root-servers.net', '198.41.0.4']);
  });

  it('puts a port on the second line before cutting an address', () => {
    expect(fitSub('198.51.100.20:80', room('198.51.100.20'), estimate)).toEqual(['198.51.100.20', ':80']);
  });

  it('splits a host name after a dot or a hyphen, the most even way', () => {
    expect(fitSub('a.root-servers.net', room('servers.net'), estimate)).toEqual(['a.root-', 'servers.net']);
  });

  it('takes three lines when a word of several is too long for one', () => {
    const text = 'a.gtld-servers.net 192.5.6.30';
    const lines = fitSub(text, room('servers.net'), estimate);
    expect(lines).toEqual(['a.gtld-', 'servers.net', '192.5.6.30']);
  });

  it('cuts in the middle, on one line, only when no split fits', () => {
    const lines = fitSub('2001:db8::1234:5678', w('2001:db8') - 1, estimate);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('…');
    expect(w(lines[0])).toBeLessThanOrEqual(w('2001:db8') - 1);
  });

  it('every line of every box fits, and lines of an address never overlap', () => {
    const actors = eight.map((a, i) => ({ ...a, sublabel: ['203.0.113.101:443', 'a.root-servers.net 198.41.0.4', 'ns1.naver.com'][i % 3] }));
    for (const W of [600, 760, 960]) {
      const head = lay(actors, W);
      for (const b of head.boxes) {
        for (const l of b.sub!.lines) expect(estimate(l.text, SUB).w).toBeLessThanOrEqual(b.w - 12 + 1e-9);
        const ys = b.sub!.lines.map((l) => l.y);
        for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(estimate('Ag', SUB).asc + estimate('Ag', SUB).desc - 1e-9);
        // The box holds its address's last line.
        expect(Math.max(...ys) + estimate('Ag', SUB).desc).toBeLessThanOrEqual(3 + head.boxH + 1e-9);
      }
    }
  });
});
