// Promise wrappers around amazon-cognito-identity-js's sign-in callbacks,
// shared by the suites that sign in through the library.

import assert from 'node:assert/strict';
import { AuthenticationDetails, CognitoUser } from 'amazon-cognito-identity-js';

/**
 * CognitoUser.authenticateUser (USER_SRP_AUTH, the library's default).
 * Resolves { session } or { newPasswordRequired: { userAttributes,
 * requiredAttributes } }; any other challenge is a failure.
 */
export function authenticate(user, username, password) {
	return new Promise((resolve, reject) => {
		const unexpected = name => () => reject(new Error(`unexpected ${name} callback`));
		user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
			onSuccess: session => resolve({ session }),
			onFailure: reject,
			newPasswordRequired: (userAttributes, requiredAttributes) =>
				resolve({ newPasswordRequired: { userAttributes, requiredAttributes } }),
			mfaRequired: unexpected('mfaRequired'),
			totpRequired: unexpected('totpRequired'),
			mfaSetup: unexpected('mfaSetup'),
			selectMFAType: unexpected('selectMFAType'),
			customChallenge: unexpected('customChallenge'),
		});
	});
}

export async function signIn(pool, username, password) {
	const user = new CognitoUser({ Username: username, Pool: pool });
	const result = await authenticate(user, username, password);
	assert.ok(result.session, `sign-in of ${username} ended in a challenge: ${JSON.stringify(result)}`);
	return { user, session: result.session };
}
