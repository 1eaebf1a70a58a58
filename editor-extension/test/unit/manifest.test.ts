// Checks the static parts of the extension: package.json contributions, the grammar, the
// language configuration and the snippets, without starting VS Code.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

/** The extension folder (this file runs from out/test/unit). */
const root = path.resolve(__dirname, '..', '..', '..');
const readJson = (relative: string): any => JSON.parse(fs.readFileSync(path.join(root, relative), 'utf8'));

const manifest = readJson('package.json');

describe('package.json', () => {
  it('contributes the inspection-rules language for .rules files', () => {
    const language = manifest.contributes.languages.find((l: any) => l.id === 'inspection-rules');
    assert.ok(language, 'language inspection-rules');
    assert.deepEqual(language.extensions, ['.rules']);
    assert.ok(fs.existsSync(path.join(root, language.configuration)));
  });

  it('points at files that exist', () => {
    for (const grammar of manifest.contributes.grammars) {
      assert.ok(fs.existsSync(path.join(root, grammar.path)), grammar.path);
    }
    for (const snippet of manifest.contributes.snippets) {
      assert.ok(fs.existsSync(path.join(root, snippet.path)), snippet.path);
    }
    assert.equal(manifest.main, './dist/extension.js');
  });

  it('gives editors a schema for rules.json that is packaged and lists the diagnostic ids', () => {
    const [validation] = manifest.contributes.jsonValidation;
    assert.equal(validation.fileMatch, 'rules.json');
    const schema = readJson(validation.url);
    const ids = Object.keys(schema.properties.diagnostics.properties);
    assert.ok(ids.includes('RL0403') && ids.includes('RL0001'), 'diagnostic ids');
    assert.deepEqual(schema.properties.diagnostics.properties.RL0001.enum, ['error']);
    const packaged = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(packaged.includes('!schemas/**'), '.vscodeignore keeps the schema in the VSIX');
  });

  it('declares the commands the extension registers', () => {
    const source = fs.readFileSync(path.join(root, 'src', 'extension.ts'), 'utf8');
    const declared = manifest.contributes.commands.map((c: any) => c.command).sort();
    const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(declared, ['inspectionRules.evaluateCases', 'inspectionRules.restartServer', 'inspectionRules.runTests']);
    assert.deepEqual(registered, declared);
  });

  it('declares the settings with their defaults', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.equal(properties['inspectionRules.server.path'].default, '');
    assert.equal(properties['inspectionRules.dotnet.path'].default, 'dotnet');
    assert.deepEqual(properties['inspectionRules.trace.server'].enum, ['off', 'messages', 'verbose']);
    assert.equal(properties['inspectionRules.trace.server'].default, 'off');
  });
});

describe('grammar', () => {
  const grammar = readJson('syntaxes/inspection-rules.tmLanguage.json');

  /** Every scope name the grammar assigns. */
  function scopes(node: unknown, found: Set<string>): Set<string> {
    if (Array.isArray(node)) {
      node.forEach((child) => scopes(child, found));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'name' && typeof value === 'string') {
          value.split(/\s+/).forEach((scope) => found.add(scope));
        } else {
          scopes(value, found);
        }
      }
    }
    return found;
  }

  it('has the scope name that package.json names', () => {
    assert.equal(grammar.scopeName, manifest.contributes.grammars[0].scopeName);
  });

  it('has a grammar test asserting every scope it assigns', () => {
    const tests = fs
      .readdirSync(path.join(root, 'test', 'grammar'))
      .filter((name) => name.endsWith('.rules'))
      .map((name) => fs.readFileSync(path.join(root, 'test', 'grammar', name), 'utf8'))
      .join('\n');
    const asserted = new Set(
      tests
        .split('\n')
        .filter((line) => /^\/\/\s*(\^|<)/.test(line))
        .flatMap((line) => line.replace(/^\/\/\s*[<~\-^]+\s*/, '').split(/\s+/)),
    );
    const missing = [...scopes([grammar.patterns, grammar.repository], new Set())].filter((scope) => !scope.startsWith('meta.') && !asserted.has(scope));
    assert.deepEqual(missing, []);
  });

  it('compiles every pattern as a regular expression (where JavaScript can read it)', () => {
    const patterns: string[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) {
        node.forEach(collect);
      } else if (node !== null && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if ((key === 'match' || key === 'begin' || key === 'end') && typeof value === 'string') {
            patterns.push(value);
          } else {
            collect(value);
          }
        }
      }
    };
    collect(grammar);
    assert.ok(patterns.length > 20);
    for (const pattern of patterns) {
      assert.doesNotThrow(() => new RegExp(pattern), pattern);
    }
  });
});

describe('language configuration', () => {
  const configuration = readJson('language-configuration.json');

  it('has comments, brackets and auto-closing quotes', () => {
    assert.equal(configuration.comments.lineComment, '//');
    assert.deepEqual(configuration.comments.blockComment, ['/*', '*/']);
    assert.deepEqual(configuration.brackets, [['{', '}'], ['(', ')']]);
    assert.ok(configuration.autoClosingPairs.some((pair: any) => pair.open === '"' && pair.close === '"'));
  });

  it('indents after an opening brace and outdents on a closing one', () => {
    const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
    assert.ok(increase.test('  standard 2.4 "Title" {'));
    assert.ok(!increase.test('  case { a: b }'));
    assert.ok(!increase.test('  // {'));
    assert.ok(decrease.test('  }'));
  });

  it('takes codes as words', () => {
    const word = new RegExp(configuration.wordPattern, 'g');
    assert.deepEqual('when 2.4.1.* is positive and 2.4.1.d'.match(word), ['when', '2.4.1.*', 'is', 'positive', 'and', '2.4.1.d']);
  });
});

describe('snippets', () => {
  const snippets: Record<string, { prefix: string; body: string[]; description: string }> = readJson('snippets/inspection-rules.json');

  it('cover every declaration', () => {
    const prefixes = new Set(Object.values(snippets).map((s) => s.prefix));
    for (const keyword of ['framework', 'scale', 'answers', 'domain', 'standard', 'key_question', 'prompt', 'breakdown', 'test', 'check', 'signal']) {
      assert.ok(prefixes.has(keyword), `snippet for ${keyword}`);
    }
  });

  it('balance their braces and use two spaces per level', () => {
    for (const [name, snippet] of Object.entries(snippets)) {
      const text = snippet.body.join('\n').replace(/\$\{\d+(:|\|)[^}]*\}/g, 'x');
      const open = (text.match(/\{/g) ?? []).length;
      const close = (text.match(/\}/g) ?? []).length;
      assert.equal(open, close, `${name}: braces`);
      for (const line of snippet.body) {
        const indent = /^ */.exec(line)?.[0].length ?? 0;
        assert.equal(indent % 2, 0, `${name}: "${line}"`);
        assert.ok(!line.includes('\t'), `${name}: tab`);
      }
    }
  });
});

describe('problem matcher', () => {
  const matcher = manifest.contributes.problemMatchers.find((m: any) => m.name === 'rules');

  it('reads the text lines of rules check (CLI.md)', () => {
    const match = new RegExp(matcher.pattern.regexp).exec('rules/probation/implementation.rules(12,9): error RL0102: no key question 2.4.9');
    assert.ok(match);
    const { file, line, column, severity, code, message } = matcher.pattern;
    assert.deepEqual(
      [match[file], match[line], match[column], match[severity], match[code], match[message]],
      ['rules/probation/implementation.rules', '12', '9', 'error', 'RL0102', 'no key question 2.4.9'],
    );
  });

  it('copes with parentheses in the path', () => {
    const match = new RegExp(matcher.pattern.regexp).exec('C:\\work (copy)\\a.rules(3,1): warning RL0401: answer set YesNo is never used');
    assert.equal(match?.[matcher.pattern.file], 'C:\\work (copy)\\a.rules');
  });
});
