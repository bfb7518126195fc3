/** Small wording helpers shared by the messages of every stage. Pure. */

/** "1 channel", "2 channels". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** A time in ISO 8601 to the second, as messages show it: 2026-11-28T12:00:00Z. */
export const isoSeconds = (time: number | Date): string => new Date(time).toISOString().replace(/\.\d+Z$/, 'Z')
