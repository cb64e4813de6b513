import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter'

/**
 * Lists every test that needed a retry, with the error of each failed attempt, at the end of the run: a retry
 * that passes keeps the suite green, but the flakiness it hides must still show in the output.
 */
export default class RetriedReporter implements Reporter {
  private readonly retried = new Map<TestCase, string[]>()

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'passed' || result.status === 'skipped') return
    const message = result.error?.message?.split('\n')[0] ?? result.status
    this.retried.set(test, [...(this.retried.get(test) ?? []), `attempt ${result.retry + 1}: ${message}`])
  }

  onEnd(_result: FullResult): void {
    const flaky = [...this.retried].filter(([test]) => test.outcome() === 'flaky')
    if (flaky.length === 0) return
    console.log(`\n${flaky.length} test(s) passed only on a retry (flaky):`)
    for (const [test, attempts] of flaky) {
      console.log(
        `  ${test.titlePath().filter(Boolean).join(' › ')} (${test.location.file}:${test.location.line})`,
      )
      for (const attempt of attempts) console.log(`    ${attempt}`)
    }
  }

  printsToStdio(): boolean {
    return true
  }
}
