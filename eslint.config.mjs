// ESLint flat config: typescript-eslint recommended, plus the rule that keeps the engine free of editor imports.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', '**/out/**', '.tsbuild/**', '.vscode-test/**', 'test/rules/**', 'test/fixtures/**', 'examples/**', 'bench/.tree/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is pure: the CLI and the server are thin adapters over it.
    files: ['server/src/{engine,parsers,matchers,rules,fixes,output,models,analysis,plugins}/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['vscode', 'vscode-*', 'vscode-languageserver*', '**/lsp/**'], message: 'engine code must not import editor or LSP modules' }] }],
    },
  },
);
