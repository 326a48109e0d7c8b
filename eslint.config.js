import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

// Only the Electron glue may import electron; everything else must run (and be tested) in plain Node.
const electronGlue = ['src/main/index.ts', 'src/main/electron/**', 'src/preload/**'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      '.tools/',
      'test-results/',
      'playwright-report/',
      'drizzle/meta/',
      'src/shared/screendesk-api.gen.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.{ts,js,svelte}'],
    // The stand-in Electron (test code) is typed against electron's own type definitions.
    ignores: [...electronGlue, 'test/electron-standin/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'Only src/main/index.ts, src/main/electron/ and src/preload/ may import electron; keep the core runnable in plain Node.',
            },
          ],
          patterns: [{ group: ['electron/*'], message: 'Electron stays in its glue (see design.md).' }],
        },
      ],
    },
  },
);
