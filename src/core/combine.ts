/**
 * The check's report with its signals: the check (check.ts) says which channels exist and are
 * enabled; each signal (post-signals.ts, reconnect.ts) returns its own findings about the same
 * entries; this merges them. Per entry, its findings come in a fixed order: the check's (with the
 * queued posts at risk), then `failing`, then `reconnect`. Pure.
 */
import type { CheckResult, Finding } from './check-result.js'
import type { PostSignals } from './post-signals.js'
import type { ReconnectResult } from './reconnect.js'
import { checkStatus } from './verdict.js'

export interface Signals {
  posts?: PostSignals
  reconnect?: { days: number; result: ReconnectResult }
}

/** The check with every signal's findings, counts and warnings added, and its status decided again. */
export function combineSignals(check: CheckResult, signals: Signals): CheckResult {
  const { posts, reconnect } = signals
  const byKey = new Map<string, Finding[]>()
  const add = (f: Finding): void => {
    const list = byKey.get(f.key)
    if (list) list.push(f)
    else byKey.set(f.key, [f])
  }
  for (const f of check.findings) {
    const atRisk = posts?.atRisk.get(f.key)
    add(atRisk === undefined ? f : { ...f, detail: f.detail === undefined ? atRisk : `${f.detail} ${atRisk}` })
  }
  posts?.findings.forEach(add)
  reconnect?.result.findings.forEach(add)
  const findings = check.results.flatMap(r => byKey.get(r.entry.key) ?? [])

  const combined: CheckResult = { ...check, findings, status: checkStatus(findings) }
  if (posts) {
    combined.results = check.results.map((result, index) => ({ ...result, posts: posts.counts[index] }))
    combined.postSignals = posts.window
  }
  if (reconnect) {
    combined.warnings = [...check.warnings, ...reconnect.result.warnings]
    combined.reconnect = { days: reconnect.days, recovered: reconnect.result.recovered }
  }
  return combined
}
