#!/usr/bin/env node
// `npm test`: builds the incognito binary once, then runs every suite under
// suites/ with Node's test runner, each file in its own process, all using
// that binary (INCOGNITO_BIN). Extra arguments go to `node --test`, e.g.
// `npm test -- --test-name-pattern=amplify`.

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildInto } from './build.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const suitesDir = path.resolve(here, '../suites');

const binDir = mkdtempSync(path.join(os.tmpdir(), 'incognito-bin-'));
const cleanup = () => rmSync(binDir, { recursive: true, force: true });

let code = 1;
try {
	const started = Date.now();
	const bin = await buildInto(binDir);
	console.log(`built ${bin} in ${((Date.now() - started) / 1000).toFixed(1)}s`);

	const args = process.argv.slice(2);
	const files = args.some(a => !a.startsWith('-'))
		? []
		: readdirSync(suitesDir)
				.filter(f => f.endsWith('.test.mjs'))
				.sort()
				.map(f => path.join(suitesDir, f));
	const child = spawn(process.execPath, ['--test', ...args, ...files], {
		stdio: 'inherit',
		env: {
			// The JS SDK warns on Node 20 that releases after January 2027 need
			// Node 22; harmless here and noisy in every test process.
			AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
			...process.env,
			INCOGNITO_BIN: bin,
		},
	});
	const forward = sig => child.kill(sig);
	process.on('SIGINT', forward);
	process.on('SIGTERM', forward);
	code = await new Promise(resolve => child.on('exit', (c, sig) => resolve(c ?? (sig ? 1 : 0))));
} catch (err) {
	console.error(err.message);
} finally {
	cleanup();
}
process.exit(code);
