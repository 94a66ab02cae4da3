// Starts a real Incognito server for a suite: the binary from build.mjs on a
// free loopback port, a fresh data directory (and a fresh PostgreSQL
// database when asked), admin keys the server checks, and the clients and
// helpers the suites use to drive it.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { incognitoBinary } from './build.mjs';
import * as postgres from './postgres.mjs';

export const REGION = 'us-east-1';

// The admin keys every server is started with. IAM-signed operations (and
// the outbox) must be signed with these; the server verifies the signature.
// Frozen: hand the SDK copies ({ ...ADMIN }), it annotates what it is given.
export const ADMIN = Object.freeze({
	accessKeyId: 'AKIAINCOGNITOJSTEST01',
	secretAccessKey: 'incognito-js-test-secret-key-000000000000',
});

// Keys the server does not know: what an app without AWS credentials would
// have at best. Public operations must work with them, admin ones must not.
export const UNKNOWN_KEYS = Object.freeze({
	accessKeyId: 'AKIAUNKNOWNJSTEST0001',
	secretAccessKey: 'not-a-key-incognito-knows-000000000000000',
});

const START_TIMEOUT_MS = 30_000;
const LOG_LINES = 400;

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

// The child's environment: ours without INCOGNITO_* settings, so that a
// developer's INCOGNITO_SMTP_URL or INCOGNITO_CONFIG cannot change what the
// suites see. The flags below say everything the server needs.
function childEnv() {
	const env = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (!k.startsWith('INCOGNITO_')) env[k] = v;
	}
	return env;
}

/** A running server. Use startServer to make one. */
export class Server {
	/** @internal */
	constructor({ proc, port, dataDir, issuerStyle, store, database, logs }) {
		this.proc = proc;
		this.port = port;
		this.url = `http://127.0.0.1:${port}`;
		this.dataDir = dataDir;
		this.issuerStyle = issuerStyle;
		this.store = store;
		this.database = database;
		this._logs = logs;
		this._seen = new Set();
		/** JS SDK v3 client signing with the admin keys. */
		this.idp = new CognitoIdentityProviderClient({ region: REGION, endpoint: this.url, credentials: { ...ADMIN }, maxAttempts: 1 });
		/**
		 * JS SDK v3 client with keys the server does not know, for the public
		 * operations (InitiateAuth, GetUser, SignUp, ...) an app calls.
		 */
		this.publicIdp = new CognitoIdentityProviderClient({ region: REGION, endpoint: this.url, credentials: { ...UNKNOWN_KEYS }, maxAttempts: 1 });
		this._signer = new SignatureV4({ credentials: { ...ADMIN }, region: REGION, service: 'cognito-idp', sha256: Sha256 });
	}

	/** The `iss` tokens of poolId carry. */
	issuer(poolId) {
		return this.issuerStyle === 'aws' ? `https://cognito-idp.${REGION}.amazonaws.com/${poolId}` : `${this.url}/${poolId}`;
	}

	/** Where this server serves poolId's JWKS (always on its own URL). */
	jwksUri(poolId) {
		return `${this.url}/${poolId}/.well-known/jwks.json`;
	}

	/** GETs a JSON document from the server, unsigned. */
	async getJSON(pathAndQuery) {
		const res = await fetch(this.url + pathAndQuery);
		const text = await res.text();
		if (res.status !== 200) throw new Error(`GET ${pathAndQuery}: HTTP ${res.status}: ${text}`);
		return JSON.parse(text);
	}

	/** The pool's JWKS document. */
	jwks(poolId) {
		return this.getJSON(`/${poolId}/.well-known/jwks.json`);
	}

	/**
	 * The development outbox of a pool, newest first:
	 * GET /_incognito/outbox?userPoolId=<id>, SigV4-signed for cognito-idp
	 * with the admin keys. Returns the Messages array ({Body, Destination,
	 * Kind, ...}).
	 */
	async outbox(poolId) {
		const query = { userPoolId: poolId };
		const signed = await this._signer.sign({
			method: 'GET',
			protocol: 'http:',
			hostname: '127.0.0.1',
			port: this.port,
			path: '/_incognito/outbox',
			query,
			headers: { host: `127.0.0.1:${this.port}` },
		});
		const headers = { ...signed.headers };
		delete headers.host; // fetch sends the same Host itself
		const res = await fetch(`${this.url}/_incognito/outbox?${new URLSearchParams(query)}`, { headers });
		const text = await res.text();
		if (res.status !== 200) {
			throw new Error(`GET /_incognito/outbox?userPoolId=${poolId}: HTTP ${res.status}: ${text}`);
		}
		const doc = JSON.parse(text);
		if (!Array.isArray(doc.Messages)) throw new Error(`outbox answer has no Messages array: ${text}`);
		return doc.Messages;
	}

	/**
	 * Waits for the newest outbox message of poolId to destination (and of
	 * kind, when given) that no earlier call returned, and returns it.
	 */
	async nextMessage(poolId, { destination, kind, timeoutMs = 5000 } = {}) {
		const deadline = Date.now() + timeoutMs;
		let last = [];
		for (;;) {
			last = await this.outbox(poolId);
			const m = last.find(
				m =>
					!this._seen.has(messageKey(m)) &&
					(destination === undefined || String(m.Destination).toLowerCase() === destination.toLowerCase()) &&
					(kind === undefined || m.Kind === kind),
			);
			if (m) {
				this._seen.add(messageKey(m));
				return m;
			}
			if (Date.now() > deadline) {
				throw new Error(
					`no new outbox message for ${destination ?? 'any destination'}${kind ? ` of kind ${kind}` : ''} in pool ${poolId}; ` +
						`outbox holds: ${JSON.stringify(last.map(({ Destination, Kind, Body }) => ({ Destination, Kind, Body })))}`,
				);
			}
			await sleep(100);
		}
	}

	/** The 6-digit code of the next message to destination (see nextMessage). */
	async nextCode(poolId, opts) {
		const m = await this.nextMessage(poolId, opts);
		const code = /\b(\d{6})\b/.exec(m.Body ?? '')?.[1];
		if (!code) throw new Error(`outbox message has no 6-digit code: ${JSON.stringify(m)}`);
		return code;
	}

	/** The server's recent log lines. */
	logs() {
		return this._logs.join('\n');
	}

	/** Stops the server (SIGTERM, then SIGKILL after 10 s) and removes its data. */
	async stop() {
		this.idp.destroy();
		this.publicIdp.destroy();
		await stopProcess(this.proc);
		rmSync(this.dataDir, { recursive: true, force: true });
		if (this.database) {
			try {
				await this.database.drop();
			} catch (err) {
				console.error(`dropping the test database: ${err.message}`);
			}
		}
	}
}

function messageKey(m) {
	return m.Id ?? m.MessageId ?? JSON.stringify(m);
}

function stopProcess(proc) {
	if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
	return new Promise(resolve => {
		const kill = setTimeout(() => proc.kill('SIGKILL'), 10_000);
		proc.once('exit', () => {
			clearTimeout(kill);
			resolve();
		});
		proc.kill('SIGTERM');
	});
}

/**
 * Starts a server. Options: store 'sqlite' (default) or 'postgres' (a fresh
 * database on INCOGNITO_TEST_POSTGRES_URL), issuerStyle 'aws' for
 * --issuer-style aws. Set INCOGNITO_TEST_LOGS=1 to see the server's log.
 */
export async function startServer({ store = 'sqlite', issuerStyle } = {}) {
	const bin = await incognitoBinary();
	const database = store === 'postgres' ? await postgres.createDatabase() : undefined;
	let lastError;
	for (let attempt = 0; attempt < 3; attempt++) {
		const dataDir = mkdtempSync(path.join(os.tmpdir(), 'incognito-data-'));
		const port = await freePort();
		const args = [
			'serve',
			'--addr', `127.0.0.1:${port}`,
			'--data', dataDir,
			'--admin-access-key-id', ADMIN.accessKeyId,
			'--admin-secret-access-key', ADMIN.secretAccessKey,
			'--region', REGION,
		];
		if (issuerStyle) args.push('--issuer-style', issuerStyle);
		if (database) args.push('--database-url', database.url);

		const logs = [];
		const proc = spawn(bin, args, { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
		const verbose = process.env.INCOGNITO_TEST_LOGS === '1';
		for (const stream of [proc.stdout, proc.stderr]) {
			let partial = '';
			stream.setEncoding('utf8');
			stream.on('data', chunk => {
				const lines = (partial + chunk).split('\n');
				partial = lines.pop();
				for (const line of lines) {
					logs.push(line);
					if (logs.length > LOG_LINES) logs.shift();
					if (verbose) process.stderr.write(`[incognito :${port}] ${line}\n`);
				}
			});
		}
		const exited = new Promise(resolve => proc.once('exit', (code, sig) => resolve(`exited with ${code ?? sig}`)));
		// Never leave a server behind, even when a test process dies.
		const onExit = () => proc.kill('SIGKILL');
		process.once('exit', onExit);
		proc.once('exit', () => process.removeListener('exit', onExit));

		const server = new Server({ proc, port, dataDir, issuerStyle, store, database, logs });
		const ready = await waitHealthy(server.url, exited);
		if (ready === true) return server;
		lastError = new Error(`incognito ${args.join(' ')} did not become healthy: ${ready}\n--- server log ---\n${logs.join('\n')}`);
		await stopProcess(proc);
		rmSync(dataDir, { recursive: true, force: true });
		// Only a lost race for the port is worth another attempt.
		if (!/address already in use/i.test(logs.join('\n'))) break;
	}
	if (database) await database.drop().catch(() => {});
	throw lastError;
}

async function waitHealthy(url, exited) {
	let exitReason;
	exited.then(r => (exitReason = r));
	const deadline = Date.now() + START_TIMEOUT_MS;
	let lastProblem = 'no answer';
	while (Date.now() < deadline) {
		if (exitReason) return exitReason;
		try {
			const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
			const body = await res.text();
			if (res.status === 200) return true;
			lastProblem = `GET /health: HTTP ${res.status} ${body}`;
		} catch (err) {
			lastProblem = err.cause?.code ?? err.message;
		}
		await sleep(50);
	}
	return `timed out after ${START_TIMEOUT_MS} ms (${lastProblem})`;
}
