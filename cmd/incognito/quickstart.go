package main

import (
	"fmt"
	"io"

	"github.com/incognito-idp/incognito/internal/config"
	"github.com/incognito-idp/incognito/internal/seed"
)

// printQuickstart tells a developer how to point the real clients at the
// server and which IDs the config file gave them.
func printQuickstart(w io.Writer, cfg config.Config, r *seed.Report) {
	url := cfg.PublicURL
	fmt.Fprintf(w, "\nIncognito is serving the Cognito APIs at %s\n\n", url)
	for _, p := range r.Pools {
		fmt.Fprintf(w, "  user pool %-24s %s\n", p.Name, p.ID)
		for _, c := range p.Clients {
			fmt.Fprintf(w, "    app client %-19s %s\n", c.Name, c.ID)
		}
	}
	for _, p := range r.IdentityPools {
		fmt.Fprintf(w, "  identity pool %-20s %s\n", p.Name, p.ID)
	}
	poolID, clientID, identityPoolID := "<poolId>", "<clientId>", "<identityPoolId>"
	if len(r.Pools) > 0 {
		poolID = r.Pools[0].ID
		if len(r.Pools[0].Clients) > 0 {
			clientID = r.Pools[0].Clients[0].ID
		}
	}
	if len(r.IdentityPools) > 0 {
		identityPoolID = r.IdentityPools[0].ID
	}
	keys := "AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local"
	if !cfg.DevMode() {
		keys = "AWS_ACCESS_KEY_ID=" + cfg.AdminAccessKeyID + " AWS_SECRET_ACCESS_KEY=<your admin secret>"
	}
	fmt.Fprintf(w, `
AWS CLI:
  export %s AWS_DEFAULT_REGION=%s
  aws cognito-idp list-users --user-pool-id %s --endpoint-url %s

aws-sdk-go-v2:
  cognitoidentityprovider.NewFromConfig(cfg, func(o *cognitoidentityprovider.Options) {
      o.BaseEndpoint = aws.String(%q)
  })

AWS SDK for JavaScript v3:
  new CognitoIdentityProviderClient({ region: %q, endpoint: %q })

aws-amplify v6:
  Amplify.configure({ Auth: { Cognito: {
      userPoolId: %q, userPoolClientId: %q,
      userPoolEndpoint: %q,
      identityPoolId: %q, identityPoolEndpoint: %q,
      allowGuestAccess: true } } })

JWKS: %s/%s/.well-known/jwks.json

`, keys, cfg.Region, poolID, url, url, cfg.Region, url, poolID, clientID, url, identityPoolID, url, url, poolID)
}
