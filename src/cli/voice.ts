/**
 * The CLI's words for settings and phrases (shared/words.ts): flags and environment variables as a
 * terminal user sets them, the key in POSTIZ_API_KEY, the check running on this machine. The CLI's
 * text and its --json report speak with it; nothing here knows the action's inputs or the runner.
 */
import { KEY_PLACE, listed, type Setting, type Voice } from '../shared/words.js'

/** How a CLI user sets each setting: a variable, or a flag. */
const SET_BY: Readonly<Record<Setting, { variable: string } | { flag: string; switch?: true }>> = {
  'api-key': { variable: 'POSTIZ_API_KEY' },
  'api-url': { variable: 'POSTIZ_API_URL' },
  integrations: { flag: '--integrations' },
  'integrations-file': { flag: '--integrations-file' },
  customer: { flag: '--customer' },
  'fail-on': { flag: '--fail-on' },
  timeout: { flag: '--timeout' },
  retries: { flag: '--retries' },
  // An action input the CLI neither reads nor sets (it writes no job summary): no CLI message names it.
  'allow-insecure-http': { flag: '--allow-insecure-http', switch: true },
  'failed-posts-days': { flag: '--failed-posts-days' },
  'upcoming-posts-days': { flag: '--upcoming-posts-days' },
  'reconnect-days': { flag: '--reconnect-days' }
}

const nameOf = (name: Setting): string => {
  const how = SET_BY[name]
  return 'variable' in how ? how.variable : how.flag
}

const isSetting = (name: string): name is Setting => Object.hasOwn(SET_BY, name)

export const CLI_VOICE: Voice = {
  label: name => (isSetting(name) ? nameOf(name) : name),
  setting: nameOf,
  assign: (names, value) => {
    const parts = names.map(name => {
      const how = SET_BY[name]
      if ('variable' in how) return `export ${how.variable}=${value}`
      return how.switch && value === 'true' ? how.flag : `${how.flag} ${value}`
    })
    return names.some(name => 'variable' in SET_BY[name]) ? listed(parts) : `pass ${listed(parts)}`
  },
  phrases: {
    here: 'this machine',
    'key-home': 'POSTIZ_API_KEY',
    'key-from': 'POSTIZ_API_KEY',
    'key-missing': `not set. Export your Postiz API key (Postiz: ${KEY_PLACE}): export POSTIZ_API_KEY=…`,
    'reach-self-hosted': '',
    'bug-report': 'with the command you ran',
    'file-missing': ''
  }
}
