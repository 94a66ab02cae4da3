// amazon-cognito-identity-js 6.x against Incognito, exactly as an app uses it:
// a CognitoUserPool with `endpoint` pointing at the server, CognitoUser
// objects, callbacks. Runs on SQLite and on PostgreSQL.
//
// Client secrets: amazon-cognito-identity-js cannot send SECRET_HASH (it has
// no option for a client secret), so these tests use a client without one.
// Secret clients are covered with the JS SDK v3 in secret-hash.test.mjs.

import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
	AdminDisableUserCommand,
	AdminGetUserCommand,
	GetUserCommand,
	InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoUser, CognitoUserAttribute, CognitoUserPool } from 'amazon-cognito-identity-js';
import {
	claims,
	createClient,
	createConfirmedUser,
	createPool,
	createUser,
	newIdentity,
	newPassword,
	recordCalls,
	rejectsWith,
} from '../harness/cognito.mjs';
import { authenticate, signIn } from '../harness/cij.mjs';
import { eachStore } from '../harness/stores.mjs';

// --- promise wrappers around the library's callbacks (sign-in: harness/cij.mjs) ---

function completeNewPassword(user, password, attributes = {}) {
	return new Promise((resolve, reject) =>
		user.completeNewPasswordChallenge(password, attributes, {
			onSuccess: resolve,
			onFailure: reject,
			mfaRequired: () => reject(new Error('unexpected mfaRequired')),
			customChallenge: () => reject(new Error('unexpected customChallenge')),
		}),
	);
}

const node = f => new Promise((resolve, reject) => f((err, v) => (err ? reject(err) : resolve(v))));

const refresh = (user, refreshToken) => node(cb => user.refreshSession(refreshToken, cb));
const changePassword = (user, oldPw, newPw) => node(cb => user.changePassword(oldPw, newPw, cb));
const getUserAttributes = user => node(cb => user.getUserAttributes(cb));
const confirmRegistration = (user, code) => node(cb => user.confirmRegistration(code, true, cb));
const signUp = (pool, username, password, attributes) =>
	node(cb =>
		pool.signUp(
			username,
			password,
			Object.entries(attributes).map(([Name, Value]) => new CognitoUserAttribute({ Name, Value })),
			null,
			cb,
		),
	);
const forgotPassword = user => new Promise((resolve, reject) => user.forgotPassword({ onSuccess: resolve, onFailure: reject }));
const confirmPassword = (user, code, pw) =>
	new Promise((resolve, reject) => user.confirmPassword(code, pw, { onSuccess: resolve, onFailure: reject }));
const globalSignOut = user => new Promise((resolve, reject) => user.globalSignOut({ onSuccess: resolve, onFailure: reject }));
const signOutRevoking = user => node(cb => user.signOut(err => cb(err)));

await eachStore('amazon-cognito-identity-js', ctx => {
	let poolInfo, client, pool, rec;

	before(async () => {
		poolInfo = await createPool(ctx.server.idp);
		client = await createClient(ctx.server.idp, poolInfo.Id);
		pool = new CognitoUserPool({ UserPoolId: poolInfo.Id, ClientId: client.ClientId, endpoint: ctx.server.url });
		rec = recordCalls(ctx.server.url);
	});
	after(() => rec?.stop());

	const adminGetUser = username =>
		ctx.server.idp.send(new AdminGetUserCommand({ UserPoolId: poolInfo.Id, Username: username }));

	it('signs in with SRP (USER_SRP_AUTH then PASSWORD_VERIFIER) and gets Cognito-shaped tokens', async () => {
		const u = await createConfirmedUser(ctx.server.idp, poolInfo.Id);
		rec.clear();
		const { session } = await signIn(pool, u.username, u.password);

		assert.deepEqual(rec.targets(), ['InitiateAuth', 'RespondToAuthChallenge']);
		assert.equal(rec.calls[0].body.AuthFlow, 'USER_SRP_AUTH');
		assert.match(rec.calls[0].body.AuthParameters.SRP_A, /^[0-9a-f]+$/);
		assert.equal(rec.calls[1].body.ChallengeName, 'PASSWORD_VERIFIER');

		assert.ok(session.isValid(), 'session is valid');
		const id = session.getIdToken().decodePayload();
		const access = session.getAccessToken().decodePayload();
		assert.equal(id.token_use, 'id');
		assert.equal(id['cognito:username'], u.username);
		assert.equal(id.email, u.email);
		assert.equal(id.email_verified, true);
		assert.equal(id.aud, client.ClientId);
		assert.equal(id.iss, ctx.server.issuer(poolInfo.Id));
		assert.equal(access.token_use, 'access');
		assert.equal(access.client_id, client.ClientId);
		assert.equal(access.username, u.username);
		assert.equal(access.sub, id.sub);
		assert.equal(access.scope, 'aws.cognito.signin.user.admin');
		assert.ok(session.getRefreshToken().getToken(), 'a refresh token');

		const got = await ctx.server.publicIdp.send(new GetUserCommand({ AccessToken: session.getAccessToken().getJwtToken() }));
		assert.equal(got.Username, u.username);
	});

	it('refuses a wrong password with "Incorrect username or password."', async () => {
		const u = await createConfirmedUser(ctx.server.idp, poolInfo.Id);
		const user = new CognitoUser({ Username: u.username, Pool: pool });
		await rejectsWith(authenticate(user, u.username, u.password + 'x'), 'NotAuthorizedException', 'Incorrect username or password.');
	});

	it('refuses a disabled user with "User is disabled."', async () => {
		const u = await createConfirmedUser(ctx.server.idp, poolInfo.Id);
		await ctx.server.idp.send(new AdminDisableUserCommand({ UserPoolId: poolInfo.Id, Username: u.username }));
		const user = new CognitoUser({ Username: u.username, Pool: pool });
		await rejectsWith(authenticate(user, u.username, u.password), 'NotAuthorizedException', 'User is disabled.');
	});

	it('reports an unknown user as Cognito does for each PreventUserExistenceErrors setting', async () => {
		const legacy = await createClient(ctx.server.idp, poolInfo.Id, { PreventUserExistenceErrors: 'LEGACY' });
		const legacyPool = new CognitoUserPool({ UserPoolId: poolInfo.Id, ClientId: legacy.ClientId, endpoint: ctx.server.url });
		await rejectsWith(
			authenticate(new CognitoUser({ Username: 'nobody-here', Pool: legacyPool }), 'nobody-here', newPassword()),
			'UserNotFoundException',
			'User does not exist.',
		);

		const enabled = await createClient(ctx.server.idp, poolInfo.Id, { PreventUserExistenceErrors: 'ENABLED' });
		const enabledPool = new CognitoUserPool({ UserPoolId: poolInfo.Id, ClientId: enabled.ClientId, endpoint: ctx.server.url });
		await rejectsWith(
			authenticate(new CognitoUser({ Username: 'nobody-here', Pool: enabledPool }), 'nobody-here', newPassword()),
			'NotAuthorizedException',
			'Incorrect username or password.',
		);
	});

	it('signs in by verified email alias; the session is the internal username', async () => {
		const u = await createConfirmedUser(ctx.server.idp, poolInfo.Id, 'alias');
		rec.clear();
		const { user, session } = await signIn(pool, u.email, u.password);
		assert.equal(rec.calls[0].body.AuthParameters.USERNAME, u.email, 'the library sends the email it was given');
		assert.equal(rec.calls[1].body.ChallengeResponses.USERNAME, u.username, 'and answers with USER_ID_FOR_SRP');
		assert.equal(user.getUsername(), u.username);
		assert.equal(session.getIdToken().decodePayload()['cognito:username'], u.username);
		assert.equal(session.getAccessToken().decodePayload().username, u.username);
	});

	it('completes NEW_PASSWORD_REQUIRED for an admin-created user with a temporary password', async () => {
		const { username, email } = newIdentity('invited');
		const temporary = newPassword();
		await createUser(ctx.server.idp, poolInfo.Id, {
			username,
			temporaryPassword: temporary,
			attributes: { email, email_verified: 'true' },
		});
		assert.equal((await adminGetUser(username)).UserStatus, 'FORCE_CHANGE_PASSWORD');

		const user = new CognitoUser({ Username: username, Pool: pool });
		const first = await authenticate(user, username, temporary);
		assert.ok(first.newPasswordRequired, `expected newPasswordRequired, got ${JSON.stringify(first)}`);
		assert.equal(first.newPasswordRequired.userAttributes.email, email);
		assert.deepEqual(first.newPasswordRequired.requiredAttributes, []);

		const permanent = newPassword();
		const session = await completeNewPassword(user, permanent);
		assert.ok(session.isValid());
		assert.equal(session.getIdToken().decodePayload()['cognito:username'], username);
		assert.equal((await adminGetUser(username)).UserStatus, 'CONFIRMED');

		await rejectsWith(authenticate(new CognitoUser({ Username: username, Pool: pool }), username, temporary),
			'NotAuthorizedException', 'Incorrect username or password.');
		await signIn(pool, username, permanent);
	});

	it('refreshes the session with REFRESH_TOKEN_AUTH', async () => {
		const u = await createConfirmedUser(ctx.server.idp, poolInfo.Id);
		const { user, session } = await signIn(pool, u.username, u.password);
		rec.clear();
		const next = await refresh(user, session.getRefreshToken());

		assert.deepEqual(rec.targets(), ['InitiateAuth']);
		assert.equal(rec.calls[0].body.AuthFlow, 'REFRESH_TOKEN_AUTH');
		assert.ok(next.isValid());
		const before = session.getAccessToken().decodePayload();
		const afterRefresh = next.getAccessToken().decodePayload();
		assert.notEqual(afterRefresh.jti, before.jti, 'a new access token');
		assert.equal(afterRefresh.sub, before.sub);
		assert.equal(afterRefresh.origin_jti, before.origin_jti, 'same sign-in session');
		assert.equal(next.getIdToken().decodePayload()['cognito:username'], u.username);
		assert.equal(next.getRefreshToken().getToken(), session.getRefreshToken().getToken(), 'no rotation: the refresh token is kept');

		const got = await ctx.server.publicIdp.send(new GetUserCommand({ AccessToken: next.getAccessToken().getJwtToken() }));
		assert.equal(got.Username, u.username);
	});

	// The library retries failed refreshes for ~7 s (requestWithRetry retries
	// every error), so refusals are checked with the SDK, sending the same
	// request the library sends.
	const refreshBySdk = refreshToken =>
		ctx.server.publicIdp.send(
			new InitiateAuthCommand({
				ClientId: client.ClientId,
				AuthFlow: 'REFRESH_TOKEN_AUTH',
				AuthParameters: { REFRESH_TOKEN: refreshToken },
			}),
		);

	it('refuses a refresh token that is not one', async () => {
		await rejectsWith(refreshBySdk('not-a-refresh-token'), 'NotAuthorizedException', 'Invalid Refresh Token');
	});

	it('changes the password (ChangePassword); the old one stops working', async () => {
		const u = await createConfirmedUser(ctx.server.idp, poolInfo.Id);
		const { user } = await signIn(pool, u.username, u.password);
		const changed = newPassword();
		assert.equal(await changePassword(user, u.password, changed), 'SUCCESS');
		await rejectsWith(authenticate(new CognitoUser({ Username: u.username, Pool: pool }), u.username, u.password),
			'NotAuthorizedException', 'Incorrect username or password.');
		await signIn(pool, u.username, changed);
	});

	it('refuses ChangePassword with a wrong previous password', async () => {
		const u = await createConfirmedUser(ctx.server.idp, poolInfo.Id);
		const { user } = await signIn(pool, u.username, u.password);
		await rejectsWith(changePassword(user, u.password + 'x', newPassword()), 'NotAuthorizedException', 'Incorrect username or password.');
	});

	it('resets a forgotten password with the emailed code (ForgotPassword, ConfirmForgotPassword)', async () => {
		const u = await createConfirmedUser(ctx.server.idp, poolInfo.Id, 'forgot');
		const user = new CognitoUser({ Username: u.username, Pool: pool });
		const sent = await forgotPassword(user);
		assert.equal(sent.CodeDeliveryDetails.DeliveryMedium, 'EMAIL');
		assert.equal(sent.CodeDeliveryDetails.AttributeName, 'email');
		assert.notEqual(sent.CodeDeliveryDetails.Destination, u.email, 'the destination is masked');
		assert.match(sent.CodeDeliveryDetails.Destination, /\*/);

		const code = await ctx.server.nextCode(poolInfo.Id, { destination: u.email });
		const wrong = code === '000000' ? '111111' : '000000';
		await rejectsWith(confirmPassword(user, wrong, newPassword()), 'CodeMismatchException',
			'Invalid verification code provided, please try again.');

		const reset = newPassword();
		assert.equal(await confirmPassword(user, code, reset), 'SUCCESS');
		await rejectsWith(authenticate(new CognitoUser({ Username: u.username, Pool: pool }), u.username, u.password),
			'NotAuthorizedException', 'Incorrect username or password.');
		await signIn(pool, u.username, reset);
	});

	it('signs up, refuses sign-in until confirmed, confirms with the emailed code', async () => {
		const { username, email } = newIdentity('signup');
		const password = newPassword();
		const result = await signUp(pool, username, password, { email });
		assert.equal(result.userConfirmed, false);
		assert.match(result.userSub, /^[0-9a-f-]{36}$/);
		assert.equal(result.codeDeliveryDetails.DeliveryMedium, 'EMAIL');
		assert.equal(result.codeDeliveryDetails.AttributeName, 'email');

		await rejectsWith(authenticate(new CognitoUser({ Username: username, Pool: pool }), username, password),
			'UserNotConfirmedException', 'User is not confirmed.');

		const code = await ctx.server.nextCode(poolInfo.Id, { destination: email });
		assert.equal(await confirmRegistration(result.user, code), 'SUCCESS');
		const { session } = await signIn(pool, username, password);
		assert.equal(session.getIdToken().decodePayload().sub, result.userSub);
		assert.equal(session.getIdToken().decodePayload().email_verified, true);
	});

	it('reads the attributes of the signed-in user (GetUser)', async () => {
		const u = await createConfirmedUser(ctx.server.idp, poolInfo.Id);
		const { user } = await signIn(pool, u.username, u.password);
		const got = Object.fromEntries((await getUserAttributes(user)).map(a => [a.getName(), a.getValue()]));
		assert.equal(got.email, u.email);
		assert.equal(got.email_verified, 'true');
		assert.match(got.sub, /^[0-9a-f-]{36}$/);
	});

	it('global sign-out revokes the access and refresh tokens', async () => {
		const u = await createConfirmedUser(ctx.server.idp, poolInfo.Id);
		const { user, session } = await signIn(pool, u.username, u.password);
		assert.equal(await globalSignOut(user), 'SUCCESS');
		await rejectsWith(
			ctx.server.publicIdp.send(new GetUserCommand({ AccessToken: session.getAccessToken().getJwtToken() })),
			'NotAuthorizedException',
			'Access Token has been revoked',
		);
		await rejectsWith(refreshBySdk(session.getRefreshToken().getToken()), 'NotAuthorizedException', 'Refresh Token has been revoked');
	});

	it('signOut with a callback revokes the refresh token (RevokeToken) and its access tokens', async () => {
		const u = await createConfirmedUser(ctx.server.idp, poolInfo.Id);
		const { user, session } = await signIn(pool, u.username, u.password);
		rec.clear();
		await signOutRevoking(user);
		assert.ok(rec.targets().includes('RevokeToken'), `calls: ${rec.targets()}`);
		await rejectsWith(refreshBySdk(session.getRefreshToken().getToken()), 'NotAuthorizedException', 'Refresh Token has been revoked');
		await rejectsWith(
			ctx.server.publicIdp.send(new GetUserCommand({ AccessToken: session.getAccessToken().getJwtToken() })),
			'NotAuthorizedException',
			'Access Token has been revoked',
		);
	});

	it('tokens carry the pool issuer and kid', async () => {
		const u = await createConfirmedUser(ctx.server.idp, poolInfo.Id);
		const { session } = await signIn(pool, u.username, u.password);
		const jwks = await ctx.server.jwks(poolInfo.Id);
		for (const token of [session.getIdToken().getJwtToken(), session.getAccessToken().getJwtToken()]) {
			const h = JSON.parse(Buffer.from(token.split('.')[0], 'base64url'));
			assert.equal(h.alg, 'RS256');
			assert.ok(jwks.keys.some(k => k.kid === h.kid), `kid ${h.kid} is in the JWKS`);
			assert.equal(claims(token).iss, ctx.server.issuer(poolInfo.Id));
		}
	});
});
