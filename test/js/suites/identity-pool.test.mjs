// Identity pools and STS, the way the seed app uses them: a user pool with
// an email alias and an Admins group whose RoleArn a Token role mapping
// picks, an identity pool trusting the pool's public app client, aws-amplify
// v6 (userPoolEndpoint + identityPoolEndpoint) signing in and fetching AWS
// credentials, @aws-sdk/credential-providers fromCognitoIdentityPool with
// the AWS-style Logins key, and @aws-sdk/client-sts GetCallerIdentity signed
// with the vended credentials. Then guests, the classic flow and refusals.
// Runs on SQLite and on PostgreSQL.
//
// Amplify is a singleton: it is configured for each store's server in turn,
// and tests sign out before another user signs in. Node has no
// localStorage: tokens live in amplify's sharedInMemoryStorage, the
// identity ID in amplify's in-memory default storage.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import {
	DescribeIdentityPoolCommand,
	GetCredentialsForIdentityCommand,
	GetIdCommand,
	GetOpenIdTokenCommand,
} from '@aws-sdk/client-cognito-identity';
import { AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { sharedInMemoryStorage } from 'aws-amplify/utils';
import { claims, createClient, createConfirmedUser, createPool, recordCalls, rejectsWith } from '../harness/cognito.mjs';
import {
	IDENTITY_ID,
	assertVended,
	assumedRoleArn,
	awsProvider,
	callerIdentity,
	createGroupWithRole,
	createIdentityPool,
	identityClients,
	identityPoolCredentials,
	issuerProvider,
	newRole,
	passwordTokens,
	setRoles,
	stsClient,
	tamperJwt,
	withTamperedSecret,
} from '../harness/identity.mjs';
import { REGION } from '../harness/server.mjs';
import { eachStore } from '../harness/stores.mjs';

function configureAmplify(server, { poolId, clientId, identityPoolId, allowGuestAccess = true }) {
	Amplify.configure({
		Auth: {
			Cognito: {
				userPoolId: poolId,
				userPoolClientId: clientId,
				userPoolEndpoint: server.url,
				identityPoolId,
				identityPoolEndpoint: server.url,
				allowGuestAccess,
			},
		},
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

/** The credentials part of amplify's or the credential provider's answer, for signing. */
const keysOf = c => ({ accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken });

await eachStore('identity pools and STS', ctx => {
	let clients, ci, publicCi;
	let pool, client, otherClient, alice, admin;
	let authRole, unauthRole, adminRole;
	let main, noGuests, classic, checked;

	before(async () => {
		const { idp } = ctx.server;
		clients = identityClients(ctx.server);
		({ ci, publicCi } = clients);

		// The seed app's user pool: email alias, a public client allowing
		// SRP, password and refresh, an Admins group with a role.
		pool = await createPool(idp);
		client = await createClient(idp, pool.Id);
		otherClient = await createClient(idp, pool.Id); // not trusted by any identity pool
		alice = await createConfirmedUser(idp, pool.Id, 'alice');
		admin = await createConfirmedUser(idp, pool.Id, 'admin');
		authRole = newRole('js-authenticated');
		unauthRole = newRole('js-unauthenticated');
		adminRole = newRole('js-admins');
		await createGroupWithRole(idp, pool.Id, 'Admins', adminRole.arn, { precedence: 1, addUsers: [admin.username] });

		const trusted = [{ poolId: pool.Id, clientId: client.ClientId }];
		const roles = { authenticated: authRole.arn, unauthenticated: unauthRole.arn, tokenMappings: trusted };
		main = await createIdentityPool(ci, { providers: trusted });
		await setRoles(ci, main.IdentityPoolId, roles);
		noGuests = await createIdentityPool(ci, { providers: trusted, allowGuests: false });
		await setRoles(ci, noGuests.IdentityPoolId, roles);
		classic = await createIdentityPool(ci, { providers: trusted, classic: true });
		await setRoles(ci, classic.IdentityPoolId, roles);
		checked = await createIdentityPool(ci, { providers: [{ ...trusted[0], serverSideTokenCheck: true }] });
		await setRoles(ci, checked.IdentityPoolId, roles);
	});
	after(() => clients?.destroy());

	it('CreateIdentityPool and DescribeIdentityPool keep the seed app configuration', async () => {
		assert.match(main.IdentityPoolId, new RegExp(`^${REGION}:[0-9a-f-]{36}$`));
		assert.equal(main.AllowUnauthenticatedIdentities, true);
		const d = await ci.send(new DescribeIdentityPoolCommand({ IdentityPoolId: main.IdentityPoolId }));
		assert.equal(d.IdentityPoolName, main.IdentityPoolName);
		assert.equal(d.AllowUnauthenticatedIdentities, true);
		assert.deepEqual(d.CognitoIdentityProviders, [
			{ ProviderName: awsProvider(pool.Id), ClientId: client.ClientId, ServerSideTokenCheck: false },
		]);
		const c = await ci.send(new DescribeIdentityPoolCommand({ IdentityPoolId: classic.IdentityPoolId }));
		assert.equal(c.AllowClassicFlow, true);
	});

	it('the admin operations refuse keys the server does not know', async () => {
		await rejectsWith(publicCi.send(new DescribeIdentityPoolCommand({ IdentityPoolId: main.IdentityPoolId })), 'UnrecognizedClientException');
	});

	describe('aws-amplify v6 (userPoolEndpoint + identityPoolEndpoint)', () => {
		let rec, aliceSession;

		before(async () => {
			configureAmplify(ctx.server, { poolId: pool.Id, clientId: client.ClientId, identityPoolId: main.IdentityPoolId });
			await signOutQuietly();
			rec = recordCalls(ctx.server.url);
		});
		after(async () => {
			await signOutQuietly();
			rec?.stop();
		});

		it('signIn (SRP) then fetchAuthSession returns an identity ID and credentials', async () => {
			rec.clear();
			const out = await signIn({ username: alice.username, password: alice.password });
			assert.deepEqual(out, { isSignedIn: true, nextStep: { signInStep: 'DONE' } });
			assert.equal(rec.calls[0].body.AuthFlow, 'USER_SRP_AUTH');

			rec.clear();
			aliceSession = await fetchAuthSession();
			assert.match(aliceSession.identityId, IDENTITY_ID);
			assertVended(aliceSession.credentials, 'amplify credentials');
			assert.equal(aliceSession.tokens.idToken.payload['cognito:username'], alice.username);

			// Amplify's Logins key is the ID token's iss without its scheme.
			assert.deepEqual(rec.targets(), ['GetId', 'GetCredentialsForIdentity']);
			const [getId, getCreds] = rec.calls;
			assert.equal(getId.body.IdentityPoolId, main.IdentityPoolId);
			assert.deepEqual(Object.keys(getId.body.Logins), [issuerProvider(ctx.server, pool.Id)]);
			assert.equal(getCreds.body.IdentityId, aliceSession.identityId);
		});

		it('GetCallerIdentity signed with them answers the authenticated role', async () => {
			const who = await callerIdentity(ctx.server, keysOf(aliceSession.credentials));
			assert.equal(who.Arn, assumedRoleArn(authRole.name));
			assert.equal(who.Account, '000000000000');
			assert.match(who.UserId, /^AROA[A-Z0-9]+:CognitoIdentityCredentials$/);
		});

		it('fetchAuthSession({ forceRefresh: true }) keeps the identity and vends new credentials', async () => {
			rec.clear();
			const next = await fetchAuthSession({ forceRefresh: true });
			assert.ok(rec.targets().includes('GetTokensFromRefreshToken'), `calls: ${rec.targets()}`);
			const getCreds = rec.calls.filter(c => c.target === 'GetCredentialsForIdentity');
			assert.equal(getCreds.length, 1, `calls: ${rec.targets()}`);
			assert.equal(getCreds[0].body.Logins[issuerProvider(ctx.server, pool.Id)], next.tokens.idToken.toString(), 'the new ID token');
			assert.equal(next.identityId, aliceSession.identityId);
			assertVended(next.credentials, 'refreshed credentials');
			assert.notEqual(next.credentials.accessKeyId, aliceSession.credentials.accessKeyId);
			const who = await callerIdentity(ctx.server, keysOf(next.credentials));
			assert.equal(who.Arn, assumedRoleArn(authRole.name));
		});

		it('fromCognitoIdentityPool with the AWS-style login gets the same identity', async () => {
			const { tokens } = await fetchAuthSession();
			const creds = await identityPoolCredentials(ctx.server, main.IdentityPoolId, { [awsProvider(pool.Id)]: tokens.idToken.toString() });
			assert.equal(creds.identityId, aliceSession.identityId);
			assertVended(creds, 'fromCognitoIdentityPool credentials');
			const who = await callerIdentity(ctx.server, keysOf(creds));
			assert.equal(who.Arn, assumedRoleArn(authRole.name));
		});

		it('a member of Admins signed in by email gets the group role (Token mapping, cognito:preferred_role)', async () => {
			await signOut();
			const out = await signIn({ username: admin.email, password: admin.password });
			assert.equal(out.isSignedIn, true);
			const s = await fetchAuthSession();
			const id = s.tokens.idToken.payload;
			assert.deepEqual(id['cognito:groups'], ['Admins']);
			assert.equal(id['cognito:preferred_role'], adminRole.arn);
			assert.match(s.identityId, IDENTITY_ID);
			assert.notEqual(s.identityId, aliceSession.identityId);
			assertVended(s.credentials, 'admin credentials');
			assert.equal((await callerIdentity(ctx.server, keysOf(s.credentials))).Arn, assumedRoleArn(adminRole.name));

			const creds = await identityPoolCredentials(ctx.server, main.IdentityPoolId, { [awsProvider(pool.Id)]: s.tokens.idToken.toString() });
			assert.equal(creds.identityId, s.identityId);
			assert.equal((await callerIdentity(ctx.server, keysOf(creds))).Arn, assumedRoleArn(adminRole.name));
		});

		let guestSession;
		it('after signOut, allowGuestAccess gets guest credentials of another identity', async () => {
			await signOut();
			rec.clear();
			guestSession = await fetchAuthSession();
			assert.equal(guestSession.tokens, undefined);
			assert.match(guestSession.identityId, IDENTITY_ID);
			assert.notEqual(guestSession.identityId, aliceSession.identityId);
			assertVended(guestSession.credentials, 'guest credentials');
			assert.deepEqual(rec.targets(), ['GetId', 'GetCredentialsForIdentity']);
			assert.deepEqual(rec.calls[0].body.Logins ?? {}, {}, 'a guest sends no logins');
			assert.equal(rec.calls[1].body.Logins, undefined);

			const who = await callerIdentity(ctx.server, keysOf(guestSession.credentials));
			assert.equal(who.Arn, assumedRoleArn(unauthRole.name));
		});

		it('the guest keeps its identity until someone signs in', async () => {
			const again = await fetchAuthSession({ forceRefresh: true });
			assert.equal(again.identityId, guestSession.identityId);
			assertVended(again.credentials, 'guest credentials');
		});

		// Guests becoming users, as amplify expects Cognito to answer
		// (aws-amplify 6.13+): a guest signing in as a new user keeps the
		// guest identity, now linked to the login; signing in as a user who
		// already has an identity switches to that identity, which
		// GetCredentialsForIdentity answers in its IdentityId.
		it('a guest who signs in as a new user keeps the guest identity, now authenticated', async () => {
			const bob = await createConfirmedUser(ctx.server.idp, pool.Id, 'bob');
			rec.clear();
			await signIn({ username: bob.username, password: bob.password });
			const s = await fetchAuthSession();
			assert.ok(!rec.targets().includes('GetId'), `amplify reuses the guest identity: ${rec.targets()}`);
			const getCreds = rec.calls.find(c => c.target === 'GetCredentialsForIdentity');
			assert.equal(getCreds.body.IdentityId, guestSession.identityId);
			assert.equal(s.identityId, guestSession.identityId);
			assert.equal((await callerIdentity(ctx.server, keysOf(s.credentials))).Arn, assumedRoleArn(authRole.name));
			// The login is now the identity's: GetId finds it.
			const found = await identityPoolCredentials(ctx.server, main.IdentityPoolId, { [awsProvider(pool.Id)]: s.tokens.idToken.toString() });
			assert.equal(found.identityId, guestSession.identityId);
			await signOut();
		});

		it('the same user signing in again gets the same identity', async () => {
			rec.clear();
			await signIn({ username: alice.username, password: alice.password });
			const s = await fetchAuthSession();
			assert.ok(rec.targets().includes('GetId'), `amplify asked GetId again: ${rec.targets()}`);
			assert.equal(s.identityId, aliceSession.identityId);
			assertVended(s.credentials);
			await signOut();
		});

		it('a guest who signs in as an existing user gets that user\'s identity', async () => {
			const guest = await fetchAuthSession();
			assert.match(guest.identityId, IDENTITY_ID);
			assert.notEqual(guest.identityId, aliceSession.identityId);
			try {
				rec.clear();
				await signIn({ username: alice.username, password: alice.password });
				const s = await fetchAuthSession();
				const getCreds = rec.calls.find(c => c.target === 'GetCredentialsForIdentity');
				assert.equal(getCreds?.body.IdentityId, guest.identityId, 'amplify presents the guest identity with the login');
				assert.equal(s.identityId, aliceSession.identityId);
				assert.equal((await callerIdentity(ctx.server, keysOf(s.credentials))).Arn, assumedRoleArn(authRole.name));
			} finally {
				await signOutQuietly();
			}
		});

		it('an identity pool with AllowUnauthenticatedIdentities false refuses guests, not users', async () => {
			configureAmplify(ctx.server, { poolId: pool.Id, clientId: client.ClientId, identityPoolId: noGuests.IdentityPoolId });
			try {
				await signOutQuietly();
				await rejectsWith(fetchAuthSession(), 'NotAuthorizedException', 'Unauthenticated access is not supported for this identity pool.');

				await signIn({ username: alice.username, password: alice.password });
				const s = await fetchAuthSession();
				assert.match(s.identityId, IDENTITY_ID);
				assert.notEqual(s.identityId, aliceSession.identityId, 'each identity pool has its own identities');
				assert.equal((await callerIdentity(ctx.server, keysOf(s.credentials))).Arn, assumedRoleArn(authRole.name));
				await signOut();
			} finally {
				configureAmplify(ctx.server, { poolId: pool.Id, clientId: client.ClientId, identityPoolId: main.IdentityPoolId });
			}
		});
	});

	describe('fromCognitoIdentityPool and STS (JS SDK v3)', () => {
		let aliceTokens, aliceId;
		const login = idToken => ({ [awsProvider(pool.Id)]: idToken });

		before(async () => {
			aliceTokens = await passwordTokens(ctx.server, client.ClientId, alice);
			aliceId = (await publicCi.send(new GetIdCommand({ IdentityPoolId: main.IdentityPoolId, Logins: login(aliceTokens.IdToken) }))).IdentityId;
		});

		it('both spellings of the provider name mean the same identity', async () => {
			const aws = await identityPoolCredentials(ctx.server, main.IdentityPoolId, login(aliceTokens.IdToken));
			const own = await identityPoolCredentials(ctx.server, main.IdentityPoolId, {
				[issuerProvider(ctx.server, pool.Id)]: aliceTokens.IdToken,
			});
			assert.equal(aws.identityId, aliceId);
			assert.equal(own.identityId, aliceId);
			assertVended(aws);
			assertVended(own);
		});

		it('GetCallerIdentity answers the assumed role; a tampered secret gets SignatureDoesNotMatch', async () => {
			const creds = await identityPoolCredentials(ctx.server, main.IdentityPoolId, login(aliceTokens.IdToken));
			assert.equal((await callerIdentity(ctx.server, keysOf(creds))).Arn, assumedRoleArn(authRole.name));
			await rejectsWith(callerIdentity(ctx.server, withTamperedSecret(keysOf(creds))), 'SignatureDoesNotMatch');
		});

		it('GetCallerIdentity refuses a forged session token and a made-up key', async () => {
			const creds = await identityPoolCredentials(ctx.server, main.IdentityPoolId, login(aliceTokens.IdToken));
			const other = await identityPoolCredentials(ctx.server, main.IdentityPoolId);
			await rejectsWith(callerIdentity(ctx.server, { ...keysOf(creds), sessionToken: other.sessionToken }), 'InvalidClientTokenId');
			await rejectsWith(
				callerIdentity(ctx.server, { ...keysOf(creds), accessKeyId: 'ASIAAAAAAAAAAAAAAAAA' }),
				'InvalidClientTokenId',
			);
		});

		it('guest credentials answer the unauthenticated role', async () => {
			const guest = await identityPoolCredentials(ctx.server, main.IdentityPoolId);
			assert.match(guest.identityId, IDENTITY_ID);
			assert.notEqual(guest.identityId, aliceId);
			assertVended(guest, 'guest credentials');
			assert.equal((await callerIdentity(ctx.server, keysOf(guest))).Arn, assumedRoleArn(unauthRole.name));
		});

		it("GetCredentialsForIdentity of a user's identity without its login is refused", async () => {
			await rejectsWith(
				publicCi.send(new GetCredentialsForIdentityCommand({ IdentityId: aliceId })),
				'NotAuthorizedException',
				"Logins don't match. Please include at least one valid login for this identity or identity pool.",
			);
		});

		it('an identity pool without guest access refuses GetId without logins', async () => {
			await rejectsWith(
				identityPoolCredentials(ctx.server, noGuests.IdentityPoolId),
				'NotAuthorizedException',
				'Unauthenticated access is not supported for this identity pool.',
			);
		});

		describe('refused logins (NotAuthorizedException)', () => {
			const refuses = (identityPoolId, logins, message) =>
				rejectsWith(identityPoolCredentials(ctx.server, identityPoolId, logins), 'NotAuthorizedException', message);

			it('a tampered ID token', async () => {
				const forged = tamperJwt(aliceTokens.IdToken, { 'cognito:groups': ['Admins'], 'cognito:preferred_role': adminRole.arn });
				await refuses(main.IdentityPoolId, login(forged), 'Invalid login token. Not a valid OpenId Connect identity token.');
				const otherSub = tamperJwt(aliceTokens.IdToken, { sub: claims(aliceTokens.IdToken).sub.replace(/^./, c => (c === 'a' ? 'b' : 'a')) });
				await refuses(main.IdentityPoolId, login(otherSub), 'Invalid login token. Not a valid OpenId Connect identity token.');
			});

			it('an ID token whose exp was moved into the past', async () => {
				const expired = tamperJwt(aliceTokens.IdToken, { exp: Math.floor(Date.now() / 1000) - 60 });
				const err = await refuses(main.IdentityPoolId, login(expired));
				assert.match(err.message, /^Invalid login token\./);
			});

			it('a token whose aud is not the configured ClientId', async () => {
				const t = await passwordTokens(ctx.server, otherClient.ClientId, alice);
				assert.equal(claims(t.IdToken).aud, otherClient.ClientId);
				await refuses(main.IdentityPoolId, login(t.IdToken), 'Token is not from a supported provider of this identity pool.');
			});

			it('an access token instead of the ID token', async () => {
				await refuses(main.IdentityPoolId, login(aliceTokens.AccessToken));
			});

			it('an ID token of a user pool the identity pool does not trust', async () => {
				const otherPool = await createPool(ctx.server.idp);
				const c = await createClient(ctx.server.idp, otherPool.Id);
				const u = await createConfirmedUser(ctx.server.idp, otherPool.Id, 'stranger');
				const t = await passwordTokens(ctx.server, c.ClientId, u);
				await refuses(main.IdentityPoolId, { [awsProvider(otherPool.Id)]: t.IdToken }, 'Token is not from a supported provider of this identity pool.');
				// Nor under the trusted pool's name.
				await refuses(main.IdentityPoolId, login(t.IdToken));
			});

			it('with ServerSideTokenCheck, an ID token after a global sign-out', async () => {
				const t = await passwordTokens(ctx.server, client.ClientId, alice);
				const before = await identityPoolCredentials(ctx.server, checked.IdentityPoolId, login(t.IdToken));
				assertVended(before);
				await ctx.server.publicIdp.send(new GlobalSignOutCommand({ AccessToken: t.AccessToken }));
				await refuses(checked.IdentityPoolId, login(t.IdToken), 'Invalid login token. Token has been revoked.');
				// Without the check the token stands until it expires, as in Cognito.
				const still = await identityPoolCredentials(ctx.server, main.IdentityPoolId, login(t.IdToken));
				assert.equal(still.identityId, aliceId);
			});
		});
	});

	describe('the classic flow: GetOpenIdToken then STS AssumeRoleWithWebIdentity', () => {
		let sts, aliceTokens;

		before(async () => {
			sts = stsClient(ctx.server); // unsigned: AssumeRoleWithWebIdentity needs no credentials
			aliceTokens = await passwordTokens(ctx.server, client.ClientId, alice);
		});
		after(() => sts?.destroy());

		const openIdToken = async (identityPoolId, logins) => {
			const { IdentityId } = await publicCi.send(new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: logins }));
			const out = await publicCi.send(new GetOpenIdTokenCommand({ IdentityId, Logins: logins }));
			assert.equal(out.IdentityId, IdentityId);
			return { identityId: IdentityId, token: out.Token };
		};
		const assume = (roleArn, token, session = 'js-classic') =>
			sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: session, WebIdentityToken: token }));

		it('with AllowClassicFlow, a user assumes the authenticated role with the OpenID token', async () => {
			const logins = { [awsProvider(pool.Id)]: aliceTokens.IdToken };
			const { identityId, token } = await openIdToken(classic.IdentityPoolId, logins);
			const c = claims(token);
			assert.equal(c.aud, classic.IdentityPoolId);
			assert.equal(c.sub, identityId);
			assert.ok(c.amr.includes('authenticated'), `amr ${JSON.stringify(c.amr)}`);

			const out = await assume(authRole.arn, token);
			assert.equal(out.SubjectFromWebIdentityToken, identityId);
			assert.equal(out.Audience, classic.IdentityPoolId);
			assert.equal(out.AssumedRoleUser.Arn, assumedRoleArn(authRole.name, 'js-classic'));
			const creds = {
				accessKeyId: out.Credentials.AccessKeyId,
				secretAccessKey: out.Credentials.SecretAccessKey,
				sessionToken: out.Credentials.SessionToken,
				expiration: out.Credentials.Expiration,
			};
			assertVended(creds, 'AssumeRoleWithWebIdentity credentials');
			assert.equal((await callerIdentity(ctx.server, keysOf(creds))).Arn, assumedRoleArn(authRole.name, 'js-classic'));
		});

		it('with AllowClassicFlow, a guest may assume the unauthenticated role only', async () => {
			const { token } = await openIdToken(classic.IdentityPoolId, undefined);
			assert.deepEqual(claims(token).amr, ['unauthenticated']);
			const out = await assume(unauthRole.arn, token);
			assert.equal(out.AssumedRoleUser.Arn, assumedRoleArn(unauthRole.name, 'js-classic'));
			await rejectsWith(assume(authRole.arn, token), 'AccessDenied');
		});

		it('without AllowClassicFlow, STS refuses the identity pool token', async () => {
			const { token } = await openIdToken(main.IdentityPoolId, { [awsProvider(pool.Id)]: aliceTokens.IdToken });
			await rejectsWith(assume(authRole.arn, token), 'InvalidIdentityTokenException', 'Basic (classic) flow is not enabled, please use enhanced flow.');
		});

		it('STS refuses a tampered OpenID token', async () => {
			const { token } = await openIdToken(classic.IdentityPoolId, { [awsProvider(pool.Id)]: aliceTokens.IdToken });
			await rejectsWith(assume(authRole.arn, tamperJwt(token, { amr: ['authenticated', 'x'] })), 'InvalidIdentityTokenException');
		});
	});
});
