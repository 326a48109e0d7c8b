// `npm run package:check`: the package layout tests (test/package), apart from the main suites because
// they package the app first (about half a minute). The include list replaces the base one
// (mergeConfig would append to it and run every suite).
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

export default defineConfig({ ...base, test: { ...base.test, include: ['test/package/**/*.test.ts'] } });
