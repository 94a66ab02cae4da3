// PostgreSQL for the suites: a fresh database per server, on the server
// named by INCOGNITO_TEST_POSTGRES_URL (the same variable the Go tests read).
// When no server answers, the PostgreSQL runs are skipped with the reason,
// or fail when INCOGNITO_REQUIRE_POSTGRES=1.

import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const URL_ENV = 'INCOGNITO_TEST_POSTGRES_URL';
export const REQUIRE_ENV = 'INCOGNITO_REQUIRE_POSTGRES';
export const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable';

export const serverURL = () => process.env[URL_ENV] || DEFAULT_URL;
export const required = () => process.env[REQUIRE_ENV] === '1';

/** The URL without its password, for messages. */
export function redact(url) {
	try {
		const u = new URL(url);
		if (u.password) u.password = 'xxxxx';
		return u.toString();
	} catch {
		return '(unparseable URL)';
	}
}

// pg reads only some of libpq's query parameters; sslmode=disable is the one
// the default URL carries, and pg wants ssl: false for it.
function clientConfig(url) {
	const u = new URL(url);
	const ssl = u.searchParams.get('sslmode');
	u.searchParams.delete('sslmode');
	return { connectionString: u.toString(), ssl: ssl === 'disable' || ssl === null ? false : { rejectUnauthorized: false }, connectionTimeoutMillis: 5000 };
}

async function withAdmin(f) {
	const client = new pg.Client(clientConfig(serverURL()));
	await client.connect();
	try {
		return await f(client);
	} finally {
		await client.end();
	}
}

let probe;

/**
 * Whether PostgreSQL answers: null when it does, else why not (a message
 * naming the URL and how to provide a server).
 */
export function unavailableReason() {
	probe ??= withAdmin(c => c.query('SELECT 1')).then(
		() => null,
		err =>
			`PostgreSQL was not reachable at ${redact(serverURL())}: ${err.message}. ` +
			`Start one there with trust authentication (e.g. docker run --rm -p 5432:5432 ` +
			`-e POSTGRES_HOST_AUTH_METHOD=trust postgres) or set ${URL_ENV}; ` +
			`with ${REQUIRE_ENV}=1 this is a failure instead of a skip.`,
	);
	return probe;
}

/** Creates an empty database; returns its URL and a function dropping it. */
export async function createDatabase() {
	const name = 'incognito_jstest_' + randomBytes(8).toString('hex');
	await withAdmin(c => c.query(`CREATE DATABASE ${name}`));
	const u = new URL(serverURL());
	u.pathname = '/' + name;
	return {
		url: u.toString(),
		drop: () => withAdmin(c => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
	};
}
