import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

// Boundaries are checked here, not remembered: the web app never reaches into the domain or the
// database, and API route handlers never talk to drizzle directly (they call core verbs).
export default ts.config(
  {
    ignores: [
      '**/node_modules',
      '**/build',
      '**/.svelte-kit',
      '**/.svelte-kit-*',
      '**/build-*',
      '**/dist',
      '**/migrations',
      '**/*.d.ts',
      // Paraglide's compiled messages (apps/web/src/lib/paraglide): generated, not committed
      '**/src/lib/paraglide',
      'data'
    ]
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off'
    }
  },
  {
    // Tests read JSON answers loosely (`(await res.json()) as any`) and mutate fixtures on purpose; sources may not.
    files: ['**/test/**', '**/*.test.ts', '**/tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' }
  },
  { files: ['**/*.svelte', '**/*.svelte.ts'], languageOptions: { parserOptions: { parser: ts.parser } } },
  {
    files: ['apps/web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@attentive/core', '@attentive/core/*', '@attentive/db', '@attentive/db/*', 'drizzle-orm', 'drizzle-orm/*'],
              message: 'The web app talks to the API, never to the domain or the database.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['apps/api/src/routes/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['drizzle-orm', 'drizzle-orm/*', '@attentive/db/schema*'],
              message: 'Route handlers call core verbs; queries live in packages/core or packages/db.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['packages/core/**', 'packages/db/**', 'packages/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['hono', 'hono/*', 'svelte', 'svelte/*', '@sveltejs/*', '@attentive/api', '@attentive/web'],
              message: 'Packages are pure of HTTP and UI.'
            }
          ]
        }
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Packages take configuration as arguments; only apps/api/src/env.ts reads the environment.'
        }
      ]
    }
  }
);
