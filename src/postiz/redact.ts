/**
 * Takes the API key out of text that came from the server. Postiz (or whatever answers at api-url)
 * may echo the key back: in an error message (`Invalid API key: <key>`), in a channel's name. The
 * runner masks the key in log lines only, not in the job summary, the report file, the outputs or
 * the CLI's stdout, so every server string loses it at the client, before any sink sees it. Pure.
 */
import { CheckError } from './errors.js'
import { mapText } from '../shared/words.js'

const REDACTED = '***'
/**
 * Shorter secrets are left alone: no Postiz key or token is that short, and replacing a few common
 * letters everywhere would garble every message (a key "k" would turn "Check" into "Chec***").
 */
export const MIN_REDACTED_LENGTH = 8

export class Redactor {
  private readonly secrets: string[]

  /** `secrets`: the key as given and as cleaned; short ones are ignored, the longest go first. */
  constructor(secrets: readonly string[]) {
    this.secrets = [...new Set(secrets.filter(s => s.length >= MIN_REDACTED_LENGTH))].sort((a, b) => b.length - a.length)
  }

  /** The key as it is sent and as it was given (with whitespace, a "Bearer " prefix): both are taken out. */
  static forKey(apiKey: string, rawApiKey = ''): Redactor {
    return new Redactor([apiKey, rawApiKey, rawApiKey.trim()])
  }

  /** The error with the key taken out of its diagnosis and its fix. */
  error(error: CheckError): CheckError {
    return new CheckError(
      mapText(error.said, s => this.text(s)),
      mapText(error.fix, s => this.text(s)),
      error.code
    )
  }

  /** The text with every occurrence of a secret replaced by `***`. */
  text(text: string): string {
    let out = text
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED)
    return out
  }

  /**
   * Whether strings parsed from this JSON body could hold a secret. Without a backslash in the body,
   * every parsed string is a slice of it, so a body that does not contain a secret cannot yield one;
   * with one, a secret may be spelt with escapes (`\u006b…`), and only a walk can tell.
   */
  mayHoldSecret(body: Buffer): boolean {
    return this.secrets.length > 0 && (body.includes('\\') || this.secrets.some(secret => body.includes(secret)))
  }

  /** A copy of parsed JSON with every string (values and keys) passed through `text`. */
  deep(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value)
    if (Array.isArray(value)) return value.map(item => this.deep(item))
    if (typeof value === 'object' && value !== null) {
      const copy: Record<string, unknown> = {}
      for (const [key, item] of Object.entries(value)) {
        // defineProperty: a key such as "__proto__" stays an ordinary key, as JSON.parse made it.
        Object.defineProperty(copy, this.text(key), { value: this.deep(item), enumerable: true, writable: true, configurable: true })
      }
      return copy
    }
    return value
  }
}
