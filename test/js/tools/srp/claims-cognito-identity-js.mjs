// Vectors from amazon-cognito-identity-js: a whole
// CognitoUser.authenticateUser per case, and one sign-in that remembers the
// device (ConfirmDevice) and then authenticates it (DEVICE_SRP_AUTH).

import * as cij from './cognito-identity-js.mjs';
import { deviceFlowCase, userCases } from './cases.mjs';
import { evenHex, toBig } from './server-math.mjs';
import { check, finish, grp, passwordVerifierChallenge, record, serverSide } from './vector.mjs';

const CLIENT = 'amazon-cognito-identity-js';
const CLIENT_ID = '1example23456789abcdefghij';

function userClaim(c, device) {
	const poolName = c.userPoolId.split('_')[1];
	const salt = BigInt(`0x${c.salt}`);
	const sv = serverSide(c, poolName, c.userId, c.password, salt);
	const run = (password, dev) =>
		cij.signIn({
			userPoolId: c.userPoolId,
			clientId: CLIENT_ID,
			username: c.username ?? c.userId,
			password,
			a: sv.a,
			timestampMs: c.timestampMs,
			challenge: () => passwordVerifierChallenge(c, sv),
			device: dev,
		});
	const ok = run(c.password, device);
	const bad = run(c.wrongPassword);
	const resp = ok.passwordVerifier.ChallengeResponses;
	check(resp.USERNAME === c.userId, `${c.name}: USERNAME is USER_ID_FOR_SRP`);
	check(resp.PASSWORD_CLAIM_SECRET_BLOCK === sv.secretBlock.toString('base64'), `${c.name}: secret block echoed`);
	const fields = { userPoolId: c.userPoolId, username: c.username, poolName, userId: c.userId, password: c.password, salt, saltHex: c.salt };
	const vector = record(c, 'user', CLIENT, 'CognitoUser.authenticateUser', fields, sv, {
		A: ok.initiate.AuthParameters.SRP_A,
		hkdf: cij.hkdfKey({ poolName, userId: c.userId, password: c.password, a: sv.a, B: sv.B, salt }),
		timestamp: resp.TIMESTAMP,
		signature: resp.PASSWORD_CLAIM_SIGNATURE,
		wrongPasswordSignature: bad.passwordVerifier.ChallengeResponses.PASSWORD_CLAIM_SIGNATURE,
	});
	return { vector, flow: ok };
}

function deviceClaims() {
	const { user: c, device, deviceClaim: dc } = deviceFlowCase;
	const { a: deviceA, A: deviceAInt } = grp.chooseA(dc.name);
	let dsv;
	let dsalt;
	const { vector, flow } = userClaim(c, {
		...device,
		deviceA,
		// The server reads the verifier config it was given, as Incognito will.
		deviceChallenge: (AHex, config) => {
			check(AHex === deviceAInt.toString(16), 'device SRP_A');
			dsalt = toBig(Buffer.from(config.Salt, 'base64'));
			const dv = toBig(Buffer.from(config.PasswordVerifier, 'base64'));
			const { b, B } = grp.chooseB(dc.name, deviceAInt, dv);
			dsv = finish(dc, dv, deviceA, deviceAInt, b, B);
			return { SALT: evenHex(dsalt), SRP_B: dsv.B.toString(16), SECRET_BLOCK: dsv.secretBlock.toString('base64'), USERNAME: c.userId };
		},
	});
	const pw = flow.randomPassword;
	const { DeviceKey, DeviceGroupKey } = device;
	check(grp.verifier(DeviceGroupKey, DeviceKey, pw, dsalt) === dsv.v, 'device verifier is g^x of the random password');
	const resp = flow.devicePasswordVerifier.ChallengeResponses;
	check(resp.DEVICE_KEY === DeviceKey, 'DEVICE_KEY sent');
	const key = password => cij.hkdfKey({ poolName: DeviceGroupKey, userId: DeviceKey, password, a: deviceA, B: dsv.B, salt: dsalt });
	// For a wrong device password, the library's helper answers directly.
	const wrongKey = Buffer.from(key(dc.wrongPassword), 'hex');
	const fields = { poolName: DeviceGroupKey, userId: DeviceKey, username: c.userId, password: pw, salt: dsalt, saltHex: evenHex(dsalt), deviceConfig: flow.confirmDevice.DeviceSecretVerifierConfig };
	const deviceVector = record(dc, 'device', CLIENT, 'CognitoUser.getDeviceResponse', fields, dsv, {
		A: flow.deviceSrpAuth.ChallengeResponses.SRP_A,
		hkdf: key(pw),
		timestamp: resp.TIMESTAMP,
		signature: resp.PASSWORD_CLAIM_SIGNATURE,
		wrongPasswordSignature: grp.signature(wrongKey, DeviceGroupKey, DeviceKey, dsv.secretBlock, resp.TIMESTAMP),
	});
	return [vector, deviceVector];
}

export function cognitoIdentityJsClaims() {
	return [...userCases.map(c => userClaim(c).vector), ...deviceClaims()];
}

