/**
 * Large organisations for the scale tests and the benchmark (scripts/bench.mjs), in the backend's
 * exact shape. Plain JavaScript so scripts can load it without a build. A test double: the CLI's
 * demo uses the small sample in src/cli/demo/sample-organisation.js.
 */

const LARGE_PLATFORMS = ['x', 'linkedin', 'linkedin-page', 'bluesky', 'mastodon', 'threads', 'instagram', 'youtube']

/**
 * A large organisation for scale tests and the benchmark, the same on every call: unique IDs,
 * non-ASCII names, every 97th channel disabled, every 5th assigned to one of 7 customers.
 * @param {number} count
 * @returns {import('../../src/cli/demo/postiz-stand-in.js').StandInIntegration[]}
 */
export function largeOrganisation(count) {
  return Array.from({ length: count }, (_, n) => ({
    id: `cm${n.toString(36).padStart(6, '0')}scale${'x'.repeat(10)}`,
    name: `Channel ${n} — ${'Ünïcødé '.repeat(n % 4)}`,
    identifier: LARGE_PLATFORMS[n % LARGE_PLATFORMS.length],
    picture: n % 3 ? `https://cdn.example/avatars/${n}.png` : null,
    disabled: n % 97 === 0,
    profile: `handle_${n}`,
    ...(n % 5 === 0 ? { customer: { id: `cust${n % 7}`, name: `Customer ${n % 7}` } } : {})
  }))
}

/**
 * `count` entries that all resolve to enabled channels of `org`, spread over it: every other one by
 * ID, the rest by platform:profile.
 * @param {import('../../src/cli/demo/postiz-stand-in.js').StandInIntegration[]} org
 * @param {number} count
 * @returns {string[]}
 */
export function passingEntries(org, count) {
  const enabled = org.filter(i => !i.disabled)
  const step = Math.max(1, Math.floor(enabled.length / count))
  return Array.from({ length: Math.min(count, enabled.length) }, (_, n) => enabled[n * step]).map((i, n) => (n % 2 ? i.id : `${i.identifier}:${i.profile}`))
}
