// Arguments of the `rules` sub-commands the extension runs, and how their results read
// (CLI.md). Pure logic, tested without VS Code.
import * as path from 'node:path';

/** `rules lsp`: the language server over stdin/stdout. */
export function languageServerArguments(): string[] {
  return ['lsp'];
}

/** `rules test PATH`: runs the `test` blocks of a framework folder or a single file. */
export function testArguments(target: string): string[] {
  return ['test', target];
}

/** `rules evaluate FRAMEWORK --cases FILE --format html --output FILE`. */
export function evaluateArguments(framework: string, casesFile: string, outputFile: string): string[] {
  return ['evaluate', framework, '--cases', casesFile, '--format', 'html', '--output', outputFile];
}

/** Case assessments come as JSON Lines or CSV. */
export const CasesFileExtensions: readonly string[] = ['jsonl', 'csv'];

export function isCasesFile(filePath: string): boolean {
  const extension = path.extname(filePath).toLowerCase().replace(/^\./, '');
  return CasesFileExtensions.includes(extension);
}

/** The file name of the HTML report for a cases file, e.g. `cases.report.html`. */
export function reportFileName(casesFile: string): string {
  const base = path.basename(casesFile).replace(/\.[^.]*$/, '');
  const safe = base.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${safe.length > 0 ? safe : 'cases'}.report.html`;
}

/** What an exit code of `rules` means (CLI.md: 0 success, 1 problems found, 2 could not run). */
export type Outcome = 'success' | 'problems' | 'could not run';

export function outcomeOf(exitCode: number | null): Outcome {
  if (exitCode === 0) {
    return 'success';
  }
  if (exitCode === 1) {
    return 'problems';
  }
  return 'could not run';
}

export interface TestSummary {
  readonly passed: number;
  readonly failed: number;
}

/** Reads the last `N passed, N failed` line of `rules test` output. */
export function parseTestSummary(output: string): TestSummary | undefined {
  const lines = output.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
  for (let index = lines.length - 1; index >= 0; index--) {
    const match = /(\d+) passed, (\d+) failed/.exec(lines[index]);
    if (match !== null) {
      return { passed: Number(match[1]), failed: Number(match[2]) };
    }
  }
  return undefined;
}
