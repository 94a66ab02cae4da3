// App clients with a secret, driven by the JS SDK v3 (the only one of the
// JavaScript clients that can send SECRET_HASH / ClientSecret:
// amazon-cognito-identity-js and amplify v6 have no client-secret support).
// SRP uses amazon-cognito-identity-js's maths (harness/srp.mjs). Runs on
// SQLite and on PostgreSQL.

import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
	AdminGetUserCommand,
	ConfirmForgotPasswordCommand,
	ConfirmSignUpCommand,
	ForgotPasswordCommand,
	GetTokensFromRefreshTokenCommand,
	GetUserCommand,
	InitiateAuthCommand,
	RespondToAuthChallengeCommand,
	RevokeTokenCommand,
	SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
	claims,
	createClient,
	createConfirmedUser,
	createPool,
	createUser,
	newIdentity,
	newPassword,
	rejectsWith,
	secretHash,
} from '../harness/cognito.mjs';
import { srpSignIn } from '../harness/srp.mjs';
import { eachStore } from '../harness/stores.mjs';

await eachStore('client secret (JS SDK v3)', ctx => {
	let pool, client, hash;

	before(async () => {
		pool = await createPool(ctx.server.idp);
		client = await createClient(ctx.server.idp, pool.Id, { secret: true });
		hash = username => secretHash(username, client.ClientId, client.ClientSecret);
	});

	const send = cmd => ctx.server.publicIdp.send(cmd);
	const missing = () => `Client ${client.ClientId} is configured for secret but secret was not received`;
	const wrong = () => `Unable to verify secret hash for client ${client.ClientId}`;

	const passwordAuth = (username, password, secretHashValue) =>
		send(
			new InitiateAuthCommand({
				ClientId: client.ClientId,
				AuthFlow: 'USER_PASSWORD_AUTH',
				AuthParameters: {
					USERNAME: username,
					PASSWORD: password,
					...(secretHashValue === undefined ? {} : { SECRET_HASH: secretHashValue }),
				},
			}),
		);
	const refreshAuth = (refreshToken, secretHashValue) =>
		send(
			new InitiateAuthCommand({
				ClientId: client.ClientId,
				AuthFlow: 'REFRESH_TOKEN_AUTH',
				AuthParameters: {
					REFRESH_TOKEN: refreshToken,
					...(secretHashValue === undefined ? {} : { SECRET_HASH: secretHashValue }),
				},
			}),
		);

	it('USER_PASSWORD_AUTH with SECRET_HASH signs in', async () => {
		const u = await createConfirmedUser(ctx.server.idp, pool.Id, 'sec');
		const out = await passwordAuth(u.username, u.password, hash(u.username));
		const r = out.AuthenticationResult;
		assert.equal(r.TokenType, 'Bearer');
		assert.equal(r.ExpiresIn, 3600);
		assert.equal(claims(r.IdToken).aud, client.ClientId);
		assert.equal(claims(r.AccessToken).client_id, client.ClientId);
		assert.ok(r.RefreshToken);
	});

	it('refuses a missing SECRET_HASH', async () => {
		const u = await createConfirmedUser(ctx.server.idp, pool.Id, 'sec');
		await rejectsWith(passwordAuth(u.username, u.password), 'NotAuthorizedException', missing());
	});

	it('refuses a wrong SECRET_HASH', async () => {
		const u = await createConfirmedUser(ctx.server.idp, pool.Id, 'sec');
		await rejectsWith(passwordAuth(u.username, u.password, hash(u.username + 'x')), 'NotAuthorizedException', wrong());
		await rejectsWith(
			passwordAuth(u.username, u.password, secretHash(u.username, client.ClientId, client.ClientSecret + 'x')),
			'NotAuthorizedException',
			wrong(),
		);
	});

	it('checks the secret before the password', async () => {
		const u = await createConfirmedUser(ctx.server.idp, pool.Id, 'sec');
		await rejectsWith(passwordAuth(u.username, u.password + 'x', hash(u.username + 'x')), 'NotAuthorizedException', wrong());
		await rejectsWith(passwordAuth(u.username, u.password + 'x', hash(u.username)), 'NotAuthorizedException',
			'Incorrect username or password.');
	});

	it('USER_SRP_AUTH with SECRET_HASH in both steps signs in', async () => {
		const u = await createConfirmedUser(ctx.server.idp, pool.Id, 'sec-srp');
		const { challenge, respond } = await srpSignIn(ctx.server.publicIdp, {
			poolId: pool.Id,
			clientId: client.ClientId,
			clientSecret: client.ClientSecret,
			username: u.username,
			password: u.password,
		});
		assert.equal(challenge.USER_ID_FOR_SRP, u.username);
		assert.equal(claims(respond.AuthenticationResult.IdToken)['cognito:username'], u.username);
	});

	it('USER_SRP_AUTH refuses a missing SECRET_HASH at either step', async () => {
		const u = await createConfirmedUser(ctx.server.idp, pool.Id, 'sec-srp');
		const base = { poolId: pool.Id, clientId: client.ClientId, username: u.username, password: u.password };
		await rejectsWith(
			srpSignIn(ctx.server.publicIdp, { ...base, secretHashFor: (step, name) => (step === 'initiate' ? undefined : hash(name)) }),
			'NotAuthorizedException',
			missing(),
		);
		await rejectsWith(
			srpSignIn(ctx.server.publicIdp, { ...base, secretHashFor: (step, name) => (step === 'respond' ? undefined : hash(name)) }),
			'NotAuthorizedException',
			missing(),
		);
	});

	it('by email alias: SECRET_HASH of the typed alias to sign in, of the internal username afterwards', async () => {
		const u = await createConfirmedUser(ctx.server.idp, pool.Id, 'sec-alias');
		const pw = await passwordAuth(u.email, u.password, hash(u.email));
		assert.equal(claims(pw.AuthenticationResult.AccessToken).username, u.username);

		const { challenge, respond } = await srpSignIn(ctx.server.publicIdp, {
			poolId: pool.Id,
			clientId: client.ClientId,
			clientSecret: client.ClientSecret,
			username: u.email,
			password: u.password,
		});
		assert.equal(challenge.USER_ID_FOR_SRP, u.username);
		const refreshed = await refreshAuth(respond.AuthenticationResult.RefreshToken, hash(u.username));
		assert.equal(claims(refreshed.AuthenticationResult.IdToken)['cognito:username'], u.username);
	});

	it('REFRESH_TOKEN_AUTH needs SECRET_HASH', async () => {
		const u = await createConfirmedUser(ctx.server.idp, pool.Id, 'sec-refresh');
		const { AuthenticationResult: first } = await passwordAuth(u.username, u.password, hash(u.username));
		await rejectsWith(refreshAuth(first.RefreshToken), 'NotAuthorizedException', missing());
		await rejectsWith(refreshAuth(first.RefreshToken, hash(u.username + 'x')), 'NotAuthorizedException', wrong());
		const out = await refreshAuth(first.RefreshToken, hash(u.username));
		const r = out.AuthenticationResult;
		assert.ok(r.AccessToken && r.IdToken);
		assert.equal(r.RefreshToken, undefined, 'no rotation: no new refresh token');
		assert.equal(claims(r.AccessToken).origin_jti, claims(first.AccessToken).origin_jti);
	});

	it('GetTokensFromRefreshToken takes the raw ClientSecret', async () => {
		const u = await createConfirmedUser(ctx.server.idp, pool.Id, 'sec-gtfrt');
		const { AuthenticationResult: first } = await passwordAuth(u.username, u.password, hash(u.username));
		const get = secret =>
			send(new GetTokensFromRefreshTokenCommand({ ClientId: client.ClientId, RefreshToken: first.RefreshToken, ClientSecret: secret }));
		await rejectsWith(get(undefined), 'NotAuthorizedException');
		await rejectsWith(get(client.ClientSecret + 'x'), 'NotAuthorizedException');
		const out = await get(client.ClientSecret);
		assert.equal(claims(out.AuthenticationResult.AccessToken).sub, claims(first.AccessToken).sub);
		await send(new GetUserCommand({ AccessToken: out.AuthenticationResult.AccessToken }));
	});

	it('RevokeToken with the ClientSecret revokes the refresh token and its access token', async () => {
		const u = await createConfirmedUser(ctx.server.idp, pool.Id, 'sec-revoke');
		const { AuthenticationResult: first } = await passwordAuth(u.username, u.password, hash(u.username));
		await send(new RevokeTokenCommand({ ClientId: client.ClientId, ClientSecret: client.ClientSecret, Token: first.RefreshToken }));
		await rejectsWith(refreshAuth(first.RefreshToken, hash(u.username)), 'NotAuthorizedException', 'Refresh Token has been revoked');
		await rejectsWith(send(new GetUserCommand({ AccessToken: first.AccessToken })), 'NotAuthorizedException',
			'Access Token has been revoked');
	});

	it('NEW_PASSWORD_REQUIRED answered with SECRET_HASH', async () => {
		const { username, email } = newIdentity('sec-invited');
		const temporary = newPassword();
		await createUser(ctx.server.idp, pool.Id, { username, temporaryPassword: temporary, attributes: { email, email_verified: 'true' } });
		const first = await passwordAuth(username, temporary, hash(username));
		assert.equal(first.ChallengeName, 'NEW_PASSWORD_REQUIRED');
		assert.ok(first.Session);
		const respond = responses =>
			send(
				new RespondToAuthChallengeCommand({
					ClientId: client.ClientId,
					ChallengeName: 'NEW_PASSWORD_REQUIRED',
					Session: first.Session,
					ChallengeResponses: responses,
				}),
			);
		const permanent = newPassword();
		await rejectsWith(respond({ USERNAME: username, NEW_PASSWORD: permanent }), 'NotAuthorizedException', missing());
		const done = await respond({ USERNAME: username, NEW_PASSWORD: permanent, SECRET_HASH: hash(username) });
		assert.equal(claims(done.AuthenticationResult.IdToken)['cognito:username'], username);
		const status = await ctx.server.idp.send(new AdminGetUserCommand({ UserPoolId: pool.Id, Username: username }));
		assert.equal(status.UserStatus, 'CONFIRMED');
	});

	it('SignUp and ConfirmSignUp need SecretHash', async () => {
		const { username, email } = newIdentity('sec-signup');
		const password = newPassword();
		const signUp = secret =>
			send(
				new SignUpCommand({
					ClientId: client.ClientId,
					Username: username,
					Password: password,
					SecretHash: secret,
					UserAttributes: [{ Name: 'email', Value: email }],
				}),
			);
		await rejectsWith(signUp(undefined), 'NotAuthorizedException', missing());
		await rejectsWith(signUp(hash(username + 'x')), 'NotAuthorizedException', wrong());
		const out = await signUp(hash(username));
		assert.equal(out.UserConfirmed, false);

		const code = await ctx.server.nextCode(pool.Id, { destination: email });
		const confirm = secret =>
			send(new ConfirmSignUpCommand({ ClientId: client.ClientId, Username: username, ConfirmationCode: code, SecretHash: secret }));
		await rejectsWith(confirm(undefined), 'NotAuthorizedException', missing());
		await confirm(hash(username));
		const signedIn = await passwordAuth(username, password, hash(username));
		assert.equal(claims(signedIn.AuthenticationResult.IdToken).sub, out.UserSub);
	});

	it('ForgotPassword and ConfirmForgotPassword need SecretHash', async () => {
		const u = await createConfirmedUser(ctx.server.idp, pool.Id, 'sec-forgot');
		await rejectsWith(send(new ForgotPasswordCommand({ ClientId: client.ClientId, Username: u.username })), 'NotAuthorizedException', missing());
		const sent = await send(new ForgotPasswordCommand({ ClientId: client.ClientId, Username: u.username, SecretHash: hash(u.username) }));
		assert.equal(sent.CodeDeliveryDetails.DeliveryMedium, 'EMAIL');
		const code = await ctx.server.nextCode(pool.Id, { destination: u.email });
		const reset = newPassword();
		const confirm = secret =>
			send(
				new ConfirmForgotPasswordCommand({
					ClientId: client.ClientId,
					Username: u.username,
					ConfirmationCode: code,
					Password: reset,
					SecretHash: secret,
				}),
			);
		await rejectsWith(confirm(undefined), 'NotAuthorizedException', missing());
		await confirm(hash(u.username));
		await passwordAuth(u.username, reset, hash(u.username));
	});
});
