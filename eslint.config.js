// @ts-check
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

// A file `depth` folders below its module's root reaches another module with one more `../`;
// only that module's index.js (and its demo data's index.js, seed content) may be imported.
// Folders inside one module may import each other.
const otherModule = (depth) => ({
  regex: `^(\\.\\./){${depth + 1}}[^./][^/]*/(?!index\\.js$|demo/index\\.js$)`,
  message: 'A module imports another module only through its index.ts.',
})
const moduleBoundaries = [0, 1, 2].map((depth) => ({
  files: [`src/modules/*/${'*/'.repeat(depth)}*.ts`],
  rules: { 'no-restricted-imports': ['error', { patterns: [otherModule(depth)] }] },
}))

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'eslint.config.js', 'bin/**', 'web/dist/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Fastify plugins and store methods are async by contract, awaiting or not.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules/**', '**/app.js'],
              message: 'platform/ never imports modules/ or the app.',
            },
          ],
        },
      ],
    },
  },
  ...moduleBoundaries,
  { files: ['web/src/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
)
