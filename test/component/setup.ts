// What jsdom lacks and the renderer uses: matchMedia (the theme follows the OS's colour scheme) and
// ResizeObserver and scrollTo (the result list). The tests run in a light theme.
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

// The result list (virtua) watches its size; jsdom lays nothing out, so there is nothing to report.
if (typeof window.ResizeObserver !== 'function') {
  window.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

// …and scrolls it back to the top for a new query, which jsdom's elements cannot do.
if (typeof Element.prototype.scrollTo !== 'function') Element.prototype.scrollTo = () => undefined;
