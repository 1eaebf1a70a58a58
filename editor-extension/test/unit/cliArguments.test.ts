import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  evaluateArguments,
  isCasesFile,
  languageServerArguments,
  outcomeOf,
  parseTestSummary,
  reportFileName,
  testArguments,
} from '../../src/cliArguments';

describe('rules command arguments', () => {
  it('starts the language server with lsp', () => {
    assert.deepEqual(languageServerArguments(), ['lsp']);
  });

  it('tests a framework folder', () => {
    assert.deepEqual(testArguments('/w/rules/probation'), ['test', '/w/rules/probation']);
  });

  it('evaluates cases into an html report', () => {
    assert.deepEqual(evaluateArguments('/f', '/c/cases.jsonl', '/tmp/r.html'), [
      'evaluate', '/f', '--cases', '/c/cases.jsonl', '--format', 'html', '--output', '/tmp/r.html',
    ]);
  });
});

describe('cases files and reports', () => {
  it('accepts JSON Lines and CSV, in any case', () => {
    assert.equal(isCasesFile('/a/cases.jsonl'), true);
    assert.equal(isCasesFile('/a/CASES.CSV'), true);
    assert.equal(isCasesFile('/a/cases.json'), false);
    assert.equal(isCasesFile('/a/jsonl'), false);
  });

  it('names the report after the cases file', () => {
    assert.equal(reportFileName('/a/gwent 2022.jsonl'), 'gwent_2022.report.html');
    assert.equal(reportFileName('/a/.jsonl'), 'cases.report.html');
  });
});

describe('results', () => {
  it('reads exit codes as CLI.md defines them', () => {
    assert.equal(outcomeOf(0), 'success');
    assert.equal(outcomeOf(1), 'problems');
    assert.equal(outcomeOf(2), 'could not run');
    assert.equal(outcomeOf(null), 'could not run');
  });

  it('reads the last summary line of rules test', () => {
    assert.deepEqual(parseTestSummary('test a ... ok\n3 passed, 0 failed\n'), { passed: 3, failed: 0 });
    assert.deepEqual(parseTestSummary('1 passed, 1 failed\r\nrerun:\r\n4 passed, 2 failed\r\n'), { passed: 4, failed: 2 });
    assert.equal(parseTestSummary('error: no framework'), undefined);
  });
});
