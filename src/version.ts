/** Kept equal to package.json's version by a test. */
export const NAME = 'postiz-integrations-check'
export const VERSION = '1.0.0'
export const USER_AGENT = `${NAME}/${VERSION} (+https://github.com/marketplace/actions/postiz-integrations-check)`
