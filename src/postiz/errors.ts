import { plainText, type Words } from '../shared/words.js'

/** An expected failure that makes the run `status=error`: a diagnosis and the fix, never a stack trace. */
export class CheckError extends Error {
  constructor(
    /** What happened, in words each front end completes (see shared/words.ts). */
    readonly said: Words,
    readonly fix: Words,
    /** `route-missing`: the server answered 404, so it has no such route (an older Postiz, or the wrong api-url). */
    readonly code?: 'route-missing'
  ) {
    super(plainText(said))
    this.name = 'CheckError'
  }
}

/** A JSON answer that does not have the shape a route promises; the client turns it into a CheckError naming the route. */
export class ResponseShapeError extends Error {}
