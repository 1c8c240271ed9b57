// ESLint flat config: TypeScript strict rules plus the layer rules of DESIGN.md section 2.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const engineBannedGlobals = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'navigator',
  'fetch',
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
  'requestAnimationFrame',
  'performance',
  'process',
  'Buffer',
].map((name) => ({
  name,
  message: 'The engine is pure: no DOM, timers, network or host globals.',
}));

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/scenarios/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...engineBannedGlobals],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Use the simulated clock.',
        },
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'Use the simulated clock.',
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'Use the seeded random generator.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'zustand', '@xyflow/react'].map((name) => ({
            name,
            message: 'The engine and scenarios stay free of UI and state libraries.',
          })),
          patterns: [
            {
              group: ['**/state/**', '**/ui/**'],
              message: 'Imports flow engine <- scenarios <- state <- ui.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/crypto/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...['react', 'react-dom', 'zustand', '@xyflow/react'].map((name) => ({
              name,
              message: 'The engine stays free of UI and state libraries.',
            })),
            { name: 'jose', message: 'Only src/engine/crypto imports jose.' },
            { name: '@peculiar/x509', message: 'Only src/engine/crypto imports @peculiar/x509.' },
          ],
          patterns: [
            {
              group: ['**/scenarios/**', '**/state/**', '**/ui/**'],
              message: 'Imports flow engine <- scenarios <- state <- ui.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zustand', message: 'Only src/state imports zustand.' }],
          patterns: [
            {
              group: ['**/engine/**', '!**/engine/index'],
              message:
                'The UI reaches the engine only through src/engine/index (types) and the store.',
            },
          ],
        },
      ],
    },
  },
);
