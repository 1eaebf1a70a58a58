// Activates the bundled extension (dist/extension.js) against a stand-in `vscode` module and
// runs its commands with a stand-in `rules` program: checks the glue without VS Code.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { installVscodeStub, Recorded, StubOptions, Uri } from './vscodeStub';

const bundle = path.resolve(__dirname, '..', '..', '..', 'dist', 'extension.js');

/** A `rules` program that answers `test` and `evaluate` the way CLI.md describes. */
const fakeRules = `#!/usr/bin/env node
const fs = require('fs');
const [command, ...rest] = process.argv.slice(2);
if (command === 'test') {
  console.log('testing ' + rest[0]);
  console.log('2 passed, 1 failed');
  process.exit(1);
}
if (command === 'evaluate') {
  const output = rest[rest.indexOf('--output') + 1];
  const cases = rest[rest.indexOf('--cases') + 1];
  fs.writeFileSync(output, '<html><body>report of ' + rest[0] + ' for ' + cases + ' as ' + rest[rest.indexOf('--format') + 1] + '</body></html>');
  process.exit(0);
}
console.error('unexpected ' + command);
process.exit(2);
`;

describe('extension activation (bundled, stand-in vscode)', () => {
  let scratch: string;
  let framework: string;
  let savedPath: string | undefined;
  let uninstall: () => void = () => undefined;
  let recorded: Recorded;
  let extension: { activate(context: unknown): Promise<void>; deactivate(): Promise<void> };
  const options: StubOptions = { settings: {}, workspaceFolders: [] };

  before(async () => {
    assert.ok(fs.existsSync(bundle), `${bundle} exists (npm run build)`);
    scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rules-ext-activation-')));
    const workspace = path.join(scratch, 'workspace');
    framework = path.join(workspace, 'rules', 'probation');
    fs.mkdirSync(path.join(framework, 'domain2'), { recursive: true });
    fs.mkdirSync(path.join(workspace, '.git'));
    fs.writeFileSync(path.join(framework, 'framework.rules'), 'framework "Probation" {\n  version "1"\n}\n');
    fs.writeFileSync(path.join(framework, 'domain2', 'delivery.rules'), 'domain 2 "Case supervision" {\n}\n');
    fs.writeFileSync(path.join(scratch, 'cases.jsonl'), '{"id":"C-1"}\n');
    const bin = path.join(scratch, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'rules'), fakeRules, { mode: 0o755 });

    options.workspaceFolders = [workspace];
    savedPath = process.env.PATH;
    process.env.PATH = path.dirname(process.execPath); // no `rules` yet

    const stub = installVscodeStub(options);
    recorded = stub.recorded;
    uninstall = stub.uninstall;
    extension = require(bundle);
    await extension.activate({ subscriptions: [], extensionUri: Uri.file(path.join(scratch, 'no-repo', 'editor-extension')) });
  });

  after(async () => {
    await extension?.deactivate();
    uninstall();
    process.env.PATH = savedPath;
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('registers the three commands and a folding provider', () => {
    assert.deepEqual([...recorded.commands.keys()].sort(), [
      'inspectionRules.evaluateCases',
      'inspectionRules.restartServer',
      'inspectionRules.runTests',
    ]);
    const folds = recorded.foldingProviders[0].provideFoldingRanges({ getText: () => 'x {\n  y\n}\n/*\n*/' }) as { start: number; end: number }[];
    assert.deepEqual(folds.map((f) => [f.start, f.end]), [[0, 1], [3, 4]]);
  });

  it('says the server was not found, and how to fix it, when there is none', () => {
    assert.equal(recorded.errors.length, 1);
    assert.match(recorded.errors[0], /language server was not found/);
    assert.match(recorded.output.join(''), /looked for: .*rules\.dll/);
  });

  it('runs rules test on the framework folder of the active file', async () => {
    process.env.PATH = `${path.join(scratch, 'bin')}${path.delimiter}${path.dirname(process.execPath)}`;
    options.activeFile = path.join(framework, 'domain2', 'delivery.rules');
    recorded.errors.length = 0;
    await recorded.commands.get('inspectionRules.runTests')?.();
    const output = recorded.output.join('');
    assert.match(output, new RegExp(`> ${path.join(scratch, 'bin', 'rules')} test ${framework}\\n`));
    assert.match(output, new RegExp(`testing ${framework}\\n`));
    assert.deepEqual(recorded.errors, ['Inspection rules tests: 2 passed, 1 failed.']);
  });

  it('runs rules test on a folder chosen in the explorer', async () => {
    recorded.output.length = 0;
    await recorded.commands.get('inspectionRules.runTests')?.(Uri.file(path.join(framework, 'domain2')));
    assert.match(recorded.output.join(''), new RegExp(`testing ${path.join(framework, 'domain2')}\\n`));
  });

  it('evaluates a cases file into an HTML report shown in a webview', async () => {
    options.openDialogResult = path.join(scratch, 'cases.jsonl');
    await recorded.commands.get('inspectionRules.evaluateCases')?.();
    assert.equal(recorded.webviews.length, 1);
    assert.equal(recorded.webviews[0].title, 'Evaluation: cases.jsonl');
    assert.equal(recorded.webviews[0].html, `<html><body>report of ${framework} for ${options.openDialogResult} as html</body></html>`);
  });

  it('opens the report in the browser when set so', async () => {
    options.settings['inspectionRules.evaluate.openReportIn'] = 'browser';
    await recorded.commands.get('inspectionRules.evaluateCases')?.(Uri.file(path.join(scratch, 'cases.jsonl')));
    assert.equal(recorded.external.length, 1);
    assert.match(recorded.external[0], /cases\.report\.html$/);
    assert.match(fs.readFileSync(recorded.external[0], 'utf8'), /report of/);
  });
});
