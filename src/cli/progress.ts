/**
 * A one-line note on stderr of what the CLI is waiting for ("Checking 6 entries at https://… —
 * attempt 2 of 4, next in 2 s"), rewritten in place and cleared when the answer comes. Only on a
 * terminal: on a pipe, or with --json, it writes nothing.
 */
import { plural } from '../shared/text.js'
import { clip } from './terminal-report.js'
import type { RetryNote } from '../shared/retry.js'

export class Progress {
  private shown = false
  private task = ''

  constructor(
    private readonly write: (text: string) => void,
    /** The terminal's width, or undefined when stderr is not a terminal (then the note is off). */
    private readonly width: number | undefined
  ) {}

  /** What the run waits for now. */
  waiting(what: string): void {
    this.task = what
    this.show(what)
  }

  /** An attempt failed and the next one is due. */
  retrying(note: RetryNote): void {
    const next = Math.max(1, Math.round(note.waitMs / 1000))
    this.show(`${this.task} — attempt ${note.attempt + 1} of ${note.attempts}, next in ${next} s (${note.reason})`)
  }

  /** The answer came: the note goes. */
  clear(): void {
    if (!this.shown) return
    this.write('\r\u001b[K')
    this.shown = false
  }

  private show(text: string): void {
    if (this.width === undefined) return
    this.write(`\r${clip(text, this.width - 1)}\u001b[K`)
    this.shown = true
  }
}

/** "Checking 6 entries at https://api.postiz.com" */
export const checkingNote = (entries: number, apiUrl: string): string =>
  entries === 0 ? `Listing the integrations at ${apiUrl}` : `Checking ${plural(entries, 'entry', 'entries')} at ${apiUrl}`
