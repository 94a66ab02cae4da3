package loadgen

import (
	"context"
	"fmt"
)

// identityRole is the authenticated role of the identity pool the
// generator creates. Nothing checks it: the credentials are not used.
const identityRole = "arn:aws:iam::000000000000:role/incognito-load-authenticated"

// identityScenario is the enhanced identity-pool flow of amplify's
// fromCognitoIdentityPool: GetId with a user-pool ID token in Logins, then
// GetCredentialsForIdentity. ID tokens come from Options.Sessions
// signed-in users, keyed by cognito-idp.<region>.amazonaws.com/<poolId>.
var identityScenario = scenario{
	name:    "identity",
	what:    "GetId + GetCredentialsForIdentity with a user-pool ID token",
	prepare: prepareIdentityPool,
	run: func(ctx context.Context, e *env, f *Flow) error {
		logins := loginsFor(e.o.Region, e.poolID, e.session(f).id)
		var id getIdOut
		if err := f.identity(ctx, "GetId", false, getIdIn{IdentityPoolId: e.identityPool, Logins: logins}, &id); err != nil {
			return err
		}
		if id.IdentityId == "" {
			return f.check("GetId", badResponse("GetId answered no IdentityId"))
		}
		var creds getCredentialsOut
		if err := f.identity(ctx, "GetCredentialsForIdentity", false, getCredentialsIn{IdentityId: id.IdentityId, Logins: logins}, &creds); err != nil {
			return err
		}
		if creds.Credentials.AccessKeyId == "" || creds.Credentials.SecretKey == "" || creds.Credentials.SessionToken == "" {
			return f.check("GetCredentialsForIdentity", badResponse("GetCredentialsForIdentity answered no credentials"))
		}
		return nil
	},
}

// prepareIdentityPool signs users in and creates an identity pool that
// trusts the user pool's app client, with an authenticated role, unless
// one was given.
func prepareIdentityPool(ctx context.Context, e *env) error {
	if err := needSessions(ctx, e); err != nil {
		return err
	}
	if e.identityPool != "" {
		return nil
	}
	if e.o.IdentityPoolID != "" {
		e.identityPool = e.o.IdentityPoolID
		return nil
	}
	var out identityPoolOut
	err := e.c.Identity(ctx, "CreateIdentityPool", true, createIdentityPoolIn{
		IdentityPoolName: "incognito_load_" + e.runID,
		CognitoIdentityProviders: []cognitoIdentityProvider{
			{ProviderName: identityProvider(e.o.Region, e.poolID), ClientId: e.client},
		},
	}, &out)
	if err != nil {
		return fmt.Errorf("CreateIdentityPool: %w", err)
	}
	if out.IdentityPoolId == "" {
		return fmt.Errorf("CreateIdentityPool answered no IdentityPoolId")
	}
	e.identityPool, e.createdIdentityPool = out.IdentityPoolId, true
	err = e.c.Identity(ctx, "SetIdentityPoolRoles", true, setIdentityPoolRolesIn{
		IdentityPoolId: e.identityPool, Roles: map[string]string{"authenticated": identityRole},
	}, nil)
	if err != nil {
		return fmt.Errorf("SetIdentityPoolRoles: %w", err)
	}
	fmt.Fprintf(e.o.Log, "created identity pool %s\n", e.identityPool)
	return nil
}
