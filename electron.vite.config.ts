import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const shared = { '@shared': resolve('src/shared') };

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      // Native modules (better-sqlite3, keytar) and electron-updater (which requires electron itself)
      // stay in node_modules. drizzle-orm and zod are bundled: loaded as ES modules from inside
      // app.asar they would depend on Electron's asar ESM loader, which has regressed before
      // (test/integration/main-bundle.test.ts checks the output).
      externalizeDeps: { exclude: ['drizzle-orm', 'zod'] },
      rolldownOptions: {
        // The service and the reader run on threads of their own (src/main/threads/): each thread loads
        // its own entry file next to index.js.
        input: {
          index: resolve('src/main/index.ts'),
          'service-thread': resolve('src/main/threads/service-thread.ts'),
          'reader-thread': resolve('src/main/threads/reader-thread.ts'),
        },
      },
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
