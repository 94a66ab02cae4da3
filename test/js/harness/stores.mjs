// Runs a suite once per store: SQLite (the embedded store) and PostgreSQL.
// Each run gets its own server, started before the suite's tests and stopped
// after them. INCOGNITO_TEST_STORES=sqlite (or postgres) narrows the list.

import { after, before, describe, test } from 'node:test';
import * as postgres from './postgres.mjs';
import { startServer } from './server.mjs';

/** The stores to run on, each with skip (a reason) or fail (a reason) when PostgreSQL is absent. */
export async function storeList() {
	const wanted = (process.env.INCOGNITO_TEST_STORES || 'sqlite,postgres').split(',').map(s => s.trim());
	const out = [];
	if (wanted.includes('sqlite')) out.push({ name: 'sqlite' });
	if (wanted.includes('postgres')) {
		const reason = await postgres.unavailableReason();
		if (reason === null) out.push({ name: 'postgres' });
		else if (postgres.required()) out.push({ name: 'postgres', fail: reason });
		else out.push({ name: 'postgres', skip: reason });
	}
	return out;
}

/**
 * Registers `describe(title [store])` for every store. body(ctx) registers
 * the tests; ctx.server is the running server once the before hooks ran
 * (hooks body registers run after the server is up). serverOptions go to
 * startServer (e.g. { issuerStyle: 'aws' }).
 */
export async function eachStore(title, body, serverOptions = {}) {
	for (const store of await storeList()) {
		const name = `${title} [${store.name}]`;
		if (store.skip) {
			test(name, { skip: store.skip }, () => {});
			continue;
		}
		if (store.fail) {
			test(name, () => {
				throw new Error(store.fail);
			});
			continue;
		}
		describe(name, () => {
			const ctx = { store: store.name, server: undefined };
			before(async () => {
				ctx.server = await startServer({ ...serverOptions, store: store.name });
			});
			after(async () => {
				await ctx.server?.stop();
			});
			body(ctx);
		});
	}
}
