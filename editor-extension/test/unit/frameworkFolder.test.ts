import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { declaresFramework, findFrameworkFolder, findFrameworkFolders, frameworkFileIn } from '../../src/frameworkFolder';
import { nodeFolderReader } from '../../src/nodeFileSystem';

describe('declaresFramework', () => {
  it('finds a top-level framework declaration', () => {
    assert.equal(declaresFramework('framework "Probation" {\n  version "1"\n}\n'), true);
  });

  it('finds it after comments, strings and other declarations', () => {
    const text = [
      '// framework "not this"',
      '/* framework "nor this" */',
      'import "../common/answers.rules"',
      'answers YesNo { yes "Yes" positive no "No" }',
      'framework "Real" { }',
    ].join('\n');
    assert.equal(declaresFramework(text), true);
  });

  it('ignores the word inside comments, strings and blocks', () => {
    assert.equal(declaresFramework('// framework "x"\n'), false);
    assert.equal(declaresFramework('/* framework "x" */'), false);
    assert.equal(declaresFramework('scale S { summary "framework \\"x\\"" }'), false);
    assert.equal(declaresFramework('guidance """\nframework "x"\n"""'), false);
    assert.equal(declaresFramework('answers A { framework "An option called framework" }'), false);
  });

  it('needs a string after the keyword', () => {
    assert.equal(declaresFramework('case { framework "Label" : number }'), false);
    assert.equal(declaresFramework('framework\n  "Spread over lines" {}'), true);
    assert.equal(declaresFramework('framework = "x"'), false);
  });

  it('survives unterminated strings and comments', () => {
    assert.equal(declaresFramework('/* never closed framework "x"'), false);
    assert.equal(declaresFramework('"never closed\nframework "x" {}'), true);
    assert.equal(declaresFramework('"""never closed framework "x"'), false);
    assert.equal(declaresFramework('}}} framework "x"'), true);
    assert.equal(declaresFramework(''), false);
  });
});

describe('findFrameworkFolder (on disk)', () => {
  let root: string;
  const write = (relative: string, text: string): string => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-ext-test-'));
    fs.mkdirSync(path.join(root, '.git'));
    write('rules/probation/framework.rules', 'framework "Probation" { version "1" scale Rating }');
    write('rules/probation/domain2/implementation.rules', 'domain 2 "Case supervision" { }');
    write('rules/probation/youth/framework.rules', '// a framework of its own\nframework "Youth" { }');
    write('rules/probation/youth/deep/a.rules', 'domain 1 "D" { }');
    write('rules/common/answers.rules', 'answers YesNo { yes "Yes" positive\n no "No" }');
    write('rules/common/notes.txt', 'framework "not a rules file"');
  });

  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('finds the framework of a file in the framework folder', () => {
    const file = path.join(root, 'rules/probation/framework.rules');
    assert.deepEqual(findFrameworkFolder(file, nodeFolderReader), {
      kind: 'framework',
      folder: path.join(root, 'rules/probation'),
      declaredIn: file,
    });
  });

  it('finds the framework of a file in a sub-folder', () => {
    const result = findFrameworkFolder(path.join(root, 'rules/probation/domain2/implementation.rules'), nodeFolderReader);
    assert.equal(result.kind, 'framework');
    assert.equal(result.kind === 'framework' ? result.folder : '', path.join(root, 'rules/probation'));
  });

  it('stops at the nearest framework: a deeper folder with its own framework', () => {
    const result = findFrameworkFolder(path.join(root, 'rules/probation/youth/deep/a.rules'), nodeFolderReader);
    assert.equal(result.kind === 'framework' ? result.folder : '', path.join(root, 'rules/probation/youth'));
  });

  it('calls a file under no framework a library, stopping at the .git root', () => {
    const file = path.join(root, 'rules/common/answers.rules');
    assert.deepEqual(findFrameworkFolder(file, nodeFolderReader), { kind: 'library', file });
  });

  it('stops at a workspace folder', () => {
    const file = path.join(root, 'rules/probation/domain2/implementation.rules');
    const result = findFrameworkFolder(file, nodeFolderReader, [path.join(root, 'rules/probation/domain2')]);
    assert.deepEqual(result, { kind: 'library', file });
  });

  it('only reads .rules files', () => {
    assert.equal(frameworkFileIn(path.join(root, 'rules/common'), nodeFolderReader), undefined);
  });

  it('lists every framework folder under a root', () => {
    assert.deepEqual(findFrameworkFolders(root, nodeFolderReader), [
      path.join(root, 'rules/probation'),
      path.join(root, 'rules/probation/youth'),
    ]);
  });

  it('copes with a folder that does not exist', () => {
    const file = path.join(root, 'missing/x.rules');
    assert.deepEqual(findFrameworkFolder(file, nodeFolderReader, [root]), { kind: 'library', file });
  });
});
