/**
 * A sample Postiz organisation in the backend's exact shape: a few platforms, one disabled
 * channel, one assigned to a customer (`customer` is absent on the others, as on the server).
 * Plain JavaScript so scripts can load it without a build; see postiz-stand-in.js.
 */

/** @type {import('./postiz-stand-in.js').StandInIntegration[]} */
export const SAMPLE_INTEGRATIONS = [
  { id: 'cm4ean69r0003w8w1cdomox9n', name: 'Acme on X', identifier: 'x', picture: 'https://example.com/acme-x.png', disabled: false, profile: 'acme' },
  { id: 'cm4eaq2lf0007w8w1y9c3rj2k', name: 'Acme Inc.', identifier: 'linkedin-page', picture: null, disabled: false, profile: 'acme-inc' },
  { id: 'cm4eas8kx000bw8w1f1hq0s7d', name: 'acme.bsky.social', identifier: 'bluesky', picture: null, disabled: false, profile: 'acme.bsky.social' },
  { id: 'cm4eb0v3m000fw8w1n6t2k9xa', name: 'Acme Mastodon (old)', identifier: 'mastodon', picture: null, disabled: true, profile: 'acme@mastodon.social' },
  {
    id: 'cm4eb4z1q000jw8w1p3v8d2ce',
    name: 'Globex on Instagram',
    identifier: 'instagram-standalone',
    picture: null,
    disabled: false,
    profile: 'globex',
    customer: { id: 'cm4eb7c2a000lw8w1h5k0e3bf', name: 'Globex' }
  }
]

const LARGE_PLATFORMS = ['x', 'linkedin', 'linkedin-page', 'bluesky', 'mastodon', 'threads', 'instagram', 'youtube']

/**
 * A large organisation for scale tests and the benchmark, the same on every call: unique IDs,
 * non-ASCII names, every 97th channel disabled, every 5th assigned to one of 7 customers.
 * @param {number} count
 * @returns {import('./postiz-stand-in.js').StandInIntegration[]}
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
 * @param {import('./postiz-stand-in.js').StandInIntegration[]} org
 * @param {number} count
 * @returns {string[]}
 */
export function passingEntries(org, count) {
  const enabled = org.filter(i => !i.disabled)
  const step = Math.max(1, Math.floor(enabled.length / count))
  return Array.from({ length: Math.min(count, enabled.length) }, (_, n) => enabled[n * step]).map((i, n) => (n % 2 ? i.id : `${i.identifier}:${i.profile}`))
}
