package seed

import "fmt"

// IdentityPool is an identity pool with its roles. Its user-pool providers
// name a user pool of the same file (by id or name) and one of its app
// clients (by id or name).
type IdentityPool struct {
	ID                       string            `yaml:"id"` // "<region>:<uuid>"; generated when empty
	Name                     string            `yaml:"name"`
	AllowUnauthenticated     bool              `yaml:"allowUnauthenticated"`
	AllowClassicFlow         bool              `yaml:"allowClassicFlow"`
	DeveloperProviderName    string            `yaml:"developerProviderName"`
	CognitoIdentityProviders []UserPoolRef     `yaml:"cognitoIdentityProviders"`
	Roles                    IdentityPoolRoles `yaml:"roles"`
	RoleMappings             []RoleMapping     `yaml:"roleMappings"`
}

// UserPoolRef names an app client of a user pool of the file.
type UserPoolRef struct {
	UserPool             string `yaml:"userPool"`
	Client               string `yaml:"client"`
	ServerSideTokenCheck bool   `yaml:"serverSideTokenCheck"`
}

// IdentityPoolRoles are the default roles.
type IdentityPoolRoles struct {
	Authenticated   string `yaml:"authenticated"`
	Unauthenticated string `yaml:"unauthenticated"`
}

// RoleMapping is the role mapping of one user-pool app client: Token
// (cognito:preferred_role / cognito:roles) or Rules.
type RoleMapping struct {
	UserPool                string `yaml:"userPool"`
	Client                  string `yaml:"client"`
	Type                    string `yaml:"type"`
	AmbiguousRoleResolution string `yaml:"ambiguousRoleResolution"`
	Rules                   []Rule `yaml:"rules"`
}

// Rule is one Rules mapping rule.
type Rule struct {
	Claim     string `yaml:"claim"`
	MatchType string `yaml:"matchType"`
	Value     string `yaml:"value"`
	RoleArn   string `yaml:"roleArn"`
}

// findPool finds a user pool of the file by id or name.
func (f *File) findPool(ref string) *Pool {
	for i := range f.UserPools {
		if p := &f.UserPools[i]; ref != "" && (p.ID == ref || p.Name == ref) {
			return p
		}
	}
	return nil
}

func (p *Pool) hasClient(ref string) bool {
	for _, c := range p.Clients {
		if ref != "" && (c.ID == ref || c.Name == ref) {
			return true
		}
	}
	return false
}

func (f *File) validateIdentityPools() []error {
	var errs []error
	checkRef := func(where, pool, client string) {
		p := f.findPool(pool)
		switch {
		case p == nil:
			errs = append(errs, fmt.Errorf("%s: userPool %q is not a user pool of this file", where, pool))
		case !p.hasClient(client):
			errs = append(errs, fmt.Errorf("%s: client %q is not an app client of user pool %q", where, client, pool))
		}
	}
	for i, ip := range f.IdentityPools {
		where := fmt.Sprintf("identityPools[%d]", i)
		if ip.Name == "" {
			errs = append(errs, fmt.Errorf("%s: name is required", where))
		}
		for j, r := range ip.CognitoIdentityProviders {
			checkRef(fmt.Sprintf("%s.cognitoIdentityProviders[%d]", where, j), r.UserPool, r.Client)
		}
		for j, m := range ip.RoleMappings {
			at := fmt.Sprintf("%s.roleMappings[%d]", where, j)
			checkRef(at, m.UserPool, m.Client)
			if m.Type != "Token" && m.Type != "Rules" {
				errs = append(errs, fmt.Errorf("%s: type must be Token or Rules", at))
			}
		}
	}
	return errs
}
