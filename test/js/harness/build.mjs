// Builds the incognito binary the suites run. `npm test` (harness/run.mjs)
// builds it once and hands its path to every test process in INCOGNITO_BIN;
// a test file run on its own (`node --test suites/x.test.mjs`) builds its
// own copy, once per process.

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository root (test/js/harness -> ../../..). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Builds ./cmd/incognito into dir and returns the binary's path. */
export async function buildInto(dir) {
	const bin = path.join(dir, process.platform === 'win32' ? 'incognito.exe' : 'incognito');
	try {
		await run('go', ['build', '-o', bin, './cmd/incognito'], {
			cwd: repoRoot,
			maxBuffer: 16 << 20,
			env: process.env,
		});
	} catch (err) {
		throw new Error(`go build ./cmd/incognito failed:\n${err.stderr || err.message}`);
	}
	return bin;
}

let built;

/** The binary to run: INCOGNITO_BIN if set, else one built for this process. */
export function incognitoBinary() {
	if (process.env.INCOGNITO_BIN) return Promise.resolve(process.env.INCOGNITO_BIN);
	built ??= (async () => {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'incognito-bin-'));
		process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
		return buildInto(dir);
	})();
	return built;
}
