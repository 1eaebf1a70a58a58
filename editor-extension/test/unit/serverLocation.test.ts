import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  describeCommand,
  expandVariables,
  FileProbe,
  findOnPath,
  resolveServerLocation,
  ResolveOptions,
  rulesCommand,
  selfAndAncestors,
} from '../../src/serverLocation';

/** A probe over a fixed set of files and folders. */
function probe(files: readonly string[], folders: readonly string[] = []): FileProbe {
  return { isFile: (p) => files.includes(p), isDirectory: (p) => folders.includes(p) };
}

const debugDll = (root: string): string => path.join(root, 'src', 'Rules.Cli', 'bin', 'Debug', 'net10.0', 'rules.dll');
const releaseDll = (root: string): string => path.join(root, 'src', 'Rules.Cli', 'bin', 'Release', 'net10.0', 'rules.dll');

function options(overrides: Partial<ResolveOptions>): ResolveOptions {
  return {
    configuredPath: '',
    workspaceFolders: ['/repo/rules'],
    pathVariable: '/usr/bin:/usr/local/bin',
    platform: 'linux',
    probe: probe([]),
    ...overrides,
  };
}

describe('resolveServerLocation', () => {
  it('finds the Debug build output in a parent of the workspace folder (../src/Rules.Cli/...)', () => {
    const result = resolveServerLocation(options({ probe: probe([debugDll('/repo')]) }));
    assert.deepEqual(result, { ok: true, location: { kind: 'dll', path: debugDll('/repo'), source: 'build output' } });
  });

  it('finds the build output in the workspace folder itself before its parents', () => {
    const result = resolveServerLocation(options({ workspaceFolders: ['/repo'], probe: probe([debugDll('/repo'), debugDll('/')]) }));
    assert.ok(result.ok);
    assert.equal(result.location.path, debugDll('/repo'));
  });

  it('prefers Release (precompiled, quicker to start) over Debug', () => {
    const result = resolveServerLocation(options({ probe: probe([releaseDll('/repo'), debugDll('/repo')]) }));
    assert.ok(result.ok);
    assert.equal(result.location.path, releaseDll('/repo'));
  });

  it('falls back to Debug', () => {
    const result = resolveServerLocation(options({ probe: probe([debugDll('/repo')]) }));
    assert.ok(result.ok);
    assert.equal(result.location.path, debugDll('/repo'));
  });

  it('looks beside the extension when no workspace folder is open', () => {
    const result = resolveServerLocation(
      options({ workspaceFolders: [], extensionPath: '/checkout/editor-extension', probe: probe([debugDll('/checkout')]) }),
    );
    assert.ok(result.ok);
    assert.equal(result.location.path, debugDll('/checkout'));
  });

  it('falls back to rules on PATH', () => {
    const result = resolveServerLocation(options({ probe: probe(['/usr/local/bin/rules']) }));
    assert.deepEqual(result, { ok: true, location: { kind: 'executable', path: '/usr/local/bin/rules', source: 'PATH' } });
  });

  it('explains what it searched when nothing is found', () => {
    const result = resolveServerLocation(options({}));
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.match(result.message, /dotnet build src\/Rules\.Cli/);
    assert.match(result.message, /inspectionRules\.server\.path/);
    assert.ok(result.searched.includes(debugDll('/repo')));
    assert.ok(result.searched.includes('rules on PATH'));
  });

  it('uses a configured dll', () => {
    const result = resolveServerLocation(options({ configuredPath: '/opt/rules/rules.dll', probe: probe(['/opt/rules/rules.dll']) }));
    assert.deepEqual(result, { ok: true, location: { kind: 'dll', path: '/opt/rules/rules.dll', source: 'setting' } });
  });

  it('resolves a relative setting against the first workspace folder', () => {
    const dll = debugDll('/repo');
    const result = resolveServerLocation(
      options({ configuredPath: '../src/Rules.Cli/bin/Debug/net10.0/rules.dll', probe: probe([dll]) }),
    );
    assert.ok(result.ok);
    assert.equal(result.location.path, dll);
    assert.equal(result.location.kind, 'dll');
  });

  it('expands ${workspaceFolder} and ~ in the setting', () => {
    assert.equal(expandVariables('${workspaceFolder}/x.dll', { workspaceFolders: ['/w'] }), '/w/x.dll');
    assert.equal(expandVariables('~/tools/rules', { workspaceFolders: [], homeDirectory: '/home/me' }), '/home/me/tools/rules');
    assert.equal(expandVariables('a~b', { workspaceFolders: [], homeDirectory: '/home/me' }), 'a~b');
  });

  it('treats a configured non-dll file as an executable', () => {
    const result = resolveServerLocation(options({ configuredPath: '/opt/rules/rules', probe: probe(['/opt/rules/rules']) }));
    assert.ok(result.ok);
    assert.equal(result.location.kind, 'executable');
  });

  it('accepts a configured folder holding rules.dll', () => {
    const result = resolveServerLocation(
      options({ configuredPath: '/opt/rules', probe: probe(['/opt/rules/rules.dll'], ['/opt/rules']) }),
    );
    assert.ok(result.ok);
    assert.equal(result.location.path, '/opt/rules/rules.dll');
  });

  it('looks a bare configured command name up on PATH', () => {
    const result = resolveServerLocation(options({ configuredPath: 'rules', probe: probe(['/usr/bin/rules']) }));
    assert.deepEqual(result, { ok: true, location: { kind: 'executable', path: '/usr/bin/rules', source: 'setting' } });
  });

  it('reports a configured path that does not exist, naming it', () => {
    const result = resolveServerLocation(options({ configuredPath: '/nowhere/rules.dll', probe: probe([debugDll('/repo')]) }));
    assert.ok(!result.ok);
    assert.match(result.message, /\/nowhere\/rules\.dll/);
    assert.match(result.message, /does not exist/);
  });
});

describe('findOnPath', () => {
  it('tries PATHEXT extensions on Windows', () => {
    const found = findOnPath('rules', {
      pathVariable: 'C:\\tools;C:\\Users\\me\\.dotnet\\tools',
      platform: 'win32',
      pathExtensions: '.COM;.EXE',
      probe: probe(['C:\\Users\\me\\.dotnet\\tools\\rules.exe']),
    });
    assert.equal(found, 'C:\\Users\\me\\.dotnet\\tools\\rules.exe');
  });

  it('skips empty PATH entries', () => {
    assert.equal(findOnPath('rules', { pathVariable: '::/bin', platform: 'linux', probe: probe(['/bin/rules']) }), '/bin/rules');
  });
});

describe('rulesCommand', () => {
  it('runs a dll with dotnet', () => {
    assert.deepEqual(rulesCommand({ kind: 'dll', path: '/r/rules.dll', source: 'setting' }, 'dotnet', ['lsp']), {
      command: 'dotnet',
      args: ['/r/rules.dll', 'lsp'],
    });
  });

  it('uses the configured dotnet, or dotnet when the setting is blank', () => {
    assert.equal(rulesCommand({ kind: 'dll', path: 'x.dll', source: 'setting' }, '/opt/dotnet/dotnet', []).command, '/opt/dotnet/dotnet');
    assert.equal(rulesCommand({ kind: 'dll', path: 'x.dll', source: 'setting' }, '  ', []).command, 'dotnet');
  });

  it('runs an executable directly', () => {
    assert.deepEqual(rulesCommand({ kind: 'executable', path: '/usr/bin/rules', source: 'PATH' }, 'dotnet', ['test', '/f']), {
      command: '/usr/bin/rules',
      args: ['test', '/f'],
    });
  });

  it('describes a command line with quoting', () => {
    assert.equal(describeCommand({ command: 'dotnet', args: ['/my dir/rules.dll', 'lsp'] }), 'dotnet "/my dir/rules.dll" lsp');
  });
});

describe('selfAndAncestors', () => {
  it('lists the folder and every parent up to the root', () => {
    assert.deepEqual(selfAndAncestors('/a/b'), ['/a/b', '/a', '/']);
  });
});
