#!/usr/bin/env bash
# CI entry point for the VS Code extension: clean install, tests, .vsix.
# Fails on the first failing step. Run from anywhere.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

echo "== editor-extension: node $(node --version), npm $(npm --version)"
npm ci --no-audit --no-fund
npm test
npm run package
echo "== editor-extension: ok ($(ls -1 ./*.vsix))"
