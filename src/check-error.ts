/** An expected failure that makes the run `status=error`: a diagnosis and the fix, never a stack trace. */
export class CheckError extends Error {
  constructor(
    message: string,
    readonly fix: string
  ) {
    super(message)
    this.name = 'CheckError'
  }
}
