// aws-jwt-verify 5.x checks the tokens Incognito issues, as a backend would:
// the generic JwtVerifier with Incognito's own issuer (<url>/<poolId>) and
// JWKS URL, and CognitoJwtVerifier against a server started with
// --issuer-style aws (iss https://cognito-idp.<region>.amazonaws.com/<poolId>).
// aws-jwt-verify fetches JWKS over https only, so the suites fetch the JWKS
// from the plain-http server themselves and hand it over with cacheJwks.
//
// Tokens come from real sign-ins: SRP through amazon-cognito-identity-js for
// a client without a secret, SRP and USER_PASSWORD_AUTH with SECRET_HASH
// through the JS SDK for a client with one, and both refresh paths. Runs on
// SQLite and on PostgreSQL.

import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
	GetTokensFromRefreshTokenCommand,
	InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoUserPool } from 'amazon-cognito-identity-js';
import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import {
	CognitoJwtInvalidClientIdError,
	CognitoJwtInvalidGroupError,
	CognitoJwtInvalidTokenUseError,
	JwtBaseError,
	JwtInvalidAudienceError,
	JwtInvalidIssuerError,
	JwtInvalidSignatureError,
	ParameterValidationError,
} from 'aws-jwt-verify/error';
import { signIn } from '../harness/cij.mjs';
import { claims, createClient, createConfirmedUser, createGroup, createPool, header, secretHash } from '../harness/cognito.mjs';
import { REGION } from '../harness/server.mjs';
import { srpSignIn } from '../harness/srp.mjs';
import { eachStore } from '../harness/stores.mjs';

/** A JWT with its payload changed and the original signature kept. */
function tamper(jwt, change) {
	const [h, , sig] = jwt.split('.');
	const payload = { ...claims(jwt), ...change };
	return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${sig}`;
}

/** The same claims, unsigned, with alg "none". */
function algNone(jwt) {
	const [, p] = jwt.split('.');
	const h = Buffer.from(JSON.stringify({ ...header(jwt), alg: 'none' })).toString('base64url');
	return `${h}.${p}.`;
}

async function rejectsAs(promise, ErrorClass, messageRe) {
	await assert.rejects(promise, err => {
		assert.ok(err instanceof ErrorClass, `expected ${ErrorClass.name}, got ${err?.constructor?.name}: ${err?.message}`);
		if (messageRe) assert.match(err.message, messageRe);
		return true;
	});
}

/** The names of the token sets tokenSets returns, one per way to sign in. */
const setNames = [
	'public SRP',
	'public refreshed',
	'secret SRP',
	'secret password',
	'secret refreshed',
	'secret GetTokensFromRefreshToken',
];

/**
 * Sets up a pool with a public and a secret client and a user in group
 * "admins", and signs in every way. Returns the token sets by name (see
 * setNames), each { id, access, clientId }.
 */
async function tokenSets(server) {
	const pool = await createPool(server.idp);
	const pub = await createClient(server.idp, pool.Id);
	const sec = await createClient(server.idp, pool.Id, { secret: true });
	const u = await createConfirmedUser(server.idp, pool.Id, 'jwt');
	await createGroup(server.idp, pool.Id, 'admins', { precedence: 1, addUsers: [u.username] });
	const hash = name => secretHash(name, sec.ClientId, sec.ClientSecret);
	const sets = {};
	const put = (name, r, clientId) => (sets[name] = { id: r.IdToken, access: r.AccessToken, clientId });

	const cijPool = new CognitoUserPool({ UserPoolId: pool.Id, ClientId: pub.ClientId, endpoint: server.url });
	const { session } = await signIn(cijPool, u.username, u.password);
	put('public SRP', { IdToken: session.getIdToken().getJwtToken(), AccessToken: session.getAccessToken().getJwtToken() }, pub.ClientId);
	const refreshed = await server.publicIdp.send(
		new InitiateAuthCommand({
			ClientId: pub.ClientId,
			AuthFlow: 'REFRESH_TOKEN_AUTH',
			AuthParameters: { REFRESH_TOKEN: session.getRefreshToken().getToken() },
		}),
	);
	put('public refreshed', refreshed.AuthenticationResult, pub.ClientId);

	const srp = await srpSignIn(server.publicIdp, {
		poolId: pool.Id,
		clientId: sec.ClientId,
		clientSecret: sec.ClientSecret,
		username: u.username,
		password: u.password,
	});
	put('secret SRP', srp.respond.AuthenticationResult, sec.ClientId);
	const pw = await server.publicIdp.send(
		new InitiateAuthCommand({
			ClientId: sec.ClientId,
			AuthFlow: 'USER_PASSWORD_AUTH',
			AuthParameters: { USERNAME: u.username, PASSWORD: u.password, SECRET_HASH: hash(u.username) },
		}),
	);
	put('secret password', pw.AuthenticationResult, sec.ClientId);
	const secRefreshed = await server.publicIdp.send(
		new InitiateAuthCommand({
			ClientId: sec.ClientId,
			AuthFlow: 'REFRESH_TOKEN_AUTH',
			AuthParameters: { REFRESH_TOKEN: pw.AuthenticationResult.RefreshToken, SECRET_HASH: hash(u.username) },
		}),
	);
	put('secret refreshed', secRefreshed.AuthenticationResult, sec.ClientId);
	const gt = await server.publicIdp.send(
		new GetTokensFromRefreshTokenCommand({
			ClientId: sec.ClientId,
			ClientSecret: sec.ClientSecret,
			RefreshToken: pw.AuthenticationResult.RefreshToken,
		}),
	);
	put('secret GetTokensFromRefreshToken', gt.AuthenticationResult, sec.ClientId);
	return { pool, pub, sec, user: u, sets };
}

/** Checks the discovery document and JWKS and returns the JWKS. */
async function checkKeys(server, poolId, sampleTokens) {
	const disc = await server.getJSON(`/${poolId}/.well-known/openid-configuration`);
	assert.equal(disc.issuer, server.issuer(poolId));
	assert.equal(disc.jwks_uri, server.jwksUri(poolId));
	const jwks = await server.jwks(poolId);
	assert.ok(Array.isArray(jwks.keys) && jwks.keys.length >= 1);
	for (const k of jwks.keys) {
		assert.equal(k.kty, 'RSA');
		assert.equal(k.alg, 'RS256');
		assert.equal(k.use, 'sig');
		assert.equal(k.e, 'AQAB');
		assert.ok(k.kid && k.n);
		assert.equal(k.d, undefined, 'no private key material');
	}
	// Cognito signs ID and access tokens with different keys, both in the JWKS.
	const idKid = header(sampleTokens.id).kid;
	const accessKid = header(sampleTokens.access).kid;
	assert.notEqual(idKid, accessKid, 'ID and access tokens use different keys');
	for (const kid of [idKid, accessKid]) assert.ok(jwks.keys.some(k => k.kid === kid), `kid ${kid} is in the JWKS`);
	return jwks;
}

await eachStore('aws-jwt-verify: JwtVerifier with Incognito issuer', ctx => {
	let t, jwks, issuer, verifiers;

	before(async () => {
		t = await tokenSets(ctx.server);
		issuer = ctx.server.issuer(t.pool.Id);
		jwks = await checkKeys(ctx.server, t.pool.Id, t.sets['public SRP']);
		const make = (clientId, tokenUse) => {
			const v = JwtVerifier.create({
				issuer,
				jwksUri: ctx.server.jwksUri(t.pool.Id),
				// ID tokens carry the client in aud, access tokens in client_id.
				audience: tokenUse === 'id' ? clientId : null,
				customJwtCheck: ({ payload }) => {
					if (payload.token_use !== tokenUse) throw new Error(`token_use ${payload.token_use}, want ${tokenUse}`);
					if (tokenUse === 'access' && payload.client_id !== clientId) throw new Error(`client_id ${payload.client_id}`);
				},
			});
			v.cacheJwks(jwks);
			return v;
		};
		verifiers = {
			id: { [t.pub.ClientId]: make(t.pub.ClientId, 'id'), [t.sec.ClientId]: make(t.sec.ClientId, 'id') },
			access: { [t.pub.ClientId]: make(t.pub.ClientId, 'access'), [t.sec.ClientId]: make(t.sec.ClientId, 'access') },
		};
	});

	it('the issuer is <server url>/<poolId>', () => {
		assert.equal(issuer, `${ctx.server.url}/${t.pool.Id}`);
		for (const s of Object.values(t.sets)) {
			assert.equal(claims(s.id).iss, issuer);
			assert.equal(claims(s.access).iss, issuer);
		}
	});

	for (const name of setNames) {
		it(`verifies the ID and access tokens (${name})`, async () => {
			const s = t.sets[name];
			const id = await verifiers.id[s.clientId].verify(s.id);
			assert.equal(id.token_use, 'id');
			assert.equal(id.aud, s.clientId);
			assert.equal(id['cognito:username'], t.user.username);
			assert.equal(id.email, t.user.email);
			assert.deepEqual(id['cognito:groups'], ['admins']);
			assert.equal(typeof id.auth_time, 'number');
			const access = await verifiers.access[s.clientId].verify(s.access);
			assert.equal(access.token_use, 'access');
			assert.equal(access.client_id, s.clientId);
			assert.equal(access.username, t.user.username);
			assert.equal(access.sub, id.sub);
			assert.deepEqual(access['cognito:groups'], ['admins']);
			assert.ok(access.scope.split(' ').includes('aws.cognito.signin.user.admin'));
			assert.ok(access.exp > Date.now() / 1000 && access.iat <= Date.now() / 1000 + 5);
		});
	}

	it('refuses a token for another client', async () => {
		const s = t.sets['public SRP'];
		await rejectsAs(verifiers.id[t.sec.ClientId].verify(s.id), JwtInvalidAudienceError);
		await rejectsAs(verifiers.access[t.sec.ClientId].verify(s.access), Error, /^client_id /);
	});

	it('refuses an ID token as an access token and the reverse', async () => {
		const s = t.sets['public SRP'];
		await rejectsAs(verifiers.access[s.clientId].verify(s.id), Error, /^token_use id, want access$/);
		// An access token has no aud: the audience check refuses it first.
		await rejectsAs(verifiers.id[s.clientId].verify(s.access), JwtInvalidAudienceError);
	});

	it('refuses tampered tokens', async () => {
		const s = t.sets['public SRP'];
		await rejectsAs(verifiers.id[s.clientId].verify(tamper(s.id, { 'cognito:username': 'someone-else' })), JwtInvalidSignatureError);
		await rejectsAs(verifiers.access[s.clientId].verify(tamper(s.access, { exp: claims(s.access).exp + 3600 })), JwtInvalidSignatureError);
		await rejectsAs(verifiers.access[s.clientId].verify(tamper(s.access, { 'cognito:groups': ['root'] })), JwtInvalidSignatureError);
		assert.throws(() => verifiers.id[s.clientId].verifySync(algNone(s.id)), JwtBaseError);
	});

	it('refuses the tokens under the AWS-style issuer', async () => {
		const v = JwtVerifier.create({
			issuer: `https://cognito-idp.${REGION}.amazonaws.com/${t.pool.Id}`,
			audience: null,
		});
		v.cacheJwks(jwks);
		await rejectsAs(v.verify(t.sets['public SRP'].access), JwtInvalidIssuerError);
	});
});

await eachStore(
	'aws-jwt-verify: CognitoJwtVerifier with --issuer-style aws',
	ctx => {
		let t, jwks, awsIssuer;

		before(async () => {
			t = await tokenSets(ctx.server);
			awsIssuer = `https://cognito-idp.${REGION}.amazonaws.com/${t.pool.Id}`;
			jwks = await checkKeys(ctx.server, t.pool.Id, t.sets['public SRP']);
		});

		const cognitoVerifier = props => {
			const v = CognitoJwtVerifier.create({ userPoolId: t.pool.Id, ...props });
			v.cacheJwks(jwks);
			return v;
		};

		it('the issuer is https://cognito-idp.<region>.amazonaws.com/<poolId>', () => {
			assert.equal(ctx.server.issuer(t.pool.Id), awsIssuer);
			for (const s of Object.values(t.sets)) {
				assert.equal(claims(s.id).iss, awsIssuer);
				assert.equal(claims(s.access).iss, awsIssuer);
			}
		});

		for (const name of setNames) {
			it(`CognitoJwtVerifier and JwtVerifier both accept the tokens (${name})`, async () => {
				const s = t.sets[name];
				const id = await cognitoVerifier({ tokenUse: 'id', clientId: s.clientId, groups: 'admins' }).verify(s.id);
				assert.equal(id['cognito:username'], t.user.username);
				const access = await cognitoVerifier({
					tokenUse: 'access',
					clientId: s.clientId,
					groups: 'admins',
					scope: 'aws.cognito.signin.user.admin',
				}).verify(s.access);
				assert.equal(access.username, t.user.username);
				assert.equal(access.sub, id.sub);

				// Tokens must pass both verifiers.
				const generic = JwtVerifier.create({ issuer: awsIssuer, audience: [t.pub.ClientId, t.sec.ClientId] });
				generic.cacheJwks(jwks);
				assert.equal((await generic.verify(s.id)).sub, id.sub);
				const genericAccess = JwtVerifier.create({ issuer: awsIssuer, audience: null });
				genericAccess.cacheJwks(jwks);
				assert.equal((await genericAccess.verify(s.access)).client_id, s.clientId);
			});
		}

		it('accepts any token use and either client when told to', async () => {
			const v = cognitoVerifier({ tokenUse: null, clientId: [t.pub.ClientId, t.sec.ClientId] });
			for (const s of Object.values(t.sets)) {
				await v.verify(s.id);
				await v.verify(s.access);
			}
		});

		it('refuses the wrong token use, client and group', async () => {
			const s = t.sets['public SRP'];
			await rejectsAs(cognitoVerifier({ tokenUse: 'access', clientId: s.clientId }).verify(s.id), CognitoJwtInvalidTokenUseError);
			await rejectsAs(cognitoVerifier({ tokenUse: 'id', clientId: s.clientId }).verify(s.access), CognitoJwtInvalidTokenUseError);
			await rejectsAs(cognitoVerifier({ tokenUse: 'id', clientId: t.sec.ClientId }).verify(s.id), CognitoJwtInvalidClientIdError);
			await rejectsAs(cognitoVerifier({ tokenUse: 'access', clientId: t.sec.ClientId }).verify(s.access), CognitoJwtInvalidClientIdError);
			await rejectsAs(cognitoVerifier({ tokenUse: 'id', clientId: s.clientId, groups: 'auditors' }).verify(s.id), CognitoJwtInvalidGroupError);
		});

		it('refuses tampered tokens', async () => {
			const s = t.sets['secret SRP'];
			const v = cognitoVerifier({ tokenUse: null, clientId: s.clientId });
			await rejectsAs(v.verify(tamper(s.id, { email: 'intruder@example.com' })), JwtInvalidSignatureError);
			await rejectsAs(v.verify(tamper(s.access, { client_id: s.clientId, username: 'root' })), JwtInvalidSignatureError);
			assert.throws(() => v.verifySync(algNone(s.access)), JwtBaseError);
		});

		it('refuses tokens of another pool', async () => {
			const other = await createPool(ctx.server.idp);
			const v = CognitoJwtVerifier.create({ userPoolId: other.Id, tokenUse: null, clientId: null });
			v.cacheJwks(jwks);
			// The verifier knows the issuer only of the pool it was made for.
			await rejectsAs(v.verify(t.sets['public SRP'].id), ParameterValidationError, /^issuer not configured: /);
		});
	},
	{ issuerStyle: 'aws' },
);
