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
