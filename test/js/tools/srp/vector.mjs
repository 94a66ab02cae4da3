// Shared by the claim runners: the group (as the client library builds it),
// the server's side of a case, and the checks made before a vector is kept.

import * as cij from './cognito-identity-js.mjs';
import { Group, det, padHex } from './server-math.mjs';

export const libGroup = cij.libraryGroup();
export const grp = new Group(libGroup.N);
check(grp.k.toString(16) === libGroup.k, 'k equals the library k');

export function check(cond, what) {
	if (!cond) throw new Error(`check failed: ${what}`);
}

const TOP = 1n << 3064n; // values below have a zero top byte out of 384

/** Which awkward encodings a vector exercises. */
function covers({ salt, saltHex, A, B, u, S }) {
	const c = [];
	if (padHex(salt).startsWith('00') && salt > 0n) c.push('salt-high-bit');
	if (salt.toString(16).length % 2) c.push('salt-odd-hex');
	if (saltHex.startsWith('00')) c.push('salt-hex-zero-byte');
	for (const [name, x, small] of [['A', A, TOP], ['B', B, TOP], ['u', u, 1n << 248n], ['S', S, TOP]]) {
		if (name !== 'u' && name !== 'S' && x.toString(16).length % 2) c.push(`${name}-odd-hex`);
		if (x < small) c.push(`${name}-short`);
		if (padHex(x).startsWith('00')) c.push(`${name}-high-bit`);
	}
	return c;
}

/**
 * The server's side of a case: v from the password, a and b searched for
 * the wanted shapes (c.wantA, c.wantB, c.wantS), B, u, S, the key and a
 * SECRET_BLOCK.
 */
export function serverSide(c, poolName, userId, password, salt) {
	const v = grp.verifier(poolName, userId, password, salt);
	const { a, A } = grp.chooseA(c.name, c.wantA);
	const wantS = c.wantS ? ({ B, b }) => c.wantS(grp.serverS(A, B, v, b)) : () => true;
	const { b, B } = grp.chooseB(c.name, A, v, x => (!c.wantB || c.wantB(x)) && wantS(x));
	return finish(c, v, a, A, b, B);
}

/** The rest of serverSide once v, a, b are known. */
export function finish(c, v, a, A, b, B) {
	const secretBlock = det(`${c.name}/secret-block`, c.secretBlockLen ?? 64);
	const u = grp.u(A, B);
	const S = grp.serverS(A, B, v, b);
	return { v, a, A, b, B, u, S, key: grp.hkdf(u, S), secretBlock };
}

/** PASSWORD_VERIFIER's ChallengeParameters for a case. */
export const passwordVerifierChallenge = (c, sv) => ({
	SALT: c.salt,
	SRP_B: sv.B.toString(16),
	SECRET_BLOCK: sv.secretBlock.toString('base64'),
	USERNAME: c.userId,
	USER_ID_FOR_SRP: c.userId,
});

/**
 * Checks a client's answer against the server side and returns the vector.
 * fields: {poolName, userId, password, salt (BigInt), saltHex, userPoolId?,
 * username?, deviceConfig?}; answer: {A, hkdf, timestamp, signature,
 * wrongPasswordSignature}.
 */
export function record(c, kind, client, via, fields, sv, answer) {
	const { poolName, userId, password, salt, saltHex } = fields;
	check(answer.A === sv.A.toString(16), `${c.name}: SRP_A`);
	check(answer.hkdf === sv.key.toString('hex'), `${c.name}: client key equals server key`);
	const expect = grp.signature(sv.key, poolName, userId, sv.secretBlock, answer.timestamp);
	check(answer.signature === expect, `${c.name}: signature verifies`);
	check(answer.wrongPasswordSignature !== expect, `${c.name}: wrong password differs`);
	const got = covers({ salt, saltHex, A: sv.A, B: sv.B, u: sv.u, S: sv.S });
	for (const want of c.covers ?? []) check(got.includes(want), `${c.name}: covers ${want}`);
	return {
		name: c.name,
		kind,
		client,
		via,
		userPoolId: fields.userPoolId ?? '',
		poolName,
		username: fields.username ?? userId,
		userId,
		password,
		wrongPassword: c.wrongPassword,
		salt: saltHex,
		verifier: sv.v.toString(16),
		a: sv.a.toString(16),
		A: answer.A,
		b: sv.b.toString(16),
		B: sv.B.toString(16),
		secretBlock: sv.secretBlock.toString('base64'),
		timestamp: answer.timestamp,
		u: padHex(sv.u),
		S: padHex(sv.S),
		hkdf: answer.hkdf,
		signature: answer.signature,
		wrongPasswordSignature: answer.wrongPasswordSignature,
		...(fields.deviceConfig ? { deviceConfig: fields.deviceConfig } : {}),
		covers: got,
	};
}
