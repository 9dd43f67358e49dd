/** Layout of the sequence diagram, in SVG user units (≈ CSS px at zoom 1). */
export const SEQ = {
  gutter: 62,
  header: 92,
  row: 42,
  visibleRows: 7,
  /** Rows kept above the current one when the view scrolls. */
  lead: 4,
  /** Width at which the diagram is drawn at 1:1; wider containers zoom in. */
  baseWidth: 860,
} as const;

export const rowY = (y: number): number => y * SEQ.row + SEQ.row / 2;
export const lerp = (a: number, b: number, k: number): number => a + (b - a) * k;

/** x of an actor (0..100) in a diagram `width` units wide. */
export const actorX = (x: number, width: number): number => SEQ.gutter + (x / 100) * (width - SEQ.gutter);

/** Zoom so that text stays legible: 1 at the base width, more on big screens. */
export const zoomFor = (px: number): number => Math.min(2.2, Math.max(0.6, px / SEQ.baseWidth));
