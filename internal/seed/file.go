package seed

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	"go.yaml.in/yaml/v3"
)

// File is the whole seed file.
type File struct {
	UserPools     []Pool         `yaml:"userPools"`
	IdentityPools []IdentityPool `yaml:"identityPools"`
}

// Pool is one user pool with what lives in it. Settings not listed here
// can be set through the API after start.
type Pool struct {
	ID                     string          `yaml:"id"`
	Name                   string          `yaml:"name"`
	AliasAttributes        []string        `yaml:"aliasAttributes"`
	UsernameAttributes     []string        `yaml:"usernameAttributes"`
	AutoVerifiedAttributes []string        `yaml:"autoVerifiedAttributes"`
	UsernameCaseSensitive  *bool           `yaml:"usernameCaseSensitive"`
	AdminCreateUserOnly    bool            `yaml:"adminCreateUserOnly"`
	PasswordPolicy         *PasswordPolicy `yaml:"passwordPolicy"`
	Clients                []Client        `yaml:"clients"`
	Groups                 []Group         `yaml:"groups"`
	Users                  []User          `yaml:"users"`
}

// PasswordPolicy mirrors Cognito's PasswordPolicyType.
type PasswordPolicy struct {
	MinimumLength    int  `yaml:"minimumLength"`
	RequireUppercase bool `yaml:"requireUppercase"`
	RequireLowercase bool `yaml:"requireLowercase"`
	RequireNumbers   bool `yaml:"requireNumbers"`
	RequireSymbols   bool `yaml:"requireSymbols"`
}

// Client is an app client; ID and Secret may be fixed so apps can keep
// them in their own configuration.
type Client struct {
	ID                string   `yaml:"id"`
	Name              string   `yaml:"name"`
	Secret            string   `yaml:"secret"`
	GenerateSecret    bool     `yaml:"generateSecret"`
	ExplicitAuthFlows []string `yaml:"explicitAuthFlows"`
}

// Group is a group with its precedence and IAM role.
type Group struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	Precedence  *int64 `yaml:"precedence"`
	RoleArn     string `yaml:"roleArn"`
}

// User is a user with a permanent password (status CONFIRMED), or none
// (FORCE_CHANGE_PASSWORD with a generated temporary one).
type User struct {
	Username   string            `yaml:"username"`
	Password   string            `yaml:"password"`
	Attributes map[string]string `yaml:"attributes"`
	Groups     []string          `yaml:"groups"`
}

// Load reads and checks a seed file. Unknown keys are errors, so a typo
// does not silently drop a setting.
func Load(path string) (*File, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(raw)
}

// Parse decodes a seed file from bytes.
func Parse(raw []byte) (*File, error) {
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	var f File
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("config file: %w", err)
	}
	return &f, f.Validate()
}

// Validate reports every structural problem at once; the domain services
// check the values themselves when the file is applied.
func (f *File) Validate() error {
	var errs []error
	for i, p := range f.UserPools {
		where := fmt.Sprintf("userPools[%d]", i)
		if p.Name == "" {
			errs = append(errs, fmt.Errorf("%s: name is required", where))
		}
		for j, c := range p.Clients {
			if c.Name == "" {
				errs = append(errs, fmt.Errorf("%s.clients[%d]: name is required", where, j))
			}
			if c.Secret != "" && c.GenerateSecret {
				errs = append(errs, fmt.Errorf("%s.clients[%d]: give secret or generateSecret, not both", where, j))
			}
		}
		groups := map[string]bool{}
		for j, g := range p.Groups {
			if g.Name == "" {
				errs = append(errs, fmt.Errorf("%s.groups[%d]: name is required", where, j))
			}
			groups[g.Name] = true
		}
		for j, u := range p.Users {
			if u.Username == "" {
				errs = append(errs, fmt.Errorf("%s.users[%d]: username is required", where, j))
			}
			for _, g := range u.Groups {
				if !groups[g] {
					errs = append(errs, fmt.Errorf("%s.users[%d]: group %q is not defined in this pool", where, j, g))
				}
			}
		}
	}
	errs = append(errs, f.validateIdentityPools()...)
	return errors.Join(errs...)
}
