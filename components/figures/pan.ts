import type { CSSProperties } from 'react';

/**
 * The box a figure pans in when it is wider than its container: its type stays at least 1:1
 * and the reader scrolls sideways inside the figure, never the page.
 */
export const PAN: CSSProperties = { width: '100%', overflowX: 'auto', overflowY: 'hidden' };

/** An SVG drawn `px` CSS pixels wide (times the reader's +/- zoom), centred, whatever the page's svg rules say. */
export const sized = (px: number): CSSProperties => ({ width: `calc(${Math.round(px)}px * var(--pt-zoom, 1))`, maxWidth: 'none', maxHeight: 'none', height: 'auto', margin: '0 auto', display: 'block' });

/** The least type on a diagram, CSS px: full screen zooms a drawing out no further than this. */
export const LEAST_TYPE = 12;

/**
 * Full screen: the zoom that keeps a drawing on the stage, which a clicker cannot pan. As large
 * as `want`, no larger than any of `fits` (stage size / drawing size, per axis), and never so
 * small that `smallest` (the drawing's smallest type, in its units) goes under LEAST_TYPE:
 * past that the drawing pans.
 */
export const fullScreenZoom = (want: number, fits: number[], smallest: number) => Math.max(LEAST_TYPE / smallest, Math.min(want, ...fits));
