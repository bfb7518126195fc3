/**
 * The check itself: integrations + entries → a report. Pure and linear in integrations + entries
 * (one pass over the integrations for the keys the entries ask for; no entry × integration scans).
 */
import { describeSelector, normaliseProfile, type Entry } from './entries.js'
import { filterByCustomer, type Integration } from '../postiz/integrations.js'
import { describeIntegration, type CheckResult, type EntryResult, type Finding, type Hint } from './check-result.js'
import { checkStatus } from './verdict.js'
import type { FindingKind } from './config.js'
import { finding, KIND_WORDS, type ShownState } from './vocabulary.js'
import { assign, words, type Words } from '../shared/words.js'

/** Other names people use for a platform, mapped to the Postiz identifier. */
const PLATFORM_ALIASES = new Map([
  ['twitter', 'x'],
  ['warpcast', 'wrapcast'],
  ['farcaster', 'wrapcast'],
  ['google', 'gmb'],
  ['dev.to', 'devto']
])

const byId = (a: Integration, b: Integration): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** The key under which a platform:profile selector and an integration meet. */
function profileKey(platform: string, normalisedProfile: string): string {
  return `${platform}\n${normalisedProfile}`
}

/**
 * Every integration each entry's selector matches, found in one pass over the integrations that
 * looks up only the keys the entries ask for (no index of 10,000 channels for 1,000 entries).
 * Lists are sorted by ID, for a deterministic choice among several matches.
 */
function findMatches(integrations: readonly Integration[], entries: readonly Entry[]): (entry: Entry) => readonly Integration[] {
  const withId = new Map<string, Integration[]>()
  const byProfile = new Map<string, Integration[]>()
  const byPlatform = new Map<string, Integration[]>()
  const profilePlatforms = new Set<string>()
  const listOf = (entry: Entry): [Map<string, Integration[]>, string] => {
    const s = entry.selector
    if (s.kind === 'id') return [withId, s.id]
    return s.kind === 'profile' ? [byProfile, profileKey(s.platform, s.profile)] : [byPlatform, s.platform]
  }
  for (const entry of entries) {
    const [map, key] = listOf(entry)
    if (!map.has(key)) map.set(key, [])
    if (entry.selector.kind === 'profile') profilePlatforms.add(entry.selector.platform)
  }
  if (entries.length > 0) {
    for (const i of integrations) {
      const sameId = withId.get(i.id)
      if (sameId !== undefined && sameId.length === 0) sameId.push(i) // the first integration with this ID
      if (byPlatform.size === 0 && profilePlatforms.size === 0) continue
      const platform = i.identifier.toLowerCase()
      byPlatform.get(platform)?.push(i)
      if (i.profile !== null && profilePlatforms.has(platform)) byProfile.get(profileKey(platform, normaliseProfile(i.profile)))?.push(i)
    }
  }
  for (const map of [byProfile, byPlatform]) for (const list of map.values()) if (list.length > 1) list.sort(byId)
  return entry => {
    const [map, key] = listOf(entry)
    return map.get(key) ?? []
  }
}

/** Lookups over a list of integrations, for the hints on missing entries. */
interface Indexes {
  byId: Map<string, Integration>
  byPlatform: Map<string, Integration[]>
  byPlatformProfile: Map<string, Integration[]>
}

function buildIndexes(integrations: readonly Integration[]): Indexes {
  const indexes: Indexes = { byId: new Map(), byPlatform: new Map(), byPlatformProfile: new Map() }
  for (const i of integrations) {
    if (!indexes.byId.has(i.id)) indexes.byId.set(i.id, i)
    const platform = i.identifier.toLowerCase()
    push(indexes.byPlatform, platform, i)
    if (i.profile !== null) push(indexes.byPlatformProfile, profileKey(platform, normaliseProfile(i.profile)), i)
  }
  return indexes
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** Why an entry matched nothing, with what to write instead when the check can tell. */
function missingFinding(entry: Entry, considered: () => Indexes, everything: () => Indexes, customer: string | undefined): Finding {
  const s = entry.selector
  const key = entry.key
  const among = customer !== undefined ? ` among customer "${customer}"'s integrations` : ''
  if (customer !== undefined) {
    const all = everything()
    const elsewhere =
      s.kind === 'id'
        ? all.byId.get(s.id)
        : (s.kind === 'profile' ? all.byPlatformProfile.get(profileKey(s.platform, s.profile)) : all.byPlatform.get(s.platform))?.[0]
    if (elsewhere) {
      const owner = elsewhere.customer ? `customer "${elsewhere.customer.name}" (${elsewhere.customer.id})` : 'no customer'
      return finding(
        'missing',
        'other-customer',
        { key, problem: `it belongs to ${owner}, not to customer "${customer}"`, detail: `It is ${describeIntegration(elsewhere)}.` },
        { customer }
      )
    }
  }
  if (s.kind === 'id') return finding('missing', 'unknown-id', { key, problem: `no integration has this ID${among}` })
  const sameP = considered().byPlatform.get(s.platform)
  if (sameP && s.kind === 'profile') {
    const values = sameP.slice(0, 5).map(i => (i.profile ? `${s.platform}:${i.profile.replace(/^@/, '')}` : `ID ${i.id}`))
    const hint: Hint = { among: `integrations on ${s.platform}`, values, more: sameP.length > 5 }
    return finding('missing', 'unknown-profile', { key, problem: `no ${s.platform} integration has this profile${among}`, hint })
  }
  const alias = PLATFORM_ALIASES.get(s.platform)
  if (alias !== undefined) {
    const hint: Hint = { write: `${alias}:${s.kind === 'profile' ? s.profile : '*'}` }
    return finding('missing', 'wrong-platform', { key, problem: `Postiz calls this platform "${alias}", not "${s.platform}"`, hint })
  }
  const platforms = [...considered().byPlatform.keys()]
  const connected: Hint | undefined =
    platforms.length > 0 ? { among: 'connected platforms', values: platforms.slice(0, 8), more: platforms.length > 8 } : undefined
  return finding(
    'missing',
    'no-channel',
    { key, problem: `no ${s.platform} integration is connected${customer !== undefined ? ` for customer "${customer}"` : ''}`, hint: connected },
    { platform: s.platform }
  )
}

/** Runs the check. `integrations` is everything the server returned. */
export function runCheck(integrations: Integration[], entries: Entry[], customer?: string): CheckResult {
  const considered = filterByCustomer(integrations, customer)
  const matchesOf = findMatches(considered, entries)
  // Only a missing entry needs these (for its hint): built on first use, once.
  let consideredIndexes: Indexes | undefined
  let allIndexes: Indexes | undefined
  const indexes = (): Indexes => (consideredIndexes ??= buildIndexes(considered))
  const everything = (): Indexes => (allIndexes ??= buildIndexes(integrations))

  const results: EntryResult[] = []
  const findings: Finding[] = []
  const warnings: Words[] = []
  const integrationIds: string[] = []
  const seenIds = new Set<string>()
  const addId = (id: string): void => {
    if (!seenIds.has(id)) {
      seenIds.add(id)
      integrationIds.push(id)
    }
  }

  for (const entry of entries) {
    const matches = matchesOf(entry)
    const enabled = matches.filter(i => !i.disabled)
    const state: EntryResult['state'] = matches.length === 0 ? 'missing' : enabled.length > 0 ? 'enabled' : 'disabled'
    const integration = enabled[0] ?? matches[0] ?? null
    const enabledIds = entry.selector.kind === 'platform' ? enabled.map(i => i.id) : enabled.slice(0, 1).map(i => i.id)
    const idsValue = entry.selector.kind === 'platform' ? enabledIds : (integration?.id ?? null)
    results.push({ entry, state, integration, matches, idsValue, enabledIds })
    enabledIds.forEach(addId)

    if (entry.selector.kind === 'profile' && enabled.length > 1) {
      const others = enabled
        .slice(1)
        .map(i => i.id)
        .join(', ')
      const byCustomer = customer === undefined ? words` or by its customer (${assign('customer', '<name>')})` : []
      warnings.push(
        words`${entry.key}: ${describeSelector(entry.selector)} matches ${String(enabled.length)} enabled integrations; using ${enabled[0].id}, not ${others}. Select one by ID${byCustomer} to make this explicit.`
      )
    }
    if (state === 'missing') {
      findings.push(missingFinding(entry, indexes, everything, customer))
    } else if (state === 'disabled') {
      const listed = matches.slice(0, 5).map(describeIntegration).join(', ') + (matches.length > 5 ? ', …' : '')
      findings.push(
        matches.length === 1
          ? finding('disabled', 'disabled', { key: entry.key, channel: matches[0] })
          : finding('disabled', 'disabled', {
              key: entry.key,
              problem: `all ${matches.length} matching integrations are disabled in Postiz`,
              detail: `They are ${listed}.`
            })
      )
    }
  }

  if (customer !== undefined && considered.length === 0) {
    const known = new Map(integrations.flatMap(i => (i.customer ? [[i.customer.id, i.customer.name] as const] : [])))
    const list = [...known].slice(0, 10).map(([id, name]) => `"${name}" (${id})`)
    warnings.push([
      `No integration belongs to customer "${customer}". ` +
        (list.length > 0 ? `Customers with integrations: ${list.join(', ')}${known.size > 10 ? ', …' : ''}.` : 'No integration is assigned to any customer.')
    ])
  }

  const discovery = entries.length === 0
  if (discovery) considered.forEach(i => !i.disabled && addId(i.id))

  const result: CheckResult = {
    status: checkStatus(findings),
    discovery,
    total: integrations.length,
    considered,
    results,
    findings,
    warnings,
    integrationIds
  }
  if (customer !== undefined) result.customer = customer
  return result
}

/**
 * What each entry reads as in a table: its state, or, for an enabled channel that a signal flags,
 * the kind of its findings that ranks first (KIND_WORDS: `reconnect` before `failing`). Built once
 * from the findings for every row.
 */
export function shownStates(findings: Finding[]): (result: EntryResult) => ShownState {
  const flagged = new Map<string, FindingKind>()
  for (const f of findings) {
    const shown = flagged.get(f.key)
    if (shown === undefined || KIND_WORDS[f.kind].rank < KIND_WORDS[shown].rank) flagged.set(f.key, f.kind)
  }
  return result => (result.state === 'enabled' ? (flagged.get(result.entry.key) ?? result.state) : result.state)
}
