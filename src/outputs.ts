/**
 * The step outputs, built from a check result. Pure: returns name → value strings.
 */
import type { CheckResult } from './check.js'
import type { Integration } from './integrations.js'

export const INTEGRATIONS_OUTPUT_MAX_BYTES = 256 * 1024

export interface Outputs {
  status: string
  ids: string
  'integration-ids': string
  missing: string
  disabled: string
  integrations: string
}

/** The public projection of an integration used by the `integrations` output and listings. */
export function projectIntegration(i: Integration): Pick<Integration, 'id' | 'name' | 'identifier' | 'profile' | 'disabled' | 'customer'> {
  return { id: i.id, name: i.name, identifier: i.identifier, profile: i.profile, disabled: i.disabled, customer: i.customer }
}

/** A JSON array of whole elements whose UTF-8 size stays within `maxBytes`. */
export function cappedJsonArray(items: unknown[], maxBytes: number): { json: string; included: number } {
  const parts: string[] = []
  let size = 2 // the brackets
  for (const item of items) {
    const part = JSON.stringify(item)
    const added = Buffer.byteLength(part, 'utf8') + (parts.length > 0 ? 1 : 0)
    if (size + added > maxBytes) break
    parts.push(part)
    size += added
  }
  return { json: `[${parts.join(',')}]`, included: parts.length }
}

export function buildOutputs(result: CheckResult): Outputs {
  // Object.fromEntries defines own properties, so keys such as "__proto__" stay ordinary keys.
  const ids = Object.fromEntries(result.results.map(r => [r.entry.key, r.idsValue]))
  const keysIn = (state: string): string[] => result.results.filter(r => r.state === state).map(r => r.entry.key)
  return {
    status: result.status,
    ids: JSON.stringify(ids),
    'integration-ids': result.integrationIds.join(','),
    missing: JSON.stringify(keysIn('missing')),
    disabled: JSON.stringify(keysIn('disabled')),
    integrations: cappedJsonArray(result.considered.map(projectIntegration), INTEGRATIONS_OUTPUT_MAX_BYTES).json
  }
}
