// Vectors from aws-amplify v6's SRP helpers, user and device.

import * as amplify from './amplify.mjs';
import { amplifyCases } from './cases.mjs';
import { evenHex, toBig } from './server-math.mjs';
import { check, record, serverSide } from './vector.mjs';

export async function amplifyClaims() {
	const out = [];
	for (const c of amplifyCases) {
		const device = c.device ? await amplify.deviceSecret(c.name, c.device.DeviceGroupKey, c.device.DeviceKey) : null;
		const poolName = device ? c.device.DeviceGroupKey : c.userPoolId.split('_')[1];
		const userId = device ? c.device.DeviceKey : c.userId;
		const password = device ? device.randomPassword : c.password;
		const salt = device ? toBig(Buffer.from(device.config.Salt, 'base64')) : BigInt(`0x${c.salt}`);
		const saltHex = device ? evenHex(salt) : c.salt;
		const sv = serverSide(c, poolName, userId, password, salt);
		if (device) check(toBig(Buffer.from(device.config.PasswordVerifier, 'base64')) === sv.v, `${c.name}: device verifier`);
		const args = { poolName, userId, a: sv.a, saltHex, BHex: sv.B.toString(16), secretBlockB64: sv.secretBlock.toString('base64'), timestampMs: c.timestampMs };
		const ok = await amplify.claim({ ...args, password });
		const bad = await amplify.claim({ ...args, password: c.wrongPassword });
		const fields = { userPoolId: c.userPoolId, poolName, userId, password, salt, saltHex, deviceConfig: device?.config };
		const via = device
			? 'AuthenticationHelper.generateHashDevice + getPasswordAuthenticationKey + getSignatureString'
			: 'AuthenticationHelper.getPasswordAuthenticationKey + getSignatureString';
		out.push(record(c, device ? 'device' : 'user', 'aws-amplify-v6', via, fields, sv, { ...ok, wrongPasswordSignature: bad.signature }));
	}
	return out;
}
