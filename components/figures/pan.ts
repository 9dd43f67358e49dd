import type { CSSProperties } from 'react';

/**
 * The box a figure pans in when it is wider than its container: its type stays at least 1:1
 * and the reader scrolls sideways inside the figure, never the page.
 */
export const PAN: CSSProperties = { width: '100%', overflowX: 'auto', overflowY: 'hidden' };

/** An SVG drawn `px` CSS pixels wide (times the reader's +/- zoom), centred, whatever the page's svg rules say. */
export const sized = (px: number): CSSProperties => ({ width: `calc(${Math.round(px)}px * var(--pt-zoom, 1))`, maxWidth: 'none', maxHeight: 'none', height: 'auto', margin: '0 auto', display: 'block' });
