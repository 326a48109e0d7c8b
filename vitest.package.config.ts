// `npm run package:check`: the package layout tests (test/package), apart from the main suites because
// they package the app first (about half a minute). The base config's settings without its projects:
// each project brings its own include list, so keeping them would run every suite again.
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

const { projects: _suites, ...settings } = base.test ?? {};

export default defineConfig({ ...base, test: { ...settings, include: ['test/package/**/*.test.ts'] } });
