// Finds the `rules` program that serves the language and runs tests and evaluations.
// Pure logic: every file-system question goes through the FileProbe given by the caller,
// so this module runs (and is tested) without VS Code.
import * as path from 'node:path';

/** How the `rules` program is run: `dotnet rules.dll ...` or `rules ...`. */
export type ServerLocation =
  | { readonly kind: 'dll'; readonly path: string; readonly source: LocationSource }
  | { readonly kind: 'executable'; readonly path: string; readonly source: LocationSource };

/** Where a location came from, for messages. */
export type LocationSource = 'setting' | 'build output' | 'PATH';

export type ServerResolution =
  | { readonly ok: true; readonly location: ServerLocation }
  | { readonly ok: false; readonly message: string; readonly searched: readonly string[] };

/** The questions this module asks of the file system. */
export interface FileProbe {
  isFile(filePath: string): boolean;
  isDirectory(filePath: string): boolean;
}

export interface ResolveOptions {
  /** Value of `inspectionRules.server.path` (empty when unset). */
  readonly configuredPath: string;
  /** Absolute paths of the open workspace folders, first one first. */
  readonly workspaceFolders: readonly string[];
  /** Absolute path of the installed extension, if known (a checkout's `editor-extension`). */
  readonly extensionPath?: string;
  /** The PATH environment variable. */
  readonly pathVariable: string;
  /** `process.platform`. */
  readonly platform: NodeJS.Platform;
  /** The user's home folder, for a setting that starts with `~`. */
  readonly homeDirectory?: string;
  /** PATHEXT on Windows (defaults to `.COM;.EXE;.BAT;.CMD`). */
  readonly pathExtensions?: string;
  readonly probe: FileProbe;
}

/**
 * The build outputs of `src/Rules.Cli`, relative to a repository root, in order of preference: the Release
 * build is precompiled (ReadyToRun) and starts in about half the time of the Debug build.
 */
export const BuildOutputs: readonly string[] = [
  path.join('src', 'Rules.Cli', 'bin', 'Release', 'net10.0', 'rules.dll'),
  path.join('src', 'Rules.Cli', 'bin', 'Debug', 'net10.0', 'rules.dll'),
];

/** The name of the installed tool (`dotnet tool install` puts it on PATH as `rules`). */
export const ToolName = 'rules';

/**
 * Resolves the server location: the setting when given, otherwise the build output of
 * `src/Rules.Cli` in a workspace folder, one of its ancestors or beside the extension,
 * otherwise `rules` on PATH.
 */
export function resolveServerLocation(options: ResolveOptions): ServerResolution {
  const configured = options.configuredPath.trim();
  if (configured.length > 0) {
    return resolveConfigured(configured, options);
  }

  const searched: string[] = [];
  for (const root of candidateRoots(options)) {
    for (const output of BuildOutputs) {
      const candidate = path.join(root, output);
      if (searched.includes(candidate)) {
        continue;
      }
      searched.push(candidate);
      if (options.probe.isFile(candidate)) {
        return { ok: true, location: { kind: 'dll', path: candidate, source: 'build output' } };
      }
    }
  }

  const onPath = findOnPath(ToolName, options);
  if (onPath !== undefined) {
    return { ok: true, location: { kind: 'executable', path: onPath, source: 'PATH' } };
  }
  searched.push(`${ToolName} on PATH`);

  return {
    ok: false,
    message:
      'The inspection rules language server was not found. Build it with `dotnet build src/Rules.Cli`, ' +
      'install the `rules` tool, or set `inspectionRules.server.path` to the built rules.dll.',
    searched,
  };
}

function resolveConfigured(configured: string, options: ResolveOptions): ServerResolution {
  const pathModule = options.platform === 'win32' ? path.win32 : path.posix;
  const expanded = expandVariables(configured, options);

  // A bare command name ("rules", "rules.exe") is looked up on PATH.
  if (!expanded.includes('/') && !expanded.includes('\\') && !expanded.toLowerCase().endsWith('.dll')) {
    const onPath = findOnPath(expanded, options);
    if (onPath !== undefined) {
      return { ok: true, location: { kind: 'executable', path: onPath, source: 'setting' } };
    }
    return {
      ok: false,
      message: `inspectionRules.server.path is "${configured}", but no such program is on PATH.`,
      searched: [`${expanded} on PATH`],
    };
  }

  const base = options.workspaceFolders[0];
  const absolute = pathModule.isAbsolute(expanded) || base === undefined ? expanded : pathModule.resolve(base, expanded);

  if (options.probe.isDirectory(absolute)) {
    const dll = pathModule.join(absolute, 'rules.dll');
    if (options.probe.isFile(dll)) {
      return { ok: true, location: { kind: 'dll', path: dll, source: 'setting' } };
    }
    return {
      ok: false,
      message: `inspectionRules.server.path is the folder "${absolute}", which holds no rules.dll.`,
      searched: [dll],
    };
  }

  if (!options.probe.isFile(absolute)) {
    return {
      ok: false,
      message: `inspectionRules.server.path is "${absolute}", which does not exist. Build the server with \`dotnet build src/Rules.Cli\` or correct the setting.`,
      searched: [absolute],
    };
  }

  const kind = absolute.toLowerCase().endsWith('.dll') ? 'dll' : 'executable';
  return { ok: true, location: { kind, path: absolute, source: 'setting' } };
}

/** Expands `${workspaceFolder}` (the first workspace folder) and a leading `~` (the home folder). */
export function expandVariables(value: string, options: Pick<ResolveOptions, 'workspaceFolders' | 'homeDirectory'>): string {
  let result = value;
  const workspace = options.workspaceFolders[0];
  if (workspace !== undefined) {
    result = result.split('${workspaceFolder}').join(workspace);
  }
  if (options.homeDirectory !== undefined && (result === '~' || result.startsWith('~/') || result.startsWith('~\\'))) {
    result = options.homeDirectory + result.slice(1);
  }
  return result;
}

/** Each workspace folder and its ancestors, then the folder above the extension. */
function candidateRoots(options: ResolveOptions): string[] {
  const roots: string[] = [];
  const add = (folder: string): void => {
    if (!roots.includes(folder)) {
      roots.push(folder);
    }
  };
  for (const folder of options.workspaceFolders) {
    for (const ancestor of selfAndAncestors(folder)) {
      add(ancestor);
    }
  }
  if (options.extensionPath !== undefined) {
    add(path.dirname(options.extensionPath));
  }
  return roots;
}

/** The folder itself, then each parent up to the file-system root. */
export function selfAndAncestors(folder: string): string[] {
  const result: string[] = [];
  let current = path.resolve(folder);
  for (;;) {
    result.push(current);
    const parent = path.dirname(current);
    if (parent === current) {
      return result;
    }
    current = parent;
  }
}

/** Finds a program on PATH, trying PATHEXT extensions on Windows. */
export function findOnPath(name: string, options: Pick<ResolveOptions, 'pathVariable' | 'platform' | 'pathExtensions' | 'probe'>): string | undefined {
  const windows = options.platform === 'win32';
  const pathModule = windows ? path.win32 : path.posix;
  const separator = windows ? ';' : ':';
  const extensions = windows
    ? [
        '',
        ...(options.pathExtensions ?? '.COM;.EXE;.BAT;.CMD')
          .split(';')
          .filter((e) => e.length > 0)
          .flatMap((e) => (e === e.toLowerCase() ? [e] : [e, e.toLowerCase()])),
      ]
    : [''];
  for (const directory of options.pathVariable.split(separator)) {
    if (directory.length === 0) {
      continue;
    }
    for (const extension of extensions) {
      const candidate = pathModule.join(directory, name + extension);
      if (options.probe.isFile(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

/** A program and its arguments, ready for `child_process.spawn` (no shell). */
export interface CommandLine {
  readonly command: string;
  readonly args: readonly string[];
}

/** The command line that runs `rules <args>` from the given location. */
export function rulesCommand(location: ServerLocation, dotnetPath: string, args: readonly string[]): CommandLine {
  if (location.kind === 'dll') {
    const dotnet = dotnetPath.trim().length > 0 ? dotnetPath.trim() : 'dotnet';
    return { command: dotnet, args: [location.path, ...args] };
  }
  return { command: location.path, args: [...args] };
}

/** Renders a command line for display (quoting arguments that hold spaces or quotes). */
export function describeCommand(commandLine: CommandLine): string {
  return [commandLine.command, ...commandLine.args].map(quoteForDisplay).join(' ');
}

function quoteForDisplay(argument: string): string {
  if (argument.length > 0 && !/[\s"'\\$`]/.test(argument)) {
    return argument;
  }
  return `"${argument.replace(/(["\\$`])/g, '\\$1')}"`;
}
