// The `Run Framework Tests` and `Evaluate Case Assessments` commands: both run the `rules`
// program (CLI.md) on the framework of the active file and show what it printed.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CasesFileExtensions, evaluateArguments, isCasesFile, outcomeOf, parseTestSummary, reportFileName, testArguments } from './cliArguments';
import { findFrameworkFolder, findFrameworkFolders } from './frameworkFolder';
import { nodeFolderReader } from './nodeFileSystem';
import { CommandLine, describeCommand, rulesCommand, ServerResolution } from './serverLocation';

const LanguageId = 'inspection-rules';

/** What the commands need from the extension. */
export interface RulesHost {
  resolve(): ServerResolution;
  dotnetPath(): string;
  readonly commandChannel: vscode.OutputChannel;
}

interface ProcessResult {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Set when the program could not be started at all (e.g. dotnet not found). */
  readonly startError?: string;
  readonly cancelled: boolean;
}

/** Runs `rules test` on the framework of the given resource or of the active editor. */
export async function runTests(host: RulesHost, resource?: vscode.Uri): Promise<void> {
  const target = await testTarget(resource);
  if (target === undefined) {
    return;
  }
  await saveDirtyRulesDocuments();

  const commandLine = commandFor(host, testArguments(target));
  if (commandLine === undefined) {
    return;
  }

  const channel = host.commandChannel;
  channel.show(true);
  channel.appendLine('');
  channel.appendLine(`> ${describeCommand(commandLine)}`);
  const result = await runWithProgress(`Running tests of ${path.basename(target)}`, commandLine, cwdFor(target), channel);
  reportStartError(result, commandLine);
  if (result.startError !== undefined || result.cancelled) {
    return;
  }

  const summary = parseTestSummary(result.stdout);
  const outcome = outcomeOf(result.exitCode);
  channel.appendLine(`[exit code ${result.exitCode ?? 'none'}]`);
  if (outcome === 'success') {
    void vscode.window.showInformationMessage(
      summary !== undefined ? `Inspection rules tests: ${summary.passed} passed, ${summary.failed} failed.` : 'Inspection rules tests passed.',
    );
  } else if (outcome === 'problems') {
    const choice = await vscode.window.showErrorMessage(
      summary !== undefined
        ? `Inspection rules tests: ${summary.passed} passed, ${summary.failed} failed.`
        : 'Inspection rules tests found problems.',
      'Show Output',
    );
    if (choice === 'Show Output') {
      channel.show();
    }
  } else {
    void vscode.window.showErrorMessage(`rules test could not run (exit code ${result.exitCode ?? 'none'}). See the Inspection Rules output.`);
  }
}

/**
 * Asks for a case assessments file, runs `rules evaluate FRAMEWORK --cases FILE --format html`
 * into a temporary file and shows the report.
 */
export async function evaluateCases(host: RulesHost, context: vscode.ExtensionContext, resource?: vscode.Uri): Promise<void> {
  const framework = await frameworkForEvaluation(resource);
  if (framework === undefined) {
    return;
  }

  let casesFile = resource !== undefined && resource.scheme === 'file' && isCasesFile(resource.fsPath) ? resource.fsPath : undefined;
  if (casesFile === undefined) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFiles: true,
      canSelectFolders: false,
      canSelectMany: false,
      defaultUri: vscode.Uri.file(framework),
      filters: { 'Case assessments (JSON Lines, CSV)': [...CasesFileExtensions] },
      openLabel: 'Evaluate',
      title: `Case assessments to evaluate with ${path.basename(framework)}`,
    });
    if (picked === undefined || picked.length === 0) {
      return;
    }
    casesFile = picked[0].fsPath;
  }
  await saveDirtyRulesDocuments();

  const reportFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-rules-'));
  const reportFile = path.join(reportFolder, reportFileName(casesFile));
  const commandLine = commandFor(host, evaluateArguments(framework, casesFile, reportFile));
  if (commandLine === undefined) {
    return;
  }

  const channel = host.commandChannel;
  channel.appendLine('');
  channel.appendLine(`> ${describeCommand(commandLine)}`);
  const result = await runWithProgress(`Evaluating ${path.basename(casesFile)}`, commandLine, cwdFor(framework), channel);
  reportStartError(result, commandLine);
  if (result.startError !== undefined || result.cancelled) {
    return;
  }
  channel.appendLine(`[exit code ${result.exitCode ?? 'none'}]`);

  if (!fs.existsSync(reportFile)) {
    channel.show(true);
    void vscode.window.showErrorMessage(
      `rules evaluate wrote no report (exit code ${result.exitCode ?? 'none'}): ${lastLine(result.stderr) ?? 'see the Inspection Rules output'}`,
    );
    return;
  }
  if (outcomeOf(result.exitCode) !== 'success') {
    channel.show(true);
  }
  await showReport(context, reportFile, casesFile);
}

async function showReport(context: vscode.ExtensionContext, reportFile: string, casesFile: string): Promise<void> {
  const openIn = vscode.workspace.getConfiguration('inspectionRules').get<string>('evaluate.openReportIn', 'webview');
  const reportUri = vscode.Uri.file(reportFile);
  if (openIn === 'browser') {
    await vscode.env.openExternal(reportUri);
    return;
  }

  const panel = vscode.window.createWebviewPanel(
    'inspectionRules.report',
    `Evaluation: ${path.basename(casesFile)}`,
    vscode.ViewColumn.Beside,
    // The report is one self-contained page (CLI.md): it loads nothing, so no local resources.
    { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: true },
  );
  panel.webview.html = fs.readFileSync(reportFile, 'utf8');
  context.subscriptions.push(panel);

  void vscode.window.showInformationMessage(`Report written to ${reportFile}`, 'Open in Browser').then(async (choice) => {
    if (choice === 'Open in Browser') {
      await vscode.env.openExternal(reportUri);
    }
  });
}

/** The folder or file to test: an explorer folder, else the framework of a .rules file. */
async function testTarget(resource?: vscode.Uri): Promise<string | undefined> {
  const uri = resource ?? vscode.window.activeTextEditor?.document.uri;
  if (uri !== undefined && uri.scheme === 'file') {
    if (nodeFolderReader.isDirectory(uri.fsPath)) {
      return uri.fsPath;
    }
    if (uri.fsPath.endsWith('.rules')) {
      const target = findFrameworkFolder(uri.fsPath, nodeFolderReader, workspaceFolderPaths());
      return target.kind === 'framework' ? target.folder : target.file;
    }
  }
  return pickFramework('Which framework should be tested?');
}

/** The framework to evaluate with: the one of the active .rules file, else a choice. */
async function frameworkForEvaluation(resource?: vscode.Uri): Promise<string | undefined> {
  const candidates = [resource, vscode.window.activeTextEditor?.document.uri];
  for (const uri of candidates) {
    if (uri !== undefined && uri.scheme === 'file' && uri.fsPath.endsWith('.rules')) {
      const target = findFrameworkFolder(uri.fsPath, nodeFolderReader, workspaceFolderPaths());
      if (target.kind === 'framework') {
        return target.folder;
      }
    }
  }
  return pickFramework('Which framework should evaluate the cases?');
}

/** Offers the framework folders of the workspace; picks the only one without asking. */
async function pickFramework(question: string): Promise<string | undefined> {
  const folders = workspaceFolderPaths().flatMap((root) => findFrameworkFolders(root, nodeFolderReader));
  if (folders.length === 0) {
    void vscode.window.showErrorMessage('No framework found: no .rules file in the workspace declares `framework`. Open a .rules file of a framework first.');
    return undefined;
  }
  if (folders.length === 1) {
    return folders[0];
  }
  const picked = await vscode.window.showQuickPick(
    folders.map((folder) => ({ label: path.basename(folder), description: vscode.workspace.asRelativePath(folder), folder })),
    { title: question, placeHolder: 'Framework folder' },
  );
  return picked?.folder;
}

function workspaceFolderPaths(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

async function saveDirtyRulesDocuments(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty && document.languageId === LanguageId && document.uri.scheme === 'file') {
      await document.save();
    }
  }
}

function commandFor(host: RulesHost, args: readonly string[]): CommandLine | undefined {
  const resolution = host.resolve();
  if (!resolution.ok) {
    void vscode.window.showErrorMessage(resolution.message, 'Open Settings').then(async (choice) => {
      if (choice === 'Open Settings') {
        await vscode.commands.executeCommand('workbench.action.openSettings', 'inspectionRules.server.path');
      }
    });
    return undefined;
  }
  return rulesCommand(resolution.location, host.dotnetPath(), args);
}

function cwdFor(target: string): string {
  const workspace = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(target));
  if (workspace !== undefined) {
    return workspace.uri.fsPath;
  }
  return nodeFolderReader.isDirectory(target) ? target : path.dirname(target);
}

function reportStartError(result: ProcessResult, commandLine: CommandLine): void {
  if (result.startError !== undefined) {
    void vscode.window.showErrorMessage(
      `Could not run ${commandLine.command}: ${result.startError}. Check the inspectionRules.dotnet.path and inspectionRules.server.path settings.`,
    );
  }
}

function lastLine(text: string): string | undefined {
  const lines = text.split(/\r?\n/).filter((line) => line.trim().length > 0);
  return lines.length > 0 ? lines[lines.length - 1] : undefined;
}

function runWithProgress(title: string, commandLine: CommandLine, cwd: string, channel: vscode.OutputChannel): Promise<ProcessResult> {
  return Promise.resolve(
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (_progress, token) => runProcess(commandLine, cwd, channel, token),
    ),
  );
}

/** Runs a program without a shell, streaming its output into the channel. */
function runProcess(commandLine: CommandLine, cwd: string, channel: vscode.OutputChannel, token: vscode.CancellationToken): Promise<ProcessResult> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let cancelled = false;
    let settled = false;
    const finish = (result: ProcessResult): void => {
      if (!settled) {
        settled = true;
        subscription.dispose();
        resolve(result);
      }
    };

    const child = spawn(commandLine.command, [...commandLine.args], { cwd, shell: false, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const subscription = token.onCancellationRequested(() => {
      cancelled = true;
      channel.appendLine('[cancelled]');
      child.kill();
    });
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      channel.append(chunk);
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      channel.append(chunk);
    });
    child.on('error', (error) => {
      channel.appendLine(`[could not start: ${error.message}]`);
      finish({ exitCode: null, stdout, stderr, startError: error.message, cancelled });
    });
    child.on('close', (code) => {
      finish({ exitCode: code, stdout, stderr, cancelled });
    });
  });
}
