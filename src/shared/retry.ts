/**
 * A small retry loop that knows nothing of HTTP or Postiz: run an attempt, ask the caller whether
 * its outcome deserves another, wait (exponential backoff with jitter, or the wait the caller
 * names), and try again until the attempts run out. The clock is the caller's: `sleep` and
 * `random` are injectable, so a test drives the waits instead of sitting through them.
 */

const FIRST_BACKOFF_MS = 1000
const MAX_BACKOFF_MS = 16_000

/** Longest wait a server may ask for (Retry-After) that is waited out; a longer one ends the attempts at once. */
export const MAX_RETRY_AFTER_MS = 60_000

/** Exponential backoff with ±25 % jitter: about 1 s, 2 s, 4 s … capped at 16 s. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (retry - 1))
  return Math.round(base * (0.75 + random() * 0.5))
}

export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number
  /** Called before each wait. */
  onRetry?: (note: RetryNote) => void
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

/** Whether an attempt's outcome is final, or why it is worth another (and, if the outcome says, how long to wait). */
export type RetryJudgement = { final: true } | { final: false; reason: string; waitMs?: number }

/** A failed attempt that will be tried again. */
export interface RetryNote {
  attempt: number
  /** Attempts allowed in all. */
  attempts: number
  /** Why it failed: "HTTP 503", "the connection was refused". */
  reason: string
  waitMs: number
  /** The note as a log line. */
  line: string
}

const realSleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/**
 * Runs `attempt` until `judge` calls its outcome final or the attempts run out, and returns the last
 * outcome with the number of attempts made. `judge` may throw to end the loop at once.
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  attempt: () => Promise<T>,
  judge: (outcome: T) => RetryJudgement
): Promise<{ outcome: T; attempts: number }> {
  const attempts = policy.retries + 1
  const sleep = policy.sleep ?? realSleep
  for (let n = 1; ; n++) {
    const outcome = await attempt()
    if (n >= attempts) return { outcome, attempts: n }
    const judgement = judge(outcome)
    if (judgement.final) return { outcome, attempts: n }
    const waitMs = judgement.waitMs ?? backoffMs(n, policy.random)
    policy.onRetry?.({
      attempt: n,
      attempts,
      reason: judgement.reason,
      waitMs,
      line: `Attempt ${n} of ${attempts} failed (${judgement.reason}); retrying in ${(waitMs / 1000).toFixed(1)} s.`
    })
    await sleep(waitMs)
  }
}
