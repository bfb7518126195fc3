/**
 * The name and version the action and the CLI report (User-Agent, --version, the report file). The
 * version has one home, package.json: `npm run release` bumps it there, and the build inlines it.
 */
import packageJson from '../../package.json' with { type: 'json' }

export const NAME = 'postiz-integrations-check'
export const VERSION: string = packageJson.version
export const USER_AGENT = `${NAME}/${VERSION} (+https://github.com/marketplace/actions/postiz-integrations-check)`
