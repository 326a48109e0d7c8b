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
