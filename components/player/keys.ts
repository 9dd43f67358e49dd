/**
 * Keys the player answers anywhere on the page (a presentation clicker sends only keys),
 * and which focused elements keep their own. Shared by the player and the early key
 * buffer, an inline script that records keys pressed before the player hydrates.
 */
export const PLAYER_KEYS = ['ArrowRight', 'ArrowLeft', 'PageDown', 'PageUp', 'Home', 'End', ' ', 'f', 'F', 'b', 'B', 's', 'S', '+', '=', '-', '_', '0', '?'] as const;

/** Input types whose keys are for typing: they keep every key. */
const TEXT_INPUT = /^(text|number|search|email|url|password|tel|date|datetime-local|month|week|time)$/;

/**
 * Whether the focused element keeps this key for itself: text fields, selects and
 * contenteditable keep all keys; a checkbox or radio keeps Space (nothing else toggles
 * it), a radio group its arrows; a scrolling table keeps its sideways arrows. Buttons,
 * links, the range scrubber and the step list give the player its keys.
 */
export function ownsKey(el: EventTarget | null, key: string): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    if (TEXT_INPUT.test(type)) return true;
    if ((type === 'checkbox' || type === 'radio') && key === ' ') return true;
    if (type === 'radio' && key.startsWith('Arrow')) return true;
  }
  if (el.classList.contains('table-wrap') && (key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home' || key === 'End')) return true;
  return false;
}

declare global {
  interface Window {
    /** Keys pressed before the player took over; null once it has. */
    __ptKeys?: string[] | null;
  }
}

/** Takes the keys recorded before hydration and stops the recording. */
export function takeBufferedKeys(): string[] {
  const keys = Array.isArray(window.__ptKeys) ? window.__ptKeys.slice() : [];
  window.__ptKeys = null;
  return keys;
}

/**
 * The inline script (runs as the HTML is parsed, before any bundle): records the player's
 * keys into window.__ptKeys and keeps the browser from scrolling for them, until the
 * player takes the list. It mirrors ownsKey for the elements that exist before hydration.
 */
export const KEY_BUFFER_SCRIPT = `(function(){var K=${JSON.stringify(PLAYER_KEYS)};var w=window;w.__ptKeys=[];addEventListener('keydown',function(e){var b=w.__ptKeys;if(!b||e.altKey||e.ctrlKey||e.metaKey||e.defaultPrevented||K.indexOf(e.key)<0)return;var t=e.target;if(t&&t.tagName){var g=t.tagName,y=(t.type||'').toLowerCase();if(t.isContentEditable||g==='TEXTAREA'||g==='SELECT')return;if(g==='INPUT'&&(${TEXT_INPUT}.test(y)||((y==='checkbox'||y==='radio')&&e.key===' ')))return;}e.preventDefault();b.push(e.key);},true);})();`;
