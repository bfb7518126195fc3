/**
 * The action's words for settings and phrases (shared/words.ts): inputs by their names in
 * action.yml, the key in a secret, the check running on the runner. Every sink of the action
 * (annotations, job summary, message, report file, tracking issue) speaks with it.
 */
import { listed, type Voice } from '../shared/words.js'

export const ACTION_VOICE: Voice = {
  label: name => name,
  setting: name => `the ${name} input`,
  assign: (names, value) => (names.length === 1 ? `set ${names[0]}: ${value}` : `set ${listed(names)} to ${value}`),
  phrases: {
    here: 'the runner',
    'key-home': 'the secret',
    'key-from': 'the api-key input (usually ${{ secrets.POSTIZ_API_KEY }})',
    'key-missing':
      'empty. Pass your Postiz API key from a secret (api-key: ${{ secrets.POSTIZ_API_KEY }}); ' +
      'secrets are empty in workflows triggered from forks and in repositories where the secret is not defined.',
    'reach-self-hosted': '; a self-hosted server must be reachable from GitHub-hosted runners, or run the job on a self-hosted runner',
    'bug-report': 'with the log (run the job again with debug logging, ACTIONS_STEP_DEBUG=true, for details)',
    'file-missing': ', and that actions/checkout ran before this step'
  }
}
