// USER_SRP_AUTH through the JS SDK v3, for app clients with a secret (which
// amazon-cognito-identity-js and amplify cannot drive). The SRP maths are
// amazon-cognito-identity-js's own (AuthenticationHelper, DateHelper), so
// nothing here is Incognito's idea of SRP; the SDK only carries the
// requests, with SECRET_HASH added as Cognito requires.

import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationHelper, DateHelper } from 'amazon-cognito-identity-js';
import { secretHash } from './cognito.mjs';

const require = createRequire(import.meta.url);
const { default: BigInteger } = require('amazon-cognito-identity-js/lib/BigInteger.js');

const largeA = helper => new Promise((resolve, reject) => helper.getLargeAValue((err, A) => (err ? reject(err) : resolve(A))));
const passwordKey = (helper, userId, password, B, salt) =>
	new Promise((resolve, reject) =>
		helper.getPasswordAuthenticationKey(userId, password, B, salt, (err, key) => (err ? reject(err) : resolve(key))),
	);

/**
 * Signs in with USER_SRP_AUTH: InitiateAuth, then RespondToAuthChallenge
 * PASSWORD_VERIFIER. SECRET_HASH is computed with the username sent in each
 * request (the name the user typed, then USER_ID_FOR_SRP) unless
 * secretHashFor overrides it (return undefined to leave it out). Returns
 * { initiate, challenge, respond } responses; respond holds the tokens.
 */
export async function srpSignIn(idp, { poolId, clientId, clientSecret, username, password, secretHashFor }) {
	const poolName = poolId.split('_')[1];
	const hashFor = (step, name) => {
		if (secretHashFor) return secretHashFor(step, name);
		return clientSecret ? secretHash(name, clientId, clientSecret) : undefined;
	};
	const helper = new AuthenticationHelper(poolName);
	const A = await largeA(helper);
	const initParams = { USERNAME: username, SRP_A: A.toString(16) };
	const h1 = hashFor('initiate', username);
	if (h1 !== undefined) initParams.SECRET_HASH = h1;
	const initiate = await idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: initParams }));
	if (initiate.ChallengeName !== 'PASSWORD_VERIFIER') {
		throw new Error(`USER_SRP_AUTH answered ${initiate.ChallengeName}, not PASSWORD_VERIFIER`);
	}
	const p = initiate.ChallengeParameters;
	const userId = p.USER_ID_FOR_SRP;
	const key = await passwordKey(helper, userId, password, new BigInteger(p.SRP_B, 16), new BigInteger(p.SALT, 16));
	const timestamp = new DateHelper().getNowString();
	const signature = createHmac('sha256', Buffer.from(key))
		.update(
			Buffer.concat([
				Buffer.from(poolName, 'utf8'),
				Buffer.from(userId, 'utf8'),
				Buffer.from(p.SECRET_BLOCK, 'base64'),
				Buffer.from(timestamp, 'utf8'),
			]),
		)
		.digest('base64');
	const responses = {
		USERNAME: userId,
		PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK,
		PASSWORD_CLAIM_SIGNATURE: signature,
		TIMESTAMP: timestamp,
	};
	const h2 = hashFor('respond', userId);
	if (h2 !== undefined) responses.SECRET_HASH = h2;
	const respond = await idp.send(
		new RespondToAuthChallengeCommand({
			ClientId: clientId,
			ChallengeName: 'PASSWORD_VERIFIER',
			ChallengeResponses: responses,
			Session: initiate.Session,
		}),
	);
	return { initiate, challenge: p, respond };
}
