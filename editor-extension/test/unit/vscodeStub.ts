// A stand-in for the `vscode` module, enough to activate the bundled extension headless and
// drive its commands. It records what the extension shows; anything it does not implement is
// a harmless placeholder (the language client only needs its classes to exist at load time).
import Module from 'node:module';

export interface Recorded {
  readonly commands: Map<string, (...args: unknown[]) => unknown>;
  readonly errors: string[];
  readonly infos: string[];
  readonly output: string[];
  readonly webviews: { title: string; html: string }[];
  readonly external: string[];
  readonly foldingProviders: { provideFoldingRanges(document: { getText(): string }): unknown[] }[];
}

export interface StubOptions {
  settings: Record<string, unknown>;
  workspaceFolders: string[];
  /** The file a test's open dialog returns. */
  openDialogResult?: string;
  /** The active editor's file, if any. */
  activeFile?: string;
}

/** A value that answers every property access and call with another placeholder. */
function placeholder(name: string): any {
  const target = function () {
    return placeholder(`${name}()`);
  };
  return new Proxy(target, {
    get(_target, property) {
      if (property === 'then') {
        return undefined;
      }
      if (property === Symbol.toPrimitive) {
        return () => name;
      }
      return placeholder(`${name}.${String(property)}`);
    },
    construct: () => placeholder(`new ${name}`),
    apply: () => placeholder(`${name}()`),
  });
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly fsPath: string,
  ) {}
  static file(fsPath: string): Uri {
    return new Uri('file', fsPath);
  }
  toString(): string {
    return `${this.scheme}://${this.fsPath}`;
  }
}

class FoldingRange {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly kind?: number,
  ) {}
}

const disposable = { dispose: (): void => undefined };

/** Builds the stub and makes `require('vscode')` return it until `uninstall` is called. */
export function installVscodeStub(options: StubOptions): { recorded: Recorded; uninstall: () => void } {
  const recorded: Recorded = { commands: new Map(), errors: [], infos: [], output: [], webviews: [], external: [], foldingProviders: [] };

  const outputChannel = {
    append: (text: string) => recorded.output.push(text),
    appendLine: (text: string) => recorded.output.push(`${text}\n`),
    show: () => undefined,
    clear: () => undefined,
    dispose: () => undefined,
  };

  const vscode: Record<string, unknown> = {
    Uri,
    FoldingRange,
    FoldingRangeKind: { Comment: 1, Imports: 2, Region: 3 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    ViewColumn: { Active: -1, Beside: -2, One: 1 },
    version: '1.95.0',
    window: {
      createOutputChannel: () => outputChannel,
      showErrorMessage: async (message: string) => {
        recorded.errors.push(message);
        return undefined;
      },
      showInformationMessage: async (message: string) => {
        recorded.infos.push(message);
        return undefined;
      },
      showWarningMessage: async () => undefined,
      showQuickPick: async (items: unknown[]) => items[0],
      showOpenDialog: async () => (options.openDialogResult !== undefined ? [Uri.file(options.openDialogResult)] : undefined),
      withProgress: (_options: unknown, task: (progress: unknown, token: unknown) => Promise<unknown>) =>
        task({ report: () => undefined }, { isCancellationRequested: false, onCancellationRequested: () => disposable }),
      createWebviewPanel: (_type: string, title: string) => {
        const entry = { title, html: '' };
        recorded.webviews.push(entry);
        return {
          webview: {
            set html(value: string) {
              entry.html = value;
            },
          },
          dispose: () => undefined,
        };
      },
      get activeTextEditor() {
        return options.activeFile !== undefined ? { document: { uri: Uri.file(options.activeFile) } } : undefined;
      },
    },
    workspace: {
      get workspaceFolders() {
        return options.workspaceFolders.map((folder, index) => ({ uri: Uri.file(folder), name: `folder${index}`, index }));
      },
      getWorkspaceFolder: (uri: Uri) => {
        const folder = options.workspaceFolders.find((f) => uri.fsPath.startsWith(f));
        return folder !== undefined ? { uri: Uri.file(folder) } : undefined;
      },
      getConfiguration: (section: string) => ({
        get: <T>(key: string, fallback: T): T => (options.settings[`${section}.${key}`] as T | undefined) ?? fallback,
      }),
      onDidChangeConfiguration: () => disposable,
      textDocuments: [],
      asRelativePath: (p: string) => p,
      createFileSystemWatcher: () => ({ ...disposable, onDidChange: () => disposable, onDidCreate: () => disposable, onDidDelete: () => disposable }),
    },
    commands: {
      registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
        recorded.commands.set(id, handler);
        return disposable;
      },
      executeCommand: async () => undefined,
    },
    languages: {
      registerFoldingRangeProvider: (_selector: unknown, provider: Recorded['foldingProviders'][number]) => {
        recorded.foldingProviders.push(provider);
        return disposable;
      },
    },
    env: {
      openExternal: async (uri: Uri) => {
        recorded.external.push(uri.fsPath);
        return true;
      },
    },
  };
  const stub = new Proxy(vscode, {
    get: (target, property) => (property in target ? target[property as string] : placeholder(`vscode.${String(property)}`)),
  });

  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? stub : original.call(this, request, ...rest);
  };
  return {
    recorded,
    uninstall: () => {
      loader._load = original;
    },
  };
}
