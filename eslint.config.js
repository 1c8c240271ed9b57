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

const UI_LIBRARIES = ['react', 'react-dom', 'zustand', '@xyflow/react'].map((name) => ({
  name,
  message: 'The engine stays free of UI and state libraries.',
}));

const CRYPTO_LIBRARIES = [
  { name: 'jose', message: 'Only src/engine/crypto imports jose.' },
  { name: '@peculiar/x509', message: 'Only src/engine/crypto imports @peculiar/x509.' },
  { name: 'xmldsigjs', message: 'Only src/engine/crypto imports xmldsigjs (XML signatures).' },
  { name: 'xml-core', message: 'Only src/engine/crypto imports xml-core.' },
  {
    name: '@xmldom/xmldom',
    message: 'Only src/engine/crypto imports @xmldom/xmldom (the XML DOM).',
  },
  { name: 'xpath', message: 'Only src/engine/crypto imports xpath.' },
];

const LAYERS_ABOVE = {
  group: ['**/scenarios/**', '**/state/**', '**/ui/**'],
  message: 'Imports flow engine <- scenarios <- state <- ui.',
};

const SIMULATION_ONLY_FROM_INDEX = {
  group: ['**/simulation/**', '!**/simulation/**/*.test-helpers'],
  message: 'simulation/ assembles the parties: only src/engine/index.ts re-exports it.',
};

const FLOOR_STAYS_DOWN = {
  group: ['**/parties/**', '**/simulation/**'],
  message:
    'model/ and core/ are the floor every party stands on: they never import parties/ or simulation/.',
};

/**
 * One `no-restricted-imports` rule per engine area (a later rule replaces an earlier one for the
 * same files, so each carries every restriction that applies there). Tests are exempt.
 */
function engineImportRules(areas) {
  return areas.map(({ files, ignores = [], crypto, patterns }) => ({
    files,
    ignores: [...ignores, '**/*.test.ts', '**/*.test-helpers.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...UI_LIBRARIES, ...(crypto ? [] : CRYPTO_LIBRARIES)],
          patterns: [LAYERS_ABOVE, ...patterns],
        },
      ],
    },
  }));
}

export default tseslint.config(
  { ignores: ['dist', '.e2e-dist', 'node_modules', 'test-results', 'playwright-report'] },
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
  // Inside the engine, floors below roofs (DESIGN.md section 2): model/ and core/ import no party
  // and no simulation; only src/engine/index.ts re-exports simulation/; only crypto/ imports jose.
  ...engineImportRules([
    {
      files: ['src/engine/**/*.ts'],
      ignores: ['src/engine/crypto/**', 'src/engine/simulation/**', 'src/engine/index.ts'],
      crypto: false,
      patterns: [SIMULATION_ONLY_FROM_INDEX],
    },
    {
      files: ['src/engine/simulation/**/*.ts', 'src/engine/index.ts'],
      crypto: false,
      patterns: [],
    },
    {
      files: ['src/engine/model/**/*.ts', 'src/engine/core/**/*.ts'],
      crypto: false,
      patterns: [FLOOR_STAYS_DOWN],
    },
  ]),
  // The state layer reads runs with the crypto-free engine/wire (values and types) and may name
  // engine/index only in `import type`; the engine itself arrives through engine-loader's
  // dynamic import(), which this rule does not see, so no view needs the lazily loaded chunk.
  {
    files: ['src/state/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test-helpers.ts', '**/*.test-support.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/**', '!**/engine/wire', '!**/engine/index'],
              message:
                'src/state imports the engine only through engine/wire (values) and engine/index (types).',
            },
            {
              group: ['**/engine/index'],
              allowTypeImports: true,
              message:
                'Values from the engine come from engine/wire; engine/index is the lazily loaded chunk (import type only).',
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
