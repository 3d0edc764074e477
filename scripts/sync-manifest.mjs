// Writes package.json `contributes.configuration.properties` from the settings schema and the
// rule registry (run after `tsc -b`). The test `manifest.test` fails when they drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { configurationProperties } = require('../out/server/src/core/configurationSchema.js');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
pkg.contributes.configuration.properties = configurationProperties();
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
console.log('package.json configuration updated');
