/** What each player key does, and the zoom steps: shared by the key handler and the replay of early keys. */

/** Zoom levels for + / - / 0 (remembered in localStorage, not in the URL). */
export const ZOOMS = [0.6, 0.75, 0.9, 1, 1.15, 1.3, 1.5, 1.75, 2] as const;
export const ZOOM_KEY = 'pt-zoom';

export const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph', 'Fn', 'OS']);

export type KeyAction = 'next' | 'prev' | 'first' | 'last' | 'play' | 'fullscreen' | 'blank' | 'help' | 'settings' | 'zoom-in' | 'zoom-out' | 'zoom-reset';

export function keyAction(key: string): KeyAction | null {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'prev';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case ' ':
      return 'play';
    case 'f':
    case 'F':
      return 'fullscreen';
    case 'b':
    case 'B':
      return 'blank';
    case 's':
    case 'S':
      return 'settings';
    case '?':
      return 'help';
    case '+':
    case '=':
      return 'zoom-in';
    case '-':
    case '_':
      return 'zoom-out';
    case '0':
      return 'zoom-reset';
    default:
      return null;
  }
}

const stepZoom = (z: number, dir: 1 | -1): number => {
  const i = (ZOOMS as readonly number[]).indexOf(z);
  const at = i < 0 ? ZOOMS.indexOf(1) : i;
  return ZOOMS[Math.max(0, Math.min(ZOOMS.length - 1, at + dir))];
};

export function nextZoom(z: number, a: KeyAction): number {
  return a === 'zoom-in' ? stepZoom(z, 1) : a === 'zoom-out' ? stepZoom(z, -1) : 1;
}
