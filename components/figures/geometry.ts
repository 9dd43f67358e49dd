/** Layout of the sequence diagram, in SVG user units (CSS px at zoom 1). */
export const SEQ = {
  /** Time ticks' column: room for the widest, "9999 ms" (longer times read "12.3 s"). */
  gutter: 68,
  row: 42,
  /** Rows shown outside full screen; full screen fills the height it is given. */
  visibleRows: 7,
  /** Width at which the diagram is drawn at 1:1; wider containers zoom in. */
  baseWidth: 860,
  /** Narrowest drawing (units): a narrower box pans sideways instead of shrinking the type. */
  minWidth: 600,
  /** Extra width per actor beyond two, so four lifelines keep room for their labels. */
  perActor: 60,
  /** The smallest diagram font, in units. */
  smallestType: 13,
  /** Full screen: the smallest diagram font (13 units) comes out at 24 CSS px. */
  fullZoom: 24 / 13,
  /** Actors from which a full-screen drawing takes the stage's whole width, its panels under it. */
  crowd: 5,
  /** Distance between timer lanes on one lifeline. */
  lane: 8,
} as const;

export const rowY = (y: number): number => y * SEQ.row + SEQ.row / 2;
export const lerp = (a: number, b: number, k: number): number => a + (b - a) * k;

/** x of an actor (0..100) in a diagram `width` units wide. */
export const actorX = (x: number, width: number): number => SEQ.gutter + (x / 100) * (width - SEQ.gutter - 16);

/** Zoom so that text stays legible: never below 1:1, more on big screens. */
export const zoomFor = (px: number): number => Math.min(2.2, Math.max(1, px / SEQ.baseWidth));
