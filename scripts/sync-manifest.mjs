// Writes what is derived from the rule registry and the settings schema (run after `tsc -b`):
// package.json `contributes.configuration.properties` and the rules table in README.md.
// `core.test` fails when either drifts apart from the registry.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { configurationProperties } = require('../out/server/src/core/configurationSchema.js');
const { withRulesTable } = require('../out/server/src/core/rulesTable.js');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
pkg.contributes.configuration.properties = configurationProperties();
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
writeFileSync('README.md', withRulesTable(readFileSync('README.md', 'utf8')));
console.log('package.json configuration and README rules table updated');
