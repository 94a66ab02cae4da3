// Identity pools and STS for the suites: JS SDK v3 cognito-identity clients
// (one signed with the admin keys, one with keys the server does not know,
// as an app has), STS clients signed with vended credentials or unsigned,
// admin setup of identity pools, roles and groups with roles, ID tokens
// through USER_PASSWORD_AUTH, and the ARNs the server should answer.

import assert from 'node:assert/strict';
import { AdminAddUserToGroupCommand, CreateGroupCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import {
	CognitoIdentityClient,
	CreateIdentityPoolCommand,
	GetIdentityPoolRolesCommand,
	SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { rand } from './cognito.mjs';
import { ADMIN, REGION, UNKNOWN_KEYS } from './server.mjs';

/** The account every server runs with (the default --account-id). */
export const ACCOUNT = '000000000000';

/** An IAM role ARN of the test account with a fresh name; returns { arn, name }. */
export function newRole(prefix) {
	const name = `${prefix}-${rand(8)}`;
	return { name, arn: `arn:aws:iam::${ACCOUNT}:role/${name}` };
}

/** The ARN GetCallerIdentity answers for credentials of roleName. */
export const assumedRoleArn = (roleName, session = 'CognitoIdentityCredentials') =>
	`arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/${session}`;

/** The AWS spelling of a user pool's provider name (the Logins key apps write). */
export const awsProvider = poolId => `cognito-idp.${REGION}.amazonaws.com/${poolId}`;

/** The provider name Amplify derives: the ID token's iss without its scheme. */
export const issuerProvider = (server, poolId) => server.issuer(poolId).replace(/^https?:\/\//, '');

/**
 * The cognito-identity clients of a server: ci signs with the admin keys
 * (CreateIdentityPool, SetIdentityPoolRoles, ...), publicCi with keys the
 * server does not know (GetId, GetCredentialsForIdentity, GetOpenIdToken
 * are public). destroy() closes both.
 */
export function identityClients(server) {
	const ci = new CognitoIdentityClient({ region: REGION, endpoint: server.url, credentials: { ...ADMIN }, maxAttempts: 1 });
	const publicCi = new CognitoIdentityClient({ region: REGION, endpoint: server.url, credentials: { ...UNKNOWN_KEYS }, maxAttempts: 1 });
	return {
		ci,
		publicCi,
		destroy() {
			ci.destroy();
			publicCi.destroy();
		},
	};
}

/**
 * An STS client on the server. With credentials, requests are SigV4-signed
 * with them; without, only unsigned actions (AssumeRoleWithWebIdentity)
 * can be sent.
 */
export function stsClient(server, credentials) {
	return new STSClient({
		region: REGION,
		endpoint: server.url,
		maxAttempts: 1,
		...(credentials ? { credentials: { ...credentials } } : {}),
	});
}

/** GetCallerIdentity signed with credentials ({ accessKeyId, secretAccessKey, sessionToken }). */
export async function callerIdentity(server, credentials) {
	const sts = stsClient(server, credentials);
	try {
		return await sts.send(new GetCallerIdentityCommand({}));
	} finally {
		sts.destroy();
	}
}

/**
 * @aws-sdk/credential-providers fromCognitoIdentityPool against the
 * server, called once: GetId then GetCredentialsForIdentity, unsigned.
 * Returns { identityId, accessKeyId, secretAccessKey, sessionToken, expiration }.
 */
export function identityPoolCredentials(server, identityPoolId, logins) {
	const provider = fromCognitoIdentityPool({
		identityPoolId,
		...(logins ? { logins } : {}),
		clientConfig: { region: REGION, endpoint: server.url, maxAttempts: 1 },
	});
	return provider();
}

/**
 * CreateIdentityPool trusting the given user pool app clients
 * (providers: [{ poolId, clientId, serverSideTokenCheck }]); extra is
 * merged into the request. Returns the answer (IdentityPoolId, ...).
 */
export async function createIdentityPool(ci, { providers = [], allowGuests = true, classic, ...extra } = {}) {
	return ci.send(
		new CreateIdentityPoolCommand({
			IdentityPoolName: `js_${rand(8)}`,
			AllowUnauthenticatedIdentities: allowGuests,
			...(classic === undefined ? {} : { AllowClassicFlow: classic }),
			CognitoIdentityProviders: providers.map(p => ({
				ProviderName: awsProvider(p.poolId),
				ClientId: p.clientId,
				ServerSideTokenCheck: p.serverSideTokenCheck ?? false,
			})),
			...extra,
		}),
	);
}

/**
 * SetIdentityPoolRoles with the authenticated and unauthenticated roles
 * and, for each of tokenMappings ([{ poolId, clientId }]), a Token role
 * mapping with AmbiguousRoleResolution AuthenticatedRole keyed
 * "<provider>:<clientId>"; then reads the roles back and checks them.
 */
export async function setRoles(ci, identityPoolId, { authenticated, unauthenticated, tokenMappings = [] }) {
	const RoleMappings = Object.fromEntries(
		tokenMappings.map(m => [`${awsProvider(m.poolId)}:${m.clientId}`, { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' }]),
	);
	const Roles = { authenticated, unauthenticated };
	await ci.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: identityPoolId, Roles, RoleMappings }));
	const got = await ci.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: identityPoolId }));
	assert.equal(got.IdentityPoolId, identityPoolId);
	assert.deepEqual(got.Roles, Roles);
	assert.deepEqual(got.RoleMappings ?? {}, RoleMappings);
	return got;
}

/** CreateGroup with a RoleArn (and precedence), adding the given users. */
export async function createGroupWithRole(idp, poolId, name, roleArn, { precedence, addUsers = [] } = {}) {
	await idp.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: name, RoleArn: roleArn, Precedence: precedence }));
	for (const u of addUsers) {
		await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: u, GroupName: name }));
	}
}

/** The tokens of a USER_PASSWORD_AUTH sign-in through the public client. */
export async function passwordTokens(server, clientId, { username, password }) {
	const out = await server.publicIdp.send(
		new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } }),
	);
	assert.ok(out.AuthenticationResult?.IdToken, `USER_PASSWORD_AUTH of ${username} returned tokens`);
	return out.AuthenticationResult;
}

/**
 * A JWT whose payload has change applied, keeping the original header and
 * signature (which then no longer match).
 */
export function tamperJwt(jwt, change) {
	const [h, p, s] = jwt.split('.');
	const payload = { ...JSON.parse(Buffer.from(p, 'base64url').toString('utf8')), ...change };
	return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
}

/** Credentials with the last character of the secret changed. */
export function withTamperedSecret(c) {
	const last = c.secretAccessKey.at(-1);
	return { ...c, secretAccessKey: c.secretAccessKey.slice(0, -1) + (last === 'A' ? 'B' : 'A') };
}

/** Asserts the shape of vended credentials and that they last about an hour. */
export function assertVended(c, what = 'credentials') {
	assert.match(c.accessKeyId, /^ASIA[A-Z2-7]{16}$/, `${what}: accessKeyId`);
	assert.ok(c.secretAccessKey?.length >= 40, `${what}: secretAccessKey`);
	assert.ok(c.sessionToken?.length > 100, `${what}: sessionToken`);
	assert.ok(c.expiration instanceof Date, `${what}: expiration is a Date (got ${c.expiration})`);
	const left = c.expiration.getTime() - Date.now();
	assert.ok(left > 50 * 60_000 && left <= 61 * 60_000, `${what}: expire in about an hour (in ${Math.round(left / 1000)} s)`);
}

/** An identity ID of the test region. */
export const IDENTITY_ID = new RegExp(`^${REGION}:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`);
