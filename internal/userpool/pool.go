package userpool

import (
	"context"
	"errors"

	"github.com/incognito-idp/incognito/internal/store"
)

// CreatePoolInput is CreateUserPool's request.
type CreatePoolInput struct {
	// ID fixes the new pool's ID instead of minting one. It is not on the
	// wire: the config-file seeder sets it. It must be
	// "<this server's region>_<letters and digits>".
	ID string

	PoolName *string
	PoolSettings
	Schema                []SchemaAttributeInput
	AliasAttributes       []string
	UsernameAttributes    []string
	UsernameConfiguration *UsernameConfigurationInput
}

// UsernameConfigurationInput is UsernameConfigurationType as sent.
type UsernameConfigurationInput struct {
	CaseSensitive *bool
}

// UpdatePoolInput is UpdateUserPool's request. Schema, UsernameAttributes,
// AliasAttributes and UsernameConfiguration cannot change after creation.
type UpdatePoolInput struct {
	UserPoolId *string
	PoolName   *string // nil keeps the name
	PoolSettings
}

var (
	aliasAttributes    = []string{"phone_number", "email", "preferred_username"}
	usernameAttributes = []string{"phone_number", "email"}
)

func checkPoolID(c *checker, id *string) {
	if c.required("userPoolId", id) {
		c.str("userPoolId", *id, 1, 55, patPoolID)
	}
}

// CreatePool creates a pool (CreateUserPool).
func (s *Service) CreatePool(ctx context.Context, in CreatePoolInput) (*Pool, error) {
	c := &checker{}
	if c.required("poolName", in.PoolName) {
		c.str("poolName", *in.PoolName, 1, 128, patPoolName)
	}
	in.PoolSettings.check(c)
	if in.Schema != nil {
		checkSchemaInputs(c, "schema", in.Schema, 1, 50)
	}
	c.enumList("aliasAttributes", in.AliasAttributes, aliasAttributes...)
	c.enumList("usernameAttributes", in.UsernameAttributes, usernameAttributes...)
	if in.UsernameConfiguration != nil && in.UsernameConfiguration.CaseSensitive == nil {
		c.null("usernameConfiguration.caseSensitive")
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	for i, a := range in.Schema {
		if a.Name == nil {
			c.null("schema." + poolItoa(i+1) + ".member.name")
		}
	}
	if err := c.err(); err != nil {
		return nil, err
	}

	id := in.ID
	if id != "" {
		if err := s.checkFixedPoolID(id); err != nil {
			return nil, err
		}
	}
	now := s.now()
	p := &Pool{Name: *in.PoolName, CreatedAt: now, UpdatedAt: now, UsernameCaseSensitive: true}
	if len(in.AliasAttributes) > 0 && len(in.UsernameAttributes) > 0 {
		return nil, Invalid("Only one of the AliasAttributes or UsernameAttributes can be set in a User Pool")
	}
	p.AliasAttributes = uniqueStrings(in.AliasAttributes)
	p.UsernameAttributes = uniqueStrings(in.UsernameAttributes)
	if u := in.UsernameConfiguration; u != nil {
		p.UsernameConfigured, p.UsernameCaseSensitive = true, *u.CaseSensitive
	}
	schema, err := buildSchema(in.Schema)
	if err != nil {
		return nil, err
	}
	p.Schema = schema
	if err := in.PoolSettings.apply(p); err != nil {
		return nil, err
	}
	if err := s.applyCreateMfa(p, in.MfaConfiguration); err != nil {
		return nil, err
	}

	for attempt := 0; ; attempt++ {
		p.ID = id
		if p.ID == "" {
			if p.ID, err = s.newPoolID(); err != nil {
				return nil, err
			}
		}
		rec, err := poolToRecord(p)
		if err != nil {
			return nil, err
		}
		err = s.store.CreatePool(ctx, rec)
		switch {
		case err == nil:
			return p, nil
		case errors.Is(err, store.ErrAlreadyExists) && id != "":
			return nil, Invalid("User pool %s already exists.", id)
		case errors.Is(err, store.ErrAlreadyExists) && attempt < 3:
			continue // a minted ID collided: draw again
		default:
			return nil, err
		}
	}
}

// mfaNeedsSms is Cognito's answer when MFA is turned on without a way to
// deliver codes.
func mfaNeedsSms() error {
	return Invalid("SMS configuration and Auto verification for phone_number are required when MFA is required/optional")
}

// applyCreateMfa sets CreateUserPool's MfaConfiguration. At creation the
// only factor that can be configured is SMS, which needs an SMS
// configuration and phone numbers that are verified automatically.
func (s *Service) applyCreateMfa(p *Pool, mfa string) error {
	p.MfaConfiguration = orDefault(mfa, mfaOff)
	if p.MfaConfiguration == mfaOff {
		return nil
	}
	if p.SmsConfiguration == nil || !contains(p.AutoVerifiedAttributes, "phone_number") {
		return mfaNeedsSms()
	}
	cfg := *p.SmsConfiguration
	p.SmsMfaConfiguration = &SmsMfaConfig{SmsAuthenticationMessage: p.SmsAuthenticationMessage, SmsConfiguration: &cfg}
	return nil
}

// applyUpdateMfa sets UpdateUserPool's MfaConfiguration (omitted is OFF).
// As in Cognito, MFA can be made required (ON) only at creation or with
// SetUserPoolMfaConfig, and OFF drops every configured factor.
func applyUpdateMfa(p *Pool, mfa string, previous string) error {
	mfa = orDefault(mfa, mfaOff)
	if mfa == mfaOn && previous != mfaOn {
		return Invalid("Cannot turn MFA functionality ON, once the user pool has been created.")
	}
	p.MfaConfiguration = mfa
	if mfa == mfaOff {
		p.SmsMfaConfiguration, p.SoftwareTokenMfaConfiguration, p.EmailMfaConfiguration = nil, nil, nil
		return nil
	}
	p.SmsMfaConfiguration = nil
	if p.SmsConfiguration != nil {
		cfg := *p.SmsConfiguration
		p.SmsMfaConfiguration = &SmsMfaConfig{SmsAuthenticationMessage: p.SmsAuthenticationMessage, SmsConfiguration: &cfg}
	}
	if !p.hasMfaFactor() {
		return mfaNeedsSms()
	}
	return nil
}

// hasMfaFactor reports whether any MFA factor is configured.
func (p *Pool) hasMfaFactor() bool {
	return p.SmsMfaConfiguration != nil || p.EmailMfaConfiguration != nil ||
		(p.SoftwareTokenMfaConfiguration != nil && p.SoftwareTokenMfaConfiguration.Enabled)
}

// DescribePool returns the pool and its estimated number of users
// (DescribeUserPool).
func (s *Service) DescribePool(ctx context.Context, id *string) (*Pool, int64, error) {
	c := &checker{}
	checkPoolID(c, id)
	if err := c.err(); err != nil {
		return nil, 0, err
	}
	p, err := s.GetPool(ctx, *id)
	if err != nil {
		return nil, 0, err
	}
	n, err := s.store.CountUsers(ctx, p.ID)
	if err != nil {
		return nil, 0, err
	}
	return p, n, nil
}

// UpdatePool replaces the pool's updatable settings (UpdateUserPool).
func (s *Service) UpdatePool(ctx context.Context, in UpdatePoolInput) (*Pool, error) {
	c := &checker{}
	checkPoolID(c, in.UserPoolId)
	c.optStr("poolName", in.PoolName, 1, 128, patPoolName)
	in.PoolSettings.check(c)
	if err := c.err(); err != nil {
		return nil, err
	}
	return s.updatePool(ctx, *in.UserPoolId, func(p *Pool) error {
		previous := p.MfaConfiguration
		if in.PoolName != nil {
			p.Name = *in.PoolName
		}
		if err := in.PoolSettings.apply(p); err != nil {
			return err
		}
		return applyUpdateMfa(p, in.MfaConfiguration, previous)
	})
}

// DeletePool deletes a pool with its clients, users and groups
// (DeleteUserPool), unless deletion protection is on.
func (s *Service) DeletePool(ctx context.Context, id *string) error {
	c := &checker{}
	checkPoolID(c, id)
	if err := c.err(); err != nil {
		return err
	}
	p, err := s.GetPool(ctx, *id)
	if err != nil {
		return err
	}
	if p.DeletionProtection == "ACTIVE" {
		return Invalid("The user pool %s cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.", p.ID)
	}
	err = s.store.DeletePool(ctx, p.ID)
	if errors.Is(err, store.ErrNotFound) {
		return poolNotFound(p.ID)
	}
	return err
}

// ListPools lists pools in ID order (ListUserPools). maxResults is
// required, 1 to 60; nextToken continues a previous listing.
func (s *Service) ListPools(ctx context.Context, maxResults *int64, nextToken *string) ([]*Pool, string, error) {
	c := &checker{}
	if maxResults == nil {
		c.null("maxResults")
	} else {
		c.intRange("maxResults", *maxResults, 1, 60)
	}
	c.optStr("nextToken", nextToken, 1, -1, patPaginationKey)
	if err := c.err(); err != nil {
		return nil, "", err
	}
	after, err := decodePageToken(nextToken)
	if err != nil {
		return nil, "", err
	}
	limit := int(*maxResults)
	recs, err := s.store.ListPools(ctx, store.Page{After: after, Limit: limit + 1})
	if err != nil {
		return nil, "", err
	}
	next := ""
	if len(recs) > limit {
		recs = recs[:limit]
		next = encodePageToken(recs[limit-1].ID)
	}
	pools := make([]*Pool, 0, len(recs))
	for _, r := range recs {
		p, err := poolFromRecord(r)
		if err != nil {
			return nil, "", err
		}
		pools = append(pools, p)
	}
	return pools, next, nil
}

// AddCustomAttributes adds custom attributes to a pool's schema.
func (s *Service) AddCustomAttributes(ctx context.Context, poolID *string, attrs []SchemaAttributeInput) error {
	c := &checker{}
	checkPoolID(c, poolID)
	if attrs == nil {
		c.null("customAttributes")
	} else {
		checkSchemaInputs(c, "customAttributes", attrs, 1, 25)
	}
	if err := c.err(); err != nil {
		return err
	}
	for i, a := range attrs {
		if a.Name == nil {
			c.null("customAttributes." + poolItoa(i+1) + ".member.name")
		}
	}
	if err := c.err(); err != nil {
		return err
	}
	_, err := s.updatePool(ctx, *poolID, func(p *Pool) error {
		for _, in := range attrs {
			a, err := customAttribute(in)
			if err != nil {
				return err
			}
			if err := addCustom(&p.Schema, a); err != nil {
				return err
			}
		}
		return nil
	})
	return err
}
