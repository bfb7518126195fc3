// ESLint flat config: typescript-eslint's type-aware recommended rules on the TypeScript sources and
// tests, ESLint's recommended rules on the plain JavaScript (stand-in, scripts), Prettier for layout.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'coverage/', 'node_modules/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      // Unused arguments named _x are deliberate (callbacks with a fixed shape).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    // fail-on is decided in one place (docs/architecture.md): sinks ask the Verdict, the engine failsOn().
    files: ['src/**/*.ts'],
    ignores: ['src/core/verdict.ts', 'src/core/config.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='has'][callee.object.property.name='failOn']",
          message: 'fail-on is decided in src/core/verdict.ts: use Verdict.blocks / Verdict.fails, or failsOn() in the engine.'
        }
      ]
    }
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } }
  },
  prettier
)
