// Folding ranges of a .rules text: `{ ... }` blocks, `/* ... */` comments and `"""` strings
// that span lines. Pure logic over the text, so it runs without VS Code; the extension hands
// the ranges to VS Code (the language server may offer its own as well).

export type FoldKind = 'block' | 'comment' | 'string';

/** A foldable region, 0-based lines: the fold shows `startLine` and hides up to `endLine`. */
export interface Fold {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind: FoldKind;
}

/** Deeper nesting than this is not folded (bounds the work on hostile input). */
const MaxDepth = 256;

/**
 * Computes the folds. A block folds from the line of its `{` to the line before its `}` (so the
 * closing brace stays visible); comments and strings fold to their last line. Unbalanced
 * braces, unterminated strings and comments are tolerated.
 */
export function computeFolds(text: string): Fold[] {
  const folds: Fold[] = [];
  const openBraces: number[] = [];
  let line = 0;
  let index = 0;
  const length = text.length;

  while (index < length) {
    const char = text[index];
    if (char === '\n') {
      line++;
      index++;
      continue;
    }
    if (char === '/' && text[index + 1] === '/') {
      const end = text.indexOf('\n', index);
      index = end < 0 ? length : end;
      continue;
    }
    if (char === '/' && text[index + 1] === '*') {
      const startLine = line;
      const end = text.indexOf('*/', index + 2);
      const stop = end < 0 ? length : end + 2;
      line += countNewlines(text, index, stop);
      if (line > startLine) {
        folds.push({ startLine, endLine: line, kind: 'comment' });
      }
      index = stop;
      continue;
    }
    if (char === '"' && text.startsWith('"""', index)) {
      const startLine = line;
      const end = text.indexOf('"""', index + 3);
      const stop = end < 0 ? length : end + 3;
      line += countNewlines(text, index, stop);
      if (line > startLine) {
        folds.push({ startLine, endLine: line, kind: 'string' });
      }
      index = stop;
      continue;
    }
    if (char === '"') {
      index = skipLineString(text, index);
      continue;
    }
    if (char === '{') {
      if (openBraces.length < MaxDepth) {
        openBraces.push(line);
      }
      index++;
      continue;
    }
    if (char === '}') {
      const startLine = openBraces.pop();
      if (startLine !== undefined && line - 1 > startLine) {
        folds.push({ startLine, endLine: line - 1, kind: 'block' });
      }
      index++;
      continue;
    }
    index++;
  }

  return folds.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) {
    if (text.charCodeAt(index) === 10) {
      count++;
    }
  }
  return count;
}

/** The index just after a one-line string starting at `start`, or of the line end if unterminated. */
function skipLineString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\' && text[index + 1] !== '\n') {
      index += 2;
      continue;
    }
    if (char === '"') {
      return index + 1;
    }
    if (char === '\n') {
      return index;
    }
    index++;
  }
  return text.length;
}
