/**
 * The step outputs, built from a check result. Pure: returns name → value strings.
 */
import type { CheckResult } from '../core/check-result.js'
import { FINDING_KINDS, type FindingKind } from '../core/config.js'
import type { Integration } from '../postiz/integrations.js'

export const INTEGRATIONS_OUTPUT_MAX_BYTES = 256 * 1024
/**
 * GitHub allows 1 MB of outputs per job, measured in UTF-16. This action keeps its own outputs
 * under 800,000 bytes so that other steps of the job keep some room.
 */
export const OUTPUTS_MAX_UTF16_BYTES = 800_000

/** Size of a string as GitHub approximates it: UTF-16, two bytes per code unit. */
function utf16Bytes(text: string): number {
  return text.length * 2
}

/** The outputs: the fixed ones, and one per finding kind (`missing`, `disabled`, `failing`, `reconnect`). */
export type Outputs = { status: string; ids: string; 'integration-ids': string; integrations: string } & Record<FindingKind, string>

/** The public projection of an integration used by the `integrations` output and listings. */
function projectIntegration(i: Integration): Pick<Integration, 'id' | 'name' | 'identifier' | 'profile' | 'disabled' | 'customer'> {
  return { id: i.id, name: i.name, identifier: i.identifier, profile: i.profile, disabled: i.disabled, customer: i.customer }
}

/**
 * A JSON array of whole elements within `maxUtf8` bytes of UTF-8 and `maxUtf16` bytes of UTF-16.
 * `project` runs only on the elements that are tried, so a capped list of 10,000 costs what fits.
 */
export function cappedJsonArray<T>(
  items: readonly T[],
  maxUtf8: number,
  maxUtf16 = Infinity,
  project: (item: T) => unknown = item => item
): { json: string; included: number } {
  const parts: string[] = []
  let utf8 = 2 // the brackets
  let units = 2
  for (const item of items) {
    const part = JSON.stringify(project(item))
    const comma = parts.length > 0 ? 1 : 0
    const addedUtf8 = Buffer.byteLength(part, 'utf8') + comma
    const addedUnits = part.length + comma
    if (utf8 + addedUtf8 > maxUtf8 || (units + addedUnits) * 2 > maxUtf16) break
    parts.push(part)
    utf8 += addedUtf8
    units += addedUnits
  }
  return { json: `[${parts.join(',')}]`, included: parts.length }
}

export interface BuiltOutputs {
  outputs: Outputs
  /** How many integrations the `integrations` output holds (the report file has them all). */
  integrationsIncluded: number
}

export function buildOutputs(result: CheckResult): BuiltOutputs {
  // Entry keys are unique (parseIntegrations refuses clashes), so the object is written as JSON text
  // directly, in entry order: no 1,000-key object to build, and "__proto__" stays an ordinary key.
  const ids = `{${result.results.map(r => `${JSON.stringify(r.entry.key)}:${JSON.stringify(r.idsValue)}`).join(',')}}`
  // One output per finding kind, named by it: the entries with such a finding, in entry order.
  const perKind = Object.fromEntries(FINDING_KINDS.map(kind => [kind, JSON.stringify(result.findings.filter(f => f.kind === kind).map(f => f.key))])) as Record<
    FindingKind,
    string
  >
  const fixed = { status: result.status, ids, 'integration-ids': result.integrationIds.join(','), ...perKind }
  const used = Object.entries(fixed).reduce((sum, [name, value]) => sum + utf16Bytes(name) + utf16Bytes(value), 0)
  const room = Math.max(4, OUTPUTS_MAX_UTF16_BYTES - used - utf16Bytes('integrations'))
  const capped = cappedJsonArray(result.considered, INTEGRATIONS_OUTPUT_MAX_BYTES, room, projectIntegration)
  return { outputs: { ...fixed, integrations: capped.json }, integrationsIncluded: capped.included }
}
