/**
 * Jest reporter that ends the run with one plain line, `jest: N passed, N failed[, N skipped]`,
 * which CI logs and other tools read as the run's closing line.
 */
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites
    process.stdout.write(`jest: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`)
  }
}
module.exports = PlainSummaryReporter
