/**
 * Which annotations a run makes, and the step's failure message. Pure.
 * GitHub shows at most 10 annotations of each level per step (the failure message from
 * `setFailed` is one of the errors), so the plan stays within that and says how many were left out.
 */
import { checkOf, type RunOutcome } from '../core/outcome.js'
import type { Verdict } from '../core/verdict.js'
import { findingSentence, KIND_WORDS } from '../core/vocabulary.js'
import { logSafe } from '../shared/sanitize.js'
import { plural } from '../shared/text.js'
import { say as sayWords, sayInputError, type Words } from '../shared/words.js'
import { ACTION_VOICE } from './voice.js'

export const MAX_ANNOTATIONS_PER_LEVEL = 10

export interface Annotation {
  level: 'error' | 'warning'
  title: string
  message: string
}

export interface AnnotationPlan {
  annotations: Annotation[]
  /** The `setFailed` message, when the step fails. It is the last error annotation. */
  failure?: string
}

const say = (text: Words): string => sayWords(text, ACTION_VOICE)

/** The `setFailed` message, when the verdict fails the run. */
function failureMessage(outcome: RunOutcome, verdict: Verdict): string | undefined {
  if (!verdict.fails) return undefined
  if (outcome.stage === 'rejected') return `${plural(outcome.inputErrors.length, 'input error')}; nothing was checked.`
  if (outcome.stage === 'failed') return `${say(outcome.error.message)} ${say(outcome.error.fix)}`
  const keys = [...new Set(verdict.blocking.map(f => f.key))]
  return `${say(verdict.headline)}: ${keys
    .slice(0, 20)
    .map(key => logSafe(key, 100))
    .join(', ')}${keys.length > 20 ? ', …' : ''}.`
}

function cap(list: Annotation[], room: number, overflow: (hidden: number) => Annotation): Annotation[] {
  if (list.length <= room) return list
  return [...list.slice(0, room - 1), overflow(list.length - room + 1)]
}

export function planAnnotations(outcome: RunOutcome, verdict: Verdict): AnnotationPlan {
  const errors: Annotation[] = []
  const warnings: Annotation[] = []
  for (const error of outcome.stage === 'rejected' ? outcome.inputErrors : [])
    errors.push({ level: 'error', title: 'Invalid input', message: logSafe(sayInputError(error, ACTION_VOICE), 1000) })
  for (const message of outcome.warnings) warnings.push({ level: 'warning', title: 'Warning', message: logSafe(say(message), 1000) })

  const check = checkOf(outcome)
  if (check) {
    for (const finding of check.findings) {
      const annotation: Annotation = {
        level: verdict.blocks(finding) ? 'error' : 'warning',
        title: `${KIND_WORDS[finding.kind].title}: ${logSafe(finding.key, 100)}`,
        message: logSafe(`${findingSentence(finding)} ${finding.fix}`, 1000)
      }
      ;(annotation.level === 'error' ? errors : warnings).push(annotation)
    }
    for (const message of check.warnings) warnings.push({ level: 'warning', title: 'Warning', message: logSafe(say(message), 1000) })
    if (check.discovery) {
      warnings.push({
        level: 'warning',
        title: 'Nothing was checked',
        message:
          `No integrations to check: the integrations input is empty, so this run only lists the ${plural(check.considered.length, 'integration')} ` +
          'of the organisation (see the job summary). Set integrations to gate on them.'
      })
    }
  }

  let failure = failureMessage(outcome, verdict)
  // The failure message is itself an error annotation: the findings get the other nine places.
  const errorRoom = MAX_ANNOTATIONS_PER_LEVEL - (failure === undefined ? 0 : 1)
  if (errors.length > errorRoom && failure !== undefined) {
    const hidden = errors.length - errorRoom
    failure = `${failure} ${hidden} more problem${hidden === 1 ? ' is' : 's are'} not annotated (GitHub shows 10 error annotations per step): see the job summary or the report file.`
  }
  const shownErrors = errors.slice(0, errorRoom)
  const shownWarnings = cap(warnings, MAX_ANNOTATIONS_PER_LEVEL, hidden => ({
    level: 'warning',
    title: `${hidden} more warnings`,
    message: `${hidden} more warnings are not annotated (GitHub shows 10 warning annotations per step): see the job summary or the report file.`
  }))
  const plan: AnnotationPlan = { annotations: [...shownErrors, ...shownWarnings] }
  if (failure !== undefined) plan.failure = failure
  return plan
}
