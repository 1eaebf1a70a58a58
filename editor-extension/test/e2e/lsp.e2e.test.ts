// End-to-end test of the real language server over stdio, written against LSP 3.17:
// spawn `dotnet rules.dll lsp`, initialize, open a document with an error, apply an
// incremental edit that fixes it, then hover, completion, rename, shutdown and exit.
//
// Run with `npm run test:e2e` after `dotnet build src/Rules.Cli` (from the repository root).
// RULES_DLL overrides the server path; DOTNET overrides the dotnet executable.
import assert from 'node:assert/strict';
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  CompletionItem,
  CompletionList,
  CompletionRequest,
  Diagnostic,
  DiagnosticSeverity,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  Hover,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  InitializeResult,
  MarkupContent,
  Position,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  Range,
  RenameRequest,
  ShutdownRequest,
  TextDocumentSyncKind,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';

/** The repository root (this file runs from editor-extension/out/test/e2e). */
const repositoryRoot = path.resolve(__dirname, '..', '..', '..', '..');
const serverDll = process.env.RULES_DLL ?? path.join(repositoryRoot, 'src', 'Rules.Cli', 'bin', 'Debug', 'net10.0', 'rules.dll');
const dotnet = process.env.DOTNET ?? 'dotnet';

/** How long one request or notification may take. */
const StepTimeoutMs = 30_000;

/** The framework of LANGUAGE.md, which checks clean. */
const cleanText = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'e2e', 'fixtures', 'framework.rules'), 'utf8');

/** The same with an error: `nonee` is not an option of NonComplianceRisks (RL0105). */
const brokenLine = '        when 2.4.1.c != nonee';
const cleanLine = '        when 2.4.1.c != none';
const brokenText = cleanText.replace(cleanLine, brokenLine);

/** Line and character of the first occurrence of `needle` in `text` at or after `from`. */
function positionOf(text: string, needle: string, from = 0): Position {
  const offset = text.indexOf(needle, from);
  assert.ok(offset >= 0, `fixture holds "${needle}"`);
  const preceding = text.slice(0, offset).split('\n');
  return Position.create(preceding.length - 1, preceding[preceding.length - 1].length);
}

function allPositions(text: string, word: string): Position[] {
  const positions: Position[] = [];
  const pattern = new RegExp(`\\b${word}\\b`, 'g');
  for (const match of text.matchAll(pattern)) {
    positions.push(positionOf(text, word, match.index ?? 0));
  }
  return positions;
}

function withTimeout<T>(promise: Thenable<T>, what: string, timeoutMs = StepTimeoutMs): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    Promise.resolve(promise).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function markupText(contents: Hover['contents']): string {
  if (typeof contents === 'string') {
    return contents;
  }
  if (Array.isArray(contents)) {
    return contents.map((part) => (typeof part === 'string' ? part : part.value)).join('\n');
  }
  return (contents as MarkupContent).value;
}

function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const edits: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) {
      edits.push(...change.edits.filter((e): e is TextEdit => 'range' in e && 'newText' in e));
    }
  }
  return edits;
}

function textAt(text: string, range: Range): string {
  const lines = text.split('\n');
  if (range.start.line !== range.end.line) {
    return '<multi-line range>';
  }
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

/** Records every publishDiagnostics and lets a test wait for one that satisfies a condition. */
class DiagnosticsLog {
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];

  add(params: PublishDiagnosticsParams): void {
    this.published.push(params);
    for (const waiter of [...this.waiters]) {
      if (waiter.uri === params.uri && waiter.accept(params)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  }

  /** Waits for a publication after `sinceCount` publications that satisfies `accept`. */
  waitFor(uri: string, sinceCount: number, accept: (p: PublishDiagnosticsParams) => boolean, what: string): Promise<PublishDiagnosticsParams> {
    const already = this.published.slice(sinceCount).find((p) => p.uri === uri && accept(p));
    if (already !== undefined) {
      return Promise.resolve(already);
    }
    return withTimeout(
      new Promise<PublishDiagnosticsParams>((resolve) => this.waiters.push({ uri, accept, resolve })),
      `${what} (publications so far for this document: ${JSON.stringify(this.published.filter((p) => p.uri === uri).map((p) => p.diagnostics.map((d) => d.code)))})`,
    );
  }

  get count(): number {
    return this.published.length;
  }
}

describe('language server over stdio (LSP 3.17)', () => {
  let server: ChildProcessWithoutNullStreams | undefined;
  let connection: MessageConnection | undefined;
  let stderr = '';
  let exitCode: number | null | undefined;
  let exited: Promise<number | null> | undefined;
  let workspace = '';
  let uri = '';
  let documentText = '';
  let initializeResult: InitializeResult | undefined;
  const diagnostics = new DiagnosticsLog();

  const rpc = (): MessageConnection => {
    assert.ok(connection, 'the server was started');
    return connection;
  };

  before(async () => {
    if (!fs.existsSync(serverDll)) {
      const message =
        `The language server is not built: ${serverDll} does not exist. Build it first with ` +
        '`dotnet build src/Rules.Cli` from the repository root (or set RULES_DLL to a built rules.dll), then run `npm run test:e2e` again.';
      process.stderr.write(`\n${message}\n\n`);
      throw new Error(message);
    }

    // A workspace of its own: the root is marked by a .git folder (LANGUAGE.md, imports).
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-lsp-e2e-'));
    fs.mkdirSync(path.join(workspace, '.git'));
    const frameworkFolder = path.join(workspace, 'probation');
    fs.mkdirSync(frameworkFolder);
    const file = path.join(frameworkFolder, 'framework.rules');
    fs.writeFileSync(file, cleanText);
    uri = pathToFileURL(file).href;

    const child = spawn(dotnet, [serverDll, 'lsp'], { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
    server = child;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    exited = new Promise((resolve) => {
      child.on('exit', (code) => {
        exitCode = code;
        resolve(code);
      });
    });
    const spawnError = new Promise<never>((_, reject) => child.on('error', (error) => reject(new Error(`Could not start ${dotnet}: ${error.message}`))));

    connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => diagnostics.add(params));
    // Requests from the server (workspace/configuration, client/registerCapability, progress):
    // answer each so that the server is never left waiting.
    connection.onRequest((method: string, params: unknown) => {
      if (method === 'workspace/configuration') {
        const items = (params as { items?: unknown[] } | undefined)?.items ?? [];
        return items.map(() => null);
      }
      return null;
    });
    connection.onNotification(() => undefined);
    connection.listen();

    initializeResult = await Promise.race([
      spawnError,
      withTimeout(
        connection.sendRequest(InitializeRequest.type, {
          processId: process.pid,
          clientInfo: { name: 'inspection-rules-e2e', version: '0.1.0' },
          locale: 'en',
          rootUri: pathToFileURL(workspace).href,
          workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'e2e' }],
          capabilities: {
            general: { positionEncodings: ['utf-16'] },
            textDocument: {
              synchronization: { dynamicRegistration: false, didSave: true },
              publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
              hover: { contentFormat: ['markdown', 'plaintext'] },
              completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
              rename: { prepareSupport: true },
            },
            workspace: { workspaceFolders: true, configuration: true, applyEdit: false },
          },
        }),
        'the initialize response',
      ),
    ]);
    await connection.sendNotification(InitializedNotification.type, {});
  });

  after(async () => {
    connection?.dispose();
    if (server !== undefined && exitCode === undefined) {
      server.kill();
    }
    if (workspace.length > 0) {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
    if (stderr.trim().length > 0) {
      process.stderr.write(`--- language server stderr ---\n${stderr}\n--- end of language server stderr ---\n`);
    }
  });

  it('initializes with the capabilities the extension uses', () => {
    assert.ok(initializeResult, 'initialize result');
    const capabilities = initializeResult.capabilities;
    const sync = capabilities.textDocumentSync;
    const syncKind = typeof sync === 'number' ? sync : sync?.change;
    assert.ok(syncKind === TextDocumentSyncKind.Incremental || syncKind === TextDocumentSyncKind.Full, `textDocumentSync: ${JSON.stringify(sync)}`);
    if (typeof sync === 'object') {
      assert.equal(sync.openClose, true, 'textDocumentSync.openClose');
    }
    assert.ok(capabilities.hoverProvider, 'hoverProvider');
    assert.ok(capabilities.completionProvider, 'completionProvider');
    assert.ok(capabilities.renameProvider, 'renameProvider');
  });

  it('publishes an exact RL0105 diagnostic for a document with an error', async () => {
    const since = diagnostics.count;
    documentText = brokenText;
    await rpc().sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'inspection-rules', version: 1, text: documentText },
    });

    const published = await diagnostics.waitFor(uri, since, (p) => p.diagnostics.some((d) => d.code === 'RL0105'), 'an RL0105 diagnostic');
    const diagnostic = published.diagnostics.find((d) => d.code === 'RL0105') as Diagnostic;
    const start = positionOf(documentText, brokenLine);
    const column = brokenLine.indexOf('nonee');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.deepEqual(diagnostic.range, Range.create(start.line, column, start.line, column + 'nonee'.length), 'the range is exactly `nonee`');
    assert.match(diagnostic.message, /nonee/, 'the message names the thing at fault');
    assert.match(diagnostic.message, /none/, 'the message suggests the nearest option');
    const others = published.diagnostics.filter((d) => d !== diagnostic && d.severity === DiagnosticSeverity.Error);
    assert.deepEqual(others, [], 'no other errors');
  });

  it('applies an incremental edit and clears the diagnostic', async () => {
    const since = diagnostics.count;
    const start = positionOf(documentText, brokenLine);
    const column = brokenLine.indexOf('nonee');
    const range = Range.create(start.line, column, start.line, column + 'nonee'.length);
    documentText = cleanText;

    const sync = initializeResult?.capabilities.textDocumentSync;
    const incremental = (typeof sync === 'number' ? sync : sync?.change) === TextDocumentSyncKind.Incremental;
    await rpc().sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: incremental ? [{ range, text: 'none' }] : [{ text: documentText }],
    });

    const published = await diagnostics.waitFor(
      uri,
      since,
      (p) => !p.diagnostics.some((d) => d.code === 'RL0105'),
      'diagnostics without RL0105 after the edit',
    );
    if (published.version !== undefined) {
      assert.equal(published.version, 2, 'diagnostics are for the edited version');
    }
    const errors = published.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
    assert.deepEqual(errors, [], 'the LANGUAGE.md example checks clean');
  });

  it('hovers over a prompt reference with its text', async () => {
    const line = positionOf(documentText, cleanLine).line;
    const position = Position.create(line, cleanLine.indexOf('2.4.1.c') + 2);
    const hover = await withTimeout(rpc().sendRequest(HoverRequest.type, { textDocument: { uri }, position }), 'the hover response');
    assert.ok(hover, 'a hover for 2.4.1.c');
    const text = markupText(hover.contents);
    assert.match(text, /2\.4\.1\.c|risks of non-compliance/i, `hover text: ${text}`);
    if (hover.range !== undefined) {
      assert.equal(textAt(documentText, hover.range), '2.4.1.c', 'the hover range is the reference');
    }
  });

  it('completes the options of the referenced answer set', async () => {
    const line = positionOf(documentText, cleanLine).line;
    const position = Position.create(line, cleanLine.indexOf('none'));
    const result = await withTimeout(
      rpc().sendRequest(CompletionRequest.type, { textDocument: { uri }, position, context: { triggerKind: 1 } }),
      'the completion response',
    );
    assert.ok(result, 'completion items');
    const items: CompletionItem[] = Array.isArray(result) ? result : (result as CompletionList).items;
    const labels = items.map((item) => item.label);
    for (const option of ['yes', 'should', 'none']) {
      assert.ok(labels.includes(option), `completion offers ${option} (got ${JSON.stringify(labels.slice(0, 30))})`);
    }
  });

  it('renames an answer set at its declaration and every use', async () => {
    const uses = allPositions(documentText, 'YesNo');
    assert.ok(uses.length >= 2);
    const declaration = positionOf(documentText, 'answers YesNo');
    const position = Position.create(declaration.line, declaration.character + 'answers '.length + 1);
    const edit = await withTimeout(
      rpc().sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'YesOrNo' }),
      'the rename response',
    );
    assert.ok(edit, 'a workspace edit');
    const edits = editsFor(edit, uri);
    assert.equal(edits.length, uses.length, `one edit per occurrence of YesNo (${uses.length})`);
    for (const textEdit of edits) {
      assert.equal(textEdit.newText, 'YesOrNo');
      assert.equal(textAt(documentText, textEdit.range), 'YesNo', `edit at ${JSON.stringify(textEdit.range)}`);
    }
    const editedLines = edits.map((e) => e.range.start.line).sort((a, b) => a - b);
    assert.deepEqual(editedLines, uses.map((p) => p.line).sort((a, b) => a - b));
  });

  it('shuts down and exits with code 0', async () => {
    const result = await withTimeout(rpc().sendRequest(ShutdownRequest.type), 'the shutdown response');
    assert.equal(result ?? null, null);
    await rpc().sendNotification(ExitNotification.type);
    const code = await withTimeout(exited as Promise<number | null>, 'the server process to exit', 10_000);
    assert.equal(code, 0, `exit code after shutdown and exit (stderr: ${stderr.slice(-2000)})`);
  });
});
