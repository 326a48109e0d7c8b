// Component and store tests: the renderer's Svelte code compiled for the browser and run in jsdom,
// with a fake API provided through context (test/component/fake-api.ts). Part of `npm test`
// (vitest.config.ts lists this project).
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineProject } from 'vitest/config';

const root = import.meta.dirname;

export default defineProject({
  root,
  plugins: [svelte()],
  // Svelte's browser build (the default is its server build under Node, which cannot mount).
  resolve: { alias: { '@shared': resolve(root, 'src/shared') }, conditions: ['browser'] },
  test: {
    name: 'component',
    include: ['test/component/**/*.test.ts'],
    environment: 'jsdom',
    setupFiles: ['test/component/setup.ts'],
  },
});
