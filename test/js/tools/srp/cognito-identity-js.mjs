// Drives amazon-cognito-identity-js (the CommonJS build in lib/) exactly as an
// application would: CognitoUser.authenticateUser against a fake service that
// answers InitiateAuth / RespondToAuthChallenge / ConfirmDevice at once, and
// records what the library sends. Only two things are pinned: the client's
// secret a (AuthenticationHelper.prototype.generateRandomSmallA) and, through
// determinism.mjs, the clock and the random bytes of device secrets.

import { createRequire } from 'node:module';
import { withClock, withRandom } from './determinism.mjs';

const require = createRequire(import.meta.url);
const lib = require('amazon-cognito-identity-js');
const { default: BigInteger } = require('amazon-cognito-identity-js/lib/BigInteger.js');
const { AuthenticationHelper, AuthenticationDetails, CognitoUser, CognitoUserPool } = lib;

export const version = require('amazon-cognito-identity-js/package.json').version;

const toJsbn = n => new BigInteger(n.toString(16), 16);

// The next values of a that new AuthenticationHelpers will take.
const queuedA = [];
AuthenticationHelper.prototype.generateRandomSmallA = function pinnedSmallA() {
	if (queuedA.length === 0) throw new Error('no pinned a queued');
	return toJsbn(queuedA.shift());
};

/** The group as the library builds it: N, g, k in hex. */
export function libraryGroup() {
	queuedA.push(1n);
	const h = new AuthenticationHelper('Probe');
	return { N: h.N.toString(16), g: h.g.toString(16), k: h.k.toString(16) };
}

/** getPasswordAuthenticationKey with a pinned a; returns the key as hex. */
export function hkdfKey({ poolName, userId, password, a, B, salt }) {
	queuedA.push(a);
	const h = new AuthenticationHelper(poolName);
	let key;
	h.getPasswordAuthenticationKey(userId, password, toJsbn(B), toJsbn(salt), (err, k) => {
		if (err) throw err;
		key = k;
	});
	if (!key) throw new Error('getPasswordAuthenticationKey did not complete synchronously');
	return Buffer.from(key).toString('hex');
}

class MemoryStorage {
	constructor() {
		this.m = new Map();
	}
	setItem(k, v) {
		this.m.set(k, String(v));
	}
	getItem(k) {
		return this.m.has(k) ? this.m.get(k) : null;
	}
	removeItem(k) {
		this.m.delete(k);
	}
	clear() {
		this.m.clear();
	}
}

// Unsigned tokens: the library only decodes their payload.
const b64url = o => Buffer.from(JSON.stringify(o)).toString('base64url');
const fakeJwt = claims => `${b64url({ alg: 'none' })}.${b64url(claims)}.c2ln`;

/** A service whose answers come from handlers keyed by operation (and challenge). */
function fakeService(handlers, seen) {
	return {
		request(op, params, cb) {
			const key = op === 'RespondToAuthChallenge' ? `${op}:${params.ChallengeName}` : op;
			seen.push({ key, params });
			let result;
			try {
				const h = handlers[key];
				if (!h) throw new Error(`fake service: unexpected ${key}`);
				result = [null, h(params)];
			} catch (e) {
				result = [e, null];
			}
			cb(...result);
		},
	};
}

/** Ends a flow at the step we wanted to observe. */
const stop = () => {
	const e = new Error('vector captured');
	e.code = 'NotAuthorizedException';
	throw e;
};

/**
 * Signs in with USER_SRP_AUTH. challenge(A) returns the PASSWORD_VERIFIER
 * challenge parameters for the SRP_A the library sent. With device set
 * ({DeviceKey, DeviceGroupKey, deviceA, deviceChallenge(A, config)}), the
 * sign-in returns NewDeviceMetadata, the library confirms the device, and then
 * authenticates it with DEVICE_SRP_AUTH; both claims are returned.
 */
export function signIn({ userPoolId, clientId, username, password, a, challenge, timestampMs, device }) {
	const pool = new CognitoUserPool({ UserPoolId: userPoolId, ClientId: clientId, Storage: new MemoryStorage() });
	const user = new CognitoUser({ Username: username, Pool: pool, Storage: new MemoryStorage() });
	const seen = [];
	const out = {};
	const handlers = {
		InitiateAuth: p => {
			out.initiate = p;
			return { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: challenge(p.AuthParameters.SRP_A), Session: 's1' };
		},
		'RespondToAuthChallenge:PASSWORD_VERIFIER': p => {
			out.passwordVerifier = p;
			if (!device) stop();
			const tokens = { AccessToken: fakeJwt({ token_use: 'access' }), IdToken: fakeJwt({ token_use: 'id' }), RefreshToken: 'r' };
			return { AuthenticationResult: { ...tokens, NewDeviceMetadata: { DeviceKey: device.DeviceKey, DeviceGroupKey: device.DeviceGroupKey } } };
		},
		ConfirmDevice: p => {
			out.confirmDevice = p;
			return { UserConfirmationNecessary: false };
		},
		'RespondToAuthChallenge:DEVICE_SRP_AUTH': p => {
			out.deviceSrpAuth = p;
			const params = device.deviceChallenge(p.ChallengeResponses.SRP_A, out.confirmDevice.DeviceSecretVerifierConfig);
			return { ChallengeName: 'DEVICE_PASSWORD_VERIFIER', ChallengeParameters: params, Session: 's2' };
		},
		'RespondToAuthChallenge:DEVICE_PASSWORD_VERIFIER': p => {
			out.devicePasswordVerifier = p;
			stop();
		},
	};
	user.client = fakeService(handlers, seen);
	queuedA.push(a);
	let result;
	const callback = {
		onSuccess: () => {
			result = 'success';
		},
		onFailure: err => {
			result = err;
		},
	};
	withRandom(`${username}/device`, () =>
		withClock(timestampMs, () => {
			user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), callback);
			if (device && result === 'success') {
				result = undefined;
				queuedA.push(device.deviceA);
				user.getDeviceResponse(callback);
			}
		}),
	);
	if (!(result instanceof Error) || result.message !== 'vector captured') {
		throw new Error(`flow did not reach its end: ${result} after ${seen.map(s => s.key).join(', ')}`);
	}
	if (device) out.randomPassword = user.randomPassword;
	return out;
}

/** The library's own DateHelper at a fixed instant. */
export function nowString(ms) {
	return withClock(ms, () => new lib.DateHelper().getNowString());
}
