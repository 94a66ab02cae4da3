package loadgen

import (
	"fmt"
	"strings"
)

// The request builders: each returns the body of one operation as the
// scenarios send it. They are pure, so tests can pin their JSON.

// passwordAuthIn is InitiateAuth USER_PASSWORD_AUTH.
func passwordAuthIn(clientID, username, password, secretHash string) initiateAuthIn {
	p := map[string]string{"USERNAME": username, "PASSWORD": password}
	putSecretHash(p, secretHash)
	return initiateAuthIn{AuthFlow: flowPassword, ClientId: clientID, AuthParameters: p}
}

// srpAuthIn is InitiateAuth USER_SRP_AUTH with the client's SRP_A.
func srpAuthIn(clientID, username, srpA, secretHash string) initiateAuthIn {
	p := map[string]string{"USERNAME": username, "SRP_A": srpA}
	putSecretHash(p, secretHash)
	return initiateAuthIn{AuthFlow: flowSRP, ClientId: clientID, AuthParameters: p}
}

// refreshAuthIn is InitiateAuth REFRESH_TOKEN_AUTH. SECRET_HASH, for a
// client with a secret, is over the internal username.
func refreshAuthIn(clientID, refreshToken, secretHash string) initiateAuthIn {
	p := map[string]string{"REFRESH_TOKEN": refreshToken}
	putSecretHash(p, secretHash)
	return initiateAuthIn{AuthFlow: flowRefresh, ClientId: clientID, AuthParameters: p}
}

// passwordVerifierIn answers PASSWORD_VERIFIER the way the SDKs do:
// USERNAME is USER_ID_FOR_SRP and the secret block goes back verbatim.
func passwordVerifierIn(clientID, session, userIDForSRP, secretBlock, timestamp, signature, secretHash string) respondToAuthChallengeIn {
	r := map[string]string{
		"USERNAME":                    userIDForSRP,
		"PASSWORD_CLAIM_SECRET_BLOCK": secretBlock,
		"TIMESTAMP":                   timestamp,
		"PASSWORD_CLAIM_SIGNATURE":    signature,
	}
	putSecretHash(r, secretHash)
	return respondToAuthChallengeIn{ChallengeName: challengeVerifier, ClientId: clientID, Session: session, ChallengeResponses: r}
}

func putSecretHash(m map[string]string, secretHash string) {
	if secretHash != "" {
		m["SECRET_HASH"] = secretHash
	}
}

// listUsersPrefixIn is ListUsers with a prefix filter on attr, in the
// filter language of the ListUsers reference (attribute ^= "value").
func listUsersPrefixIn(poolID, attr, prefix string, limit int) listUsersIn {
	quoted := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(prefix)
	return listUsersIn{UserPoolId: poolID, Filter: attr + ` ^= "` + quoted + `"`, Limit: limit}
}

// identityProvider is the provider name of a user pool in an identity
// pool, and the key of its ID tokens in Logins.
func identityProvider(region, poolID string) string {
	return fmt.Sprintf(identityProviderFmt, region, poolID)
}

// loginsFor is the Logins map of a user-pool ID token.
func loginsFor(region, poolID, idToken string) map[string]string {
	return map[string]string{identityProvider(region, poolID): idToken}
}
