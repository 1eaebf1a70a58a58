// The file-system probes used by serverLocation and frameworkFolder, over node:fs.
import * as fs from 'node:fs';
import type { FolderReader } from './frameworkFolder';
import type { FileProbe } from './serverLocation';

function stat(filePath: string): fs.Stats | undefined {
  try {
    return fs.statSync(filePath);
  } catch {
    return undefined;
  }
}

export const nodeFileProbe: FileProbe = {
  isFile: (filePath) => stat(filePath)?.isFile() ?? false,
  isDirectory: (filePath) => stat(filePath)?.isDirectory() ?? false,
};

export const nodeFolderReader: FolderReader = {
  entries(folder) {
    try {
      return fs.readdirSync(folder);
    } catch {
      return [];
    }
  },
  isDirectory: (entryPath) => stat(entryPath)?.isDirectory() ?? false,
  readText(filePath) {
    try {
      return fs.readFileSync(filePath, 'utf8');
    } catch {
      return undefined;
    }
  },
};
