import { SVGVisualElement, animations, type FeatureBundle } from 'framer-motion';

/**
 * The motion features the figures use, and no more: every `m.*` element in a figure is an SVG
 * element that animates its attributes. So the bundle renders SVG elements only and leaves out
 * exit animations (no figure uses AnimatePresence); framer-motion's `domMin` would also bring
 * the HTML renderer and the exit feature to every topic page.
 */
export const svgMotion: FeatureBundle = {
  renderer: (_component, options) => new SVGVisualElement(options),
  animation: animations.animation,
};
