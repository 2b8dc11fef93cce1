import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const pure = {
  patterns: [
    { group: ['react', 'react-dom', 'react-dom/*'], message: 'data/, ingest/ and url/ are pure: no React.' },
    { group: ['maplibre-gl'], message: 'Only src/map touches maplibre-gl.' },
    {
      group: ['d3-selection', 'd3-brush', 'd3-zoom', 'd3-axis'],
      message: 'Only src/timeline touches the DOM with d3.',
    },
    {
      group: ['**/ui/*', '**/map/*', '**/timeline/*'],
      message: 'Imports flow one way: ui -> map | timeline -> data.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'public/geo',
      'public/data',
      '.cache',
      'test-results',
      'playwright-report',
      'bench-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['scripts/**', 'geo/**', 'src/cli/**', '*.config.*'], languageOptions: { globals: globals.node } },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // This rule checks memoisation for the React Compiler, which the project does not use.
      'react-hooks/preserve-manual-memoization': 'off',
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/data/**', 'src/ingest/**', 'src/url/**', 'src/tiles/**'],
    rules: { 'no-restricted-imports': ['error', pure] },
  },
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['maplibre-gl'], message: 'ui talks to the map through src/map.' },
            {
              group: ['d3-selection', 'd3-brush', 'd3-zoom', 'd3-axis'],
              message: 'ui talks to d3 through src/timeline.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/map/**', 'src/timeline/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react', 'react-dom', '**/ui/*'], message: 'Adapters do not use React.' }] },
      ],
    },
  },
);
