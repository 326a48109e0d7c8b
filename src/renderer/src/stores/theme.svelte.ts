// The OS colour scheme, for what CSS cannot style by itself (chart.js draws on a canvas with colours
// given in JavaScript). CSS follows prefers-color-scheme directly.
import { MediaQuery } from 'svelte/reactivity';

const dark = new MediaQuery('(prefers-color-scheme: dark)', false);

/** True while the OS asks for a dark theme. */
export function isDark(): boolean {
  return dark.current;
}

/** A CSS custom property's current value (e.g. '--text'), read from the document. */
export function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}
