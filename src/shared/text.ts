/** Small wording helpers shared by the messages of every stage. Pure. */

/**
 * A count as people read it: 10,000. Grouped by hand: Intl's number formatting costs about 10 ms
 * to start, a tenth of the action's run.
 */
export const count = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** "1 channel", "2 channels", "10,000 channels"; `many` for a word whose plural is not word + s. */
export const plural = (n: number, word: string, many = `${word}s`): string => `${count(n)} ${n === 1 ? word : many}`

/** The text with a capital first letter: a sentence that starts with a word from elsewhere. */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** A time in ISO 8601 to the second, as messages show it: 2026-11-28T12:00:00Z. */
export const isoSeconds = (time: number | Date): string => new Date(time).toISOString().replace(/\.\d+Z$/, 'Z')
