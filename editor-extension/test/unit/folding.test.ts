import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeFolds } from '../../src/folding';

describe('computeFolds', () => {
  it('folds nested blocks, keeping the closing brace visible', () => {
    const text = ['domain 2 "D" {', '  standard 2.4 "S" {', '    rated by inspector', '  }', '}'].join('\n');
    assert.deepEqual(computeFolds(text), [
      { startLine: 0, endLine: 3, kind: 'block' },
      { startLine: 1, endLine: 2, kind: 'block' },
    ]);
  });

  it('folds multi-line comments and guidance strings', () => {
    const text = ['/* a', '   b */', 'guidance """', '  text', '  """'].join('\n');
    assert.deepEqual(computeFolds(text), [
      { startLine: 0, endLine: 1, kind: 'comment' },
      { startLine: 2, endLine: 4, kind: 'string' },
    ]);
  });

  it('ignores braces in strings and comments, and one-line blocks', () => {
    const text = ['case { a "{" : number }', '// {', 'x {', '  "}" /* } */', '}'].join('\n');
    assert.deepEqual(computeFolds(text), [{ startLine: 2, endLine: 3, kind: 'block' }]);
  });

  it('tolerates unbalanced and unterminated input', () => {
    assert.deepEqual(computeFolds('}\n}\n{'), []);
    assert.deepEqual(computeFolds('x {\n"unterminated\n}'), [{ startLine: 0, endLine: 1, kind: 'block' }]);
    assert.deepEqual(computeFolds('/* open\n\n'), [{ startLine: 0, endLine: 2, kind: 'comment' }]);
  });

  it('handles deep nesting without failing', () => {
    const depth = 1000;
    const text = '{\n'.repeat(depth) + '}\n'.repeat(depth);
    const folds = computeFolds(text);
    assert.ok(folds.length > 0 && folds.length <= 256);
  });
});
