/** Integrations in the exact shape the Postiz backend returns (see docs/postiz-api.md). */
import type { StandInIntegration, StandInPost } from '../../src/cli/demo/postiz-stand-in.js'

let counter = 0

/** A channel as the backend returns it: `customer` absent unless given, nulls where the backend has them. */
export function channel(fields: Partial<StandInIntegration> & Pick<StandInIntegration, 'identifier'>): StandInIntegration {
  counter += 1
  return {
    id: `cm${String(counter).padStart(4, '0')}fixture${fields.identifier.replace(/[^a-z]/g, '')}`,
    name: `${fields.identifier} channel ${counter}`,
    picture: null,
    disabled: false,
    profile: null,
    ...fields
  }
}

export const API_KEY = 'k3y-Secret-1234567890abcdef'

/** A post on `on`, `days` from now (negative: in the past), as GET /public/v1/posts returns it. */
export function postOn(on: StandInIntegration, state: StandInPost['state'], days: number): StandInPost {
  return {
    id: `p-${on.id}-${state}-${days}`,
    publishDate: new Date(Date.now() + days * 86_400_000).toISOString(),
    state,
    integration: { id: on.id, providerIdentifier: on.identifier, name: on.name, picture: null }
  }
}
