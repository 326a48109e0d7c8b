// The OS colour scheme, for what CSS cannot style by itself (chart.js draws on a canvas with colours
// given in JavaScript). CSS follows prefers-color-scheme directly.
import { MediaQuery } from 'svelte/reactivity';

/** The window's theme, as the OS asks for it. */
export class Theme {
  readonly #dark = new MediaQuery('(prefers-color-scheme: dark)', false);

  /** True while the OS asks for a dark theme. */
  get dark(): boolean {
    return this.#dark.current;
  }

  /** A CSS custom property's current value (e.g. '--text'), read from the document. */
  cssVar(name: string): string {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }
}
