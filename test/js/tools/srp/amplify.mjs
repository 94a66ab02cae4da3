// Drives aws-amplify v6's SRP helpers (@aws-amplify/auth, CommonJS build).
// They are internal to the package, so they are loaded by file path; the
// helpers are the ones amplify's signIn uses (handlePasswordVerifierChallenge,
// handleDeviceSRPAuth, getNewDeviceMetadata), minus the network. Unlike
// amazon-cognito-identity-js, amplify's AuthenticationHelper takes a as a
// constructor argument, so nothing needs patching but the clock and the random
// bytes of device secrets.

import { createRequire } from 'node:module';
import path from 'node:path';
import { withClock, withRandom } from './determinism.mjs';

const require = createRequire(import.meta.url);
const authDir = path.dirname(require.resolve('@aws-amplify/auth/package.json'));
const srpDir = path.join(authDir, 'dist/cjs/providers/cognito/utils/srp');
const { getNowString, getSignatureString } = require(path.join(srpDir, 'index.js'));
const { AuthenticationHelper } = require(path.join(srpDir, 'AuthenticationHelper/index.js'));
const { BigInteger } = require(path.join(srpDir, 'BigInteger/index.js'));
const { calculateA } = require(path.join(srpDir, 'calculate/index.js'));
const { INIT_N } = require(path.join(srpDir, 'constants.js'));

export const version = require('@aws-amplify/auth/package.json').version;

const toJsbn = n => new BigInteger(n.toString(16), 16);

async function helper(userPoolName, a) {
	const N = new BigInteger(INIT_N, 16);
	const g = new BigInteger('2', 16);
	const aa = toJsbn(a);
	const A = await calculateA({ a: aa, g, N });
	return new AuthenticationHelper({ userPoolName, a: aa, g, A, N });
}

/**
 * Answers a PASSWORD_VERIFIER challenge the way handlePasswordVerifierChallenge
 * does: SRP_A from the helper, then the key, TIMESTAMP and signature.
 */
export async function claim({ poolName, userId, password, a, saltHex, BHex, secretBlockB64, timestampMs }) {
	const h = await helper(poolName, a);
	const hkdf = await h.getPasswordAuthenticationKey({
		username: userId,
		password,
		serverBValue: new BigInteger(BHex, 16),
		salt: new BigInteger(saltHex, 16),
	});
	const dateNow = withClock(timestampMs, () => getNowString());
	const signature = getSignatureString({
		userPoolName: poolName,
		username: userId,
		challengeParameters: { SECRET_BLOCK: secretBlockB64 },
		dateNow,
		hkdf,
	});
	return { A: h.A.toString(16), hkdf: Buffer.from(hkdf).toString('hex'), timestamp: dateNow, signature };
}

/**
 * What getNewDeviceMetadata sends to ConfirmDevice: generateHashDevice, then
 * base64 of the padHex bytes of salt and verifier.
 */
export async function deviceSecret(label, deviceGroupKey, deviceKey) {
	const h = await helper(deviceGroupKey, 1n);
	let pending;
	withRandom(label, () => {
		pending = h.generateHashDevice(deviceGroupKey, deviceKey);
	});
	await pending;
	const b64 = hex => Buffer.from(hex, 'hex').toString('base64');
	return {
		randomPassword: h.getRandomPassword(),
		config: { Salt: b64(h.getSaltToHashDevices()), PasswordVerifier: b64(h.getVerifierDevices()) },
	};
}

export const nowString = ms => withClock(ms, () => getNowString());
