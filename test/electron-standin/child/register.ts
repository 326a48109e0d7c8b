// Loaded with --import before the app's main: `electron` (import or require) resolves to the stand-in.
import { registerHooks } from 'node:module';

const standIn = new URL('./electron.ts', import.meta.url).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: standIn, shortCircuit: true, format: 'module' };
    return nextResolve(specifier, context);
  },
});
