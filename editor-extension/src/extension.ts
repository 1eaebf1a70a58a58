// The VS Code side of the extension: starts the `rules lsp` language server and registers the
// commands. Everything that can be decided without VS Code lives in the other modules.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { languageServerArguments } from './cliArguments';
import { evaluateCases, RulesHost, runTests } from './commands';
import { computeFolds } from './folding';
import { nodeFileProbe } from './nodeFileSystem';
import { describeCommand, resolveServerLocation, rulesCommand, ServerResolution } from './serverLocation';

export const LanguageId = 'inspection-rules';
const ClientId = 'inspectionRules';
const ClientName = 'Inspection Rules Language Server';

/** The extension's state for one activation: the client, its channels, the command output. */
class RulesExtension implements RulesHost, vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly serverChannel = vscode.window.createOutputChannel(ClientName);
  readonly commandChannel = vscode.window.createOutputChannel('Inspection Rules');

  constructor(private readonly context: vscode.ExtensionContext) {}

  /** Resolves `rules` from the settings, the build outputs and PATH. */
  resolve(): ServerResolution {
    const configuration = vscode.workspace.getConfiguration(ClientId);
    return resolveServerLocation({
      configuredPath: configuration.get<string>('server.path', ''),
      workspaceFolders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
      extensionPath: this.context.extensionUri.scheme === 'file' ? this.context.extensionUri.fsPath : undefined,
      pathVariable: process.env.PATH ?? '',
      pathExtensions: process.env.PATHEXT,
      homeDirectory: os.homedir(),
      platform: process.platform,
      probe: nodeFileProbe,
    });
  }

  dotnetPath(): string {
    return vscode.workspace.getConfiguration(ClientId).get<string>('dotnet.path', 'dotnet');
  }

  async start(): Promise<void> {
    const resolution = this.resolve();
    if (!resolution.ok) {
      this.serverChannel.appendLine(resolution.message);
      for (const searched of resolution.searched) {
        this.serverChannel.appendLine(`  looked for: ${searched}`);
      }
      const choice = await vscode.window.showErrorMessage(resolution.message, 'Open Settings', 'Show Log');
      if (choice === 'Open Settings') {
        await vscode.commands.executeCommand('workbench.action.openSettings', 'inspectionRules.server.path');
      } else if (choice === 'Show Log') {
        this.serverChannel.show(true);
      }
      return;
    }

    const commandLine = rulesCommand(resolution.location, this.dotnetPath(), languageServerArguments());
    this.serverChannel.appendLine(`Starting ${describeCommand(commandLine)} (from ${resolution.location.source})`);
    const workspaceFolder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
    const executable = {
      command: commandLine.command,
      args: [...commandLine.args],
      transport: TransportKind.stdio,
      options: workspaceFolder !== undefined ? { cwd: workspaceFolder.uri.fsPath } : undefined,
    };
    const serverOptions: ServerOptions = { run: executable, debug: executable };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: LanguageId },
        { scheme: 'untitled', language: LanguageId },
      ],
      synchronize: {
        fileEvents: [
          vscode.workspace.createFileSystemWatcher('**/*.rules'),
          vscode.workspace.createFileSystemWatcher('**/rules.json'),
        ],
      },
      outputChannel: this.serverChannel,
    };

    const client = new LanguageClient(ClientId, ClientName, serverOptions, clientOptions);
    this.client = client;
    try {
      await client.start();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.serverChannel.appendLine(`The language server did not start: ${message}`);
      void vscode.window.showErrorMessage(
        `The inspection rules language server did not start (${describeCommand(commandLine)}): ${message}`,
      );
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client === undefined) {
      return;
    }
    try {
      if (client.isRunning()) {
        await client.stop(5000);
      }
    } catch (error) {
      this.serverChannel.appendLine(`Stopping the language server failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    await client.dispose().catch(() => undefined);
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  dispose(): void {
    void this.stop();
    this.serverChannel.dispose();
    this.commandChannel.dispose();
  }
}

let current: RulesExtension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const extension = new RulesExtension(context);
  current = extension;
  context.subscriptions.push(extension);

  context.subscriptions.push(
    vscode.commands.registerCommand('inspectionRules.restartServer', async () => {
      await extension.restart();
    }),
    vscode.commands.registerCommand('inspectionRules.runTests', async (resource?: vscode.Uri) => {
      await runTests(extension, resource);
    }),
    vscode.commands.registerCommand('inspectionRules.evaluateCases', async (resource?: vscode.Uri) => {
      await evaluateCases(extension, context, resource);
    }),
    vscode.languages.registerFoldingRangeProvider(
      { language: LanguageId },
      {
        provideFoldingRanges: (document) =>
          computeFolds(document.getText()).map(
            (fold) =>
              new vscode.FoldingRange(
                fold.startLine,
                fold.endLine,
                fold.kind === 'comment' ? vscode.FoldingRangeKind.Comment : undefined,
              ),
          ),
      },
    ),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('inspectionRules.server.path') || event.affectsConfiguration('inspectionRules.dotnet.path')) {
        await extension.restart();
      }
    }),
  );

  await extension.start();
}

export async function deactivate(): Promise<void> {
  const extension = current;
  current = undefined;
  await extension?.stop();
}
