// Admin setup through the real JS SDK v3 client (signed with the admin
// keys), and small helpers the suites share: SECRET_HASH, JWT decoding,
// error assertions and a recorder of what the libraries send.

import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import {
	AdminAddUserToGroupCommand,
	AdminCreateUserCommand,
	AdminSetUserPasswordCommand,
	CreateGroupCommand,
	CreateUserPoolClientCommand,
	CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';

/** A short random lowercase suffix. */
export const rand = (n = 6) => randomBytes(n).toString('hex').slice(0, n);

/** A fresh password meeting the default policy (upper, lower, digit, symbol, >= 8). */
export const newPassword = () => `Pw-${rand(8)}-Aa1!`;

/** A fresh username and matching email address. */
export function newIdentity(prefix = 'user') {
	const username = `${prefix}-${rand(8)}`;
	return { username, email: `${username}@example.com` };
}

/**
 * CreateUserPool with the settings the suites expect of an app's pool:
 * email verified automatically, email as alias (sign-in by verified email),
 * recovery by verified email, and email changes held until verified.
 * extra is merged into the request.
 */
export async function createPool(idp, extra = {}) {
	const out = await idp.send(
		new CreateUserPoolCommand({
			PoolName: `js-${rand(8)}`,
			AliasAttributes: ['email'],
			AutoVerifiedAttributes: ['email'],
			AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
			UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
			...extra,
		}),
	);
	return out.UserPool;
}

export const APP_FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];

/** CreateUserPoolClient; { secret: true } makes a client with a secret. */
export async function createClient(idp, poolId, { secret = false, flows = APP_FLOWS, ...extra } = {}) {
	const out = await idp.send(
		new CreateUserPoolClientCommand({
			UserPoolId: poolId,
			ClientName: `js-${secret ? 'secret' : 'public'}-${rand(6)}`,
			GenerateSecret: secret,
			ExplicitAuthFlows: flows,
			...extra,
		}),
	);
	const c = out.UserPoolClient;
	if (secret) assert.ok(c.ClientSecret, 'CreateUserPoolClient with GenerateSecret returns ClientSecret');
	return c;
}

/**
 * AdminCreateUser (no invitation sent) with the given attributes; with a
 * password and permanent (the default), AdminSetUserPassword --permanent so
 * the user is CONFIRMED; with temporaryPassword, the user stays
 * FORCE_CHANGE_PASSWORD.
 */
export async function createUser(idp, poolId, { username, password, temporaryPassword, attributes = {}, permanent = true }) {
	const out = await idp.send(
		new AdminCreateUserCommand({
			UserPoolId: poolId,
			Username: username,
			TemporaryPassword: temporaryPassword,
			MessageAction: 'SUPPRESS',
			UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value: String(Value) })),
		}),
	);
	if (password) {
		await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: password, Permanent: permanent }));
	}
	return out.User;
}

/** A confirmed user with a verified email; returns { username, email, password }. */
export async function createConfirmedUser(idp, poolId, prefix = 'user') {
	const { username, email } = newIdentity(prefix);
	const password = newPassword();
	await createUser(idp, poolId, { username, password, attributes: { email, email_verified: 'true' } });
	return { username, email, password };
}

export async function createGroup(idp, poolId, name, { precedence, addUsers = [] } = {}) {
	await idp.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: name, Precedence: precedence }));
	for (const u of addUsers) {
		await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: u, GroupName: name }));
	}
}

/** Cognito's SECRET_HASH: base64(HMAC-SHA256(secret, username + clientId)). */
export function secretHash(username, clientId, clientSecret) {
	return createHmac('sha256', clientSecret).update(username + clientId).digest('base64');
}

/** The payload of a JWT, unverified. */
export function claims(jwt) {
	const [, payload] = jwt.split('.');
	return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}

/** The header of a JWT, unverified. */
export function header(jwt) {
	return JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString('utf8'));
}

/** Attributes [{Name, Value}] as an object. */
export const attrs = list => Object.fromEntries((list ?? []).map(a => [a.Name, a.Value]));

/**
 * Asserts that promise rejects with a Cognito error of that name (the
 * wire's __type) and, when given, exactly that message. Works for the JS
 * SDK (err.name), amazon-cognito-identity-js (err.code) and amplify
 * (AuthError.name).
 */
export async function rejectsWith(promise, name, message) {
	let err;
	try {
		await promise;
	} catch (e) {
		err = e;
	}
	assert.ok(err, `expected ${name}${message ? ` "${message}"` : ''}, but the call succeeded`);
	const got = err.code && err.code !== 'ERR_ASSERTION' ? err.code : err.name;
	assert.equal(got, name, `error name (message: ${err.message})`);
	if (message !== undefined) assert.equal(err.message, message, `message of ${name}`);
	return err;
}

/**
 * Records the Cognito calls made through global fetch (the path both
 * amazon-cognito-identity-js and amplify use) to baseURL: each as
 * { target, body }. stop() restores fetch.
 */
export function recordCalls(baseURL) {
	const calls = [];
	const original = globalThis.fetch;
	globalThis.fetch = async function recordingFetch(input, init = {}) {
		const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		if (url.startsWith(baseURL)) {
			const headers = new Headers(init.headers ?? (typeof input === 'object' ? input.headers : undefined) ?? {});
			const target = headers.get('x-amz-target');
			if (target) {
				let body;
				try {
					body = JSON.parse(typeof init.body === 'string' ? init.body : '');
				} catch {
					body = undefined;
				}
				calls.push({ target: target.split('.').pop(), body });
			}
		}
		return original.call(this, input, init);
	};
	return {
		calls,
		targets: () => calls.map(c => c.target),
		clear: () => calls.splice(0),
		stop: () => {
			globalThis.fetch = original;
		},
	};
}
