// Finds the framework a .rules file belongs to: the nearest folder, from the file's own
// folder upwards, that holds a .rules file declaring `framework` (LANGUAGE.md, "Files and
// frameworks"). Pure logic over a FolderReader, so it runs without VS Code.
import * as path from 'node:path';

/** The questions this module asks of the file system. */
export interface FolderReader {
  /** Names (not paths) of the entries of a folder; empty when it cannot be read. */
  entries(folder: string): readonly string[];
  /** Whether a path is a folder. */
  isDirectory(entryPath: string): boolean;
  /** The text of a file, or undefined when it cannot be read. */
  readText(filePath: string): string | undefined;
}

export type FrameworkTarget =
  /** The file belongs to the framework rooted at `folder` (declared in `declaredIn`). */
  | { readonly kind: 'framework'; readonly folder: string; readonly declaredIn: string }
  /** No framework above the file: it is a library file, checked on its own. */
  | { readonly kind: 'library'; readonly file: string };

/** Files larger than this are not scanned for a framework declaration. */
const MaxScannedLength = 4 * 1024 * 1024;

/**
 * The framework folder of a .rules file. The search stops at the workspace root: the nearest
 * folder holding `.git` or `rules.json`, or one of `stopAt` (the workspace folders).
 */
export function findFrameworkFolder(filePath: string, reader: FolderReader, stopAt: readonly string[] = []): FrameworkTarget {
  const stops = new Set(stopAt.map((folder) => path.resolve(folder)));
  let folder = path.dirname(path.resolve(filePath));
  for (;;) {
    const declaredIn = frameworkFileIn(folder, reader);
    if (declaredIn !== undefined) {
      return { kind: 'framework', folder, declaredIn };
    }
    const names = reader.entries(folder);
    if (stops.has(folder) || names.includes('.git') || names.includes('rules.json')) {
      return { kind: 'library', file: path.resolve(filePath) };
    }
    const parent = path.dirname(folder);
    if (parent === folder) {
      return { kind: 'library', file: path.resolve(filePath) };
    }
    folder = parent;
  }
}

/** The first .rules file directly in `folder` (by name) that declares `framework`, if any. */
export function frameworkFileIn(folder: string, reader: FolderReader): string | undefined {
  const names = [...reader.entries(folder)].filter((name) => name.endsWith('.rules')).sort();
  for (const name of names) {
    const filePath = path.join(folder, name);
    if (reader.isDirectory(filePath)) {
      continue;
    }
    const text = reader.readText(filePath);
    if (text !== undefined && text.length <= MaxScannedLength && declaresFramework(text)) {
      return filePath;
    }
  }
  return undefined;
}

/**
 * Every framework folder at or below `root` (not descending into node_modules, bin, obj or
 * hidden folders), sorted. Used to offer a choice when no .rules file is active.
 */
export function findFrameworkFolders(root: string, reader: FolderReader, maxFolders = 2000): string[] {
  const found: string[] = [];
  const pending = [path.resolve(root)];
  let visited = 0;
  while (pending.length > 0 && visited < maxFolders) {
    const folder = pending.shift() as string;
    visited++;
    if (frameworkFileIn(folder, reader) !== undefined) {
      found.push(folder);
    }
    for (const name of [...reader.entries(folder)].sort()) {
      if (name.startsWith('.') || name === 'node_modules' || name === 'bin' || name === 'obj') {
        continue;
      }
      const child = path.join(folder, name);
      if (reader.isDirectory(child)) {
        pending.push(child);
      }
    }
  }
  return found.sort();
}

/**
 * Whether the text declares a framework: the word `framework` followed by a string at the top
 * level (outside every block, comment and string). Unterminated strings and comments end the
 * scan; nothing here throws.
 */
export function declaresFramework(text: string): boolean {
  let depth = 0;
  let index = 0;
  let previousWord: string | undefined;
  const length = text.length;

  while (index < length) {
    const char = text[index];

    if (char === '/' && text[index + 1] === '/') {
      const end = text.indexOf('\n', index);
      index = end < 0 ? length : end + 1;
      continue;
    }
    if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end < 0 ? length : end + 2;
      continue;
    }
    if (char === '"') {
      if (depth === 0 && previousWord === 'framework') {
        return true;
      }
      index = skipString(text, index);
      previousWord = undefined;
      continue;
    }
    if (char === '{') {
      depth++;
      previousWord = undefined;
      index++;
      continue;
    }
    if (char === '}') {
      depth = Math.max(0, depth - 1);
      previousWord = undefined;
      index++;
      continue;
    }
    if (/[A-Za-z_]/.test(char)) {
      let end = index + 1;
      while (end < length && /[A-Za-z0-9_]/.test(text[end])) {
        end++;
      }
      previousWord = text.slice(index, end);
      index = end;
      continue;
    }
    if (!/\s/.test(char)) {
      previousWord = undefined;
    }
    index++;
  }
  return false;
}

/** The index just after the string that starts at `start` (a `"` or `"""`). */
function skipString(text: string, start: number): number {
  if (text.startsWith('"""', start)) {
    const end = text.indexOf('"""', start + 3);
    return end < 0 ? text.length : end + 3;
  }
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (char === '"' || char === '\n') {
      return index + 1;
    }
    index++;
  }
  return text.length;
}
