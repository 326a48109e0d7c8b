import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const shared = { '@shared': resolve('src/shared') };

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      // Native modules (better-sqlite3, keytar) and their JS stay in node_modules.
      externalizeDeps: true,
    },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      // A sandboxed preload may only require('electron'): bundle everything else into one CommonJS
      // file (sandboxed preloads cannot be ES modules).
      externalizeDeps: false,
      rolldownOptions: {
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    resolve: { alias: shared },
    plugins: [svelte()],
  },
});
