/** Fills {name} placeholders in an interface string (kept apart from i18n.ts so islands do not ship every string). */
export const fill = (template: string, vars: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
