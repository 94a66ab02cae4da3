// aws-amplify v6 in Node against Incognito: Amplify.configure with
// userPoolEndpoint, then the auth APIs an app calls. Runs on SQLite and on
// PostgreSQL.
//
// Amplify is a singleton: it is configured for each store's server in turn,
// and every test signs out before the next user signs in. Node has no
// localStorage, so tokens live in amplify's sharedInMemoryStorage.
//
// Client secrets: amplify v6 has no way to send SECRET_HASH (app clients used
// with it must not have a secret), so these tests use a client without one.
// Secret clients are covered with the JS SDK v3 in secret-hash.test.mjs.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AdminGetUserCommand, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import {
	confirmSignIn,
	confirmSignUp,
	confirmUserAttribute,
	fetchAuthSession,
	fetchUserAttributes,
	getCurrentUser,
	signIn,
	signOut,
	signUp,
	updateUserAttributes,
} from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { sharedInMemoryStorage } from 'aws-amplify/utils';
import {
	createClient,
	createConfirmedUser,
	createPool,
	createUser,
	newIdentity,
	newPassword,
	recordCalls,
	rejectsWith,
} from '../harness/cognito.mjs';
import { eachStore } from '../harness/stores.mjs';

function configureAmplify(server, poolId, clientId) {
	Amplify.configure({
		Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: server.url } },
	});
	cognitoUserPoolsTokenProvider.setKeyValueStorage(sharedInMemoryStorage);
}

/** Signs out locally whoever is signed in (never fails). */
async function signOutQuietly() {
	try {
		await signOut();
	} catch {
		// nobody was signed in
	}
}

await eachStore('aws-amplify v6', ctx => {
	let pool, client, rec;

	before(async () => {
		pool = await createPool(ctx.server.idp);
		client = await createClient(ctx.server.idp, pool.Id);
		configureAmplify(ctx.server, pool.Id, client.ClientId);
		await signOutQuietly();
		rec = recordCalls(ctx.server.url);
	});
	after(async () => {
		await signOutQuietly();
		rec?.stop();
	});

	const getUserBySdk = accessToken => ctx.server.publicIdp.send(new GetUserCommand({ AccessToken: accessToken }));

	describe('a signed-in user', () => {
		let u, firstSession;

		before(async () => {
			await signOutQuietly();
			u = await createConfirmedUser(ctx.server.idp, pool.Id, 'amp');
		});

		it('signIn signs in with its default flow, USER_SRP_AUTH', async () => {
			rec.clear();
			const out = await signIn({ username: u.username, password: u.password });
			assert.deepEqual(out, { isSignedIn: true, nextStep: { signInStep: 'DONE' } });
			assert.deepEqual(rec.targets().slice(0, 2), ['InitiateAuth', 'RespondToAuthChallenge']);
			assert.equal(rec.calls[0].body.AuthFlow, 'USER_SRP_AUTH');
			assert.equal(rec.calls[1].body.ChallengeName, 'PASSWORD_VERIFIER');
		});

		it('getCurrentUser names the user', async () => {
			const me = await getCurrentUser();
			assert.equal(me.username, u.username);
			assert.match(me.userId, /^[0-9a-f-]{36}$/);
			assert.equal(me.signInDetails?.loginId, u.username);
			assert.equal(me.signInDetails?.authFlowType, 'USER_SRP_AUTH');
		});

		it('fetchAuthSession returns the tokens', async () => {
			firstSession = await fetchAuthSession();
			const { idToken, accessToken } = firstSession.tokens;
			assert.equal(idToken.payload['cognito:username'], u.username);
			assert.equal(idToken.payload.aud, client.ClientId);
			assert.equal(idToken.payload.email, u.email);
			assert.equal(accessToken.payload.client_id, client.ClientId);
			assert.equal(accessToken.payload.iss, ctx.server.issuer(pool.Id));
			assert.equal(firstSession.userSub, idToken.payload.sub);
		});

		it('fetchAuthSession({ forceRefresh: true }) refreshes through GetTokensFromRefreshToken', async () => {
			rec.clear();
			const next = await fetchAuthSession({ forceRefresh: true });
			assert.ok(rec.targets().includes('GetTokensFromRefreshToken'), `calls: ${rec.targets()}`);
			const call = rec.calls.find(c => c.target === 'GetTokensFromRefreshToken');
			assert.equal(call.body.ClientId, client.ClientId);
			assert.ok(call.body.RefreshToken);
			const before = firstSession.tokens.accessToken.payload;
			const now = next.tokens.accessToken.payload;
			assert.notEqual(now.jti, before.jti, 'a new access token');
			assert.equal(now.sub, before.sub);
			assert.equal(now.origin_jti, before.origin_jti);
			assert.equal(next.tokens.idToken.payload['cognito:username'], u.username);
			const got = await getUserBySdk(next.tokens.accessToken.toString());
			assert.equal(got.Username, u.username);
		});

		it('fetchUserAttributes reads the user (GetUser)', async () => {
			const a = await fetchUserAttributes();
			assert.equal(a.email, u.email);
			assert.equal(a.email_verified, 'true');
			assert.equal(a.sub, firstSession.userSub);
		});

		let newEmail;
		it('updateUserAttributes changes name at once and holds email for a code', async () => {
			newEmail = `moved-${u.username}@example.com`;
			const out = await updateUserAttributes({ userAttributes: { name: 'Ada Lovelace', email: newEmail } });
			assert.deepEqual(out.name, { isUpdated: true, nextStep: { updateAttributeStep: 'DONE' } });
			assert.equal(out.email.isUpdated, false);
			assert.equal(out.email.nextStep.updateAttributeStep, 'CONFIRM_ATTRIBUTE_WITH_CODE');
			assert.equal(out.email.nextStep.codeDeliveryDetails.attributeName, 'email');
			assert.equal(out.email.nextStep.codeDeliveryDetails.deliveryMedium, 'EMAIL');

			const a = await fetchUserAttributes();
			assert.equal(a.name, 'Ada Lovelace');
			// The pool requires verification before an email update: the
			// verified address stays until the new one is confirmed.
			assert.equal(a.email, u.email);
			assert.equal(a.email_verified, 'true');
		});

		it('confirmUserAttribute verifies the new email with the emailed code', async () => {
			const code = await ctx.server.nextCode(pool.Id, { destination: newEmail });
			await confirmUserAttribute({ userAttributeKey: 'email', confirmationCode: code });
			const a = await fetchUserAttributes();
			assert.equal(a.email, newEmail);
			assert.equal(a.email_verified, 'true');
		});

		it('signOut({ global: true }) revokes the tokens everywhere', async () => {
			const { tokens } = await fetchAuthSession();
			const access = tokens.accessToken.toString();
			await getUserBySdk(access); // still valid before sign-out
			rec.clear();
			await signOut({ global: true });
			// amplify swallows GlobalSignOut errors, so check it was sent and worked.
			assert.ok(rec.targets().includes('GlobalSignOut'), `calls: ${rec.targets()}`);
			await rejectsWith(getUserBySdk(access), 'NotAuthorizedException', 'Access Token has been revoked');
			await rejectsWith(getCurrentUser(), 'UserUnAuthenticatedException');
		});
	});

	it('signIn refuses a wrong password with "Incorrect username or password."', async () => {
		await signOutQuietly();
		const u = await createConfirmedUser(ctx.server.idp, pool.Id, 'amp-wrong');
		await rejectsWith(signIn({ username: u.username, password: u.password + 'x' }), 'NotAuthorizedException', 'Incorrect username or password.');
	});

	it('signIn by verified email alias signs in the internal username', async () => {
		await signOutQuietly();
		const u = await createConfirmedUser(ctx.server.idp, pool.Id, 'amp-alias');
		const out = await signIn({ username: u.email, password: u.password });
		assert.equal(out.isSignedIn, true);
		const me = await getCurrentUser();
		assert.equal(me.username, u.username);
		await signOut();
	});

	it('signIn of an invited user asks for a new password; confirmSignIn sets it', async () => {
		await signOutQuietly();
		const { username, email } = newIdentity('amp-invited');
		const temporary = newPassword();
		await createUser(ctx.server.idp, pool.Id, { username, temporaryPassword: temporary, attributes: { email, email_verified: 'true' } });

		const first = await signIn({ username, password: temporary });
		assert.equal(first.isSignedIn, false);
		assert.equal(first.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');

		const done = await confirmSignIn({ challengeResponse: newPassword() });
		assert.deepEqual(done, { isSignedIn: true, nextStep: { signInStep: 'DONE' } });
		assert.equal((await getCurrentUser()).username, username);
		const status = await ctx.server.idp.send(new AdminGetUserCommand({ UserPoolId: pool.Id, Username: username }));
		assert.equal(status.UserStatus, 'CONFIRMED');
		await signOut();
	});

	it('signUp sends a code; confirmSignUp confirms; the new user signs in', async () => {
		await signOutQuietly();
		const { username, email } = newIdentity('amp-signup');
		const password = newPassword();
		const out = await signUp({ username, password, options: { userAttributes: { email } } });
		assert.equal(out.isSignUpComplete, false);
		assert.match(out.userId, /^[0-9a-f-]{36}$/);
		assert.equal(out.nextStep.signUpStep, 'CONFIRM_SIGN_UP');
		assert.equal(out.nextStep.codeDeliveryDetails.deliveryMedium, 'EMAIL');
		assert.equal(out.nextStep.codeDeliveryDetails.attributeName, 'email');
		assert.match(out.nextStep.codeDeliveryDetails.destination, /\*/, 'the destination is masked');

		// amplify turns UserNotConfirmedException (and only it) into this step.
		assert.deepEqual(await signIn({ username, password }), { isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_UP' } });

		const code = await ctx.server.nextCode(pool.Id, { destination: email });
		const confirmed = await confirmSignUp({ username, confirmationCode: code });
		assert.equal(confirmed.isSignUpComplete, true);
		assert.equal(confirmed.nextStep.signUpStep, 'DONE');

		const signedIn = await signIn({ username, password });
		assert.equal(signedIn.isSignedIn, true);
		const a = await fetchUserAttributes();
		assert.equal(a.sub, out.userId);
		assert.equal(a.email, email);
		assert.equal(a.email_verified, 'true');
		await signOut();
	});

	it('confirmSignUp refuses a wrong code', async () => {
		await signOutQuietly();
		const { username, email } = newIdentity('amp-badcode');
		await signUp({ username, password: newPassword(), options: { userAttributes: { email } } });
		const code = await ctx.server.nextCode(pool.Id, { destination: email });
		const wrong = code === '000000' ? '111111' : '000000';
		await rejectsWith(confirmSignUp({ username, confirmationCode: wrong }), 'CodeMismatchException',
			'Invalid verification code provided, please try again.');
	});
});
