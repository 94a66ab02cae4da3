package identitypool

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"strings"

	"github.com/incognito-idp/incognito/internal/store"
)

// PoolInput is CreateIdentityPool's and UpdateIdentityPool's request.
type PoolInput struct {
	ID                      *string // UpdateIdentityPool only
	Name                    *string
	AllowUnauthenticated    *bool
	AllowClassicFlow        *bool
	SupportedLoginProviders map[string]string
	DeveloperProviderName   *string
	OpenIDConnectProviders  []string
	CognitoProviders        []CognitoProviderInput
	SAMLProviders           []string
	Tags                    map[string]string
	// FixedID lets the config-file seeder choose the pool's ID.
	FixedID string
}

// CognitoProviderInput is one CognitoIdentityProviders entry.
type CognitoProviderInput struct {
	ProviderName         *string
	ClientID             *string
	ServerSideTokenCheck *bool
}

var patFixedID = regexp.MustCompile(`^[a-z]{2}(-gov)?-[a-z]+-\d:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// validatePool checks the members both operations share.
func (s *Service) validatePool(in PoolInput, v *validation) {
	v.reqStr("identityPoolName", in.Name, 1, 128, patPoolName, rePoolNameText)
	v.required("allowUnauthenticatedIdentities", in.AllowUnauthenticated != nil)
	v.optStr("developerProviderName", in.DeveloperProviderName, 1, 128, patDeveloperName, reDeveloperText)
	v.count("supportedLoginProviders", len(in.SupportedLoginProviders), 0, 10, printMap(in.SupportedLoginProviders))
	for _, name := range sortedKeys(in.SupportedLoginProviders) {
		if n := len(name); n < 1 || n > 128 {
			v.add("Value '%s' at 'supportedLoginProviders' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]", name)
		}
		v.str("supportedLoginProviders."+name, in.SupportedLoginProviders[name], 1, 128, patProviderAppID, reProviderAppText)
	}
	for i, p := range in.CognitoProviders {
		at := fmt.Sprintf("cognitoIdentityProviders.%d.member.", i+1)
		v.reqStr(at+"providerName", p.ProviderName, 1, 128, patCognitoProvider, reCognitoNameText)
		v.reqStr(at+"clientId", p.ClientID, 1, 128, patCognitoClientID, reCognitoIDText)
	}
	for i, arn := range in.OpenIDConnectProviders {
		v.str(fmt.Sprintf("openIdConnectProviderARNs.%d.member", i+1), arn, 20, 2048, nil, "")
	}
	for i, arn := range in.SAMLProviders {
		v.str(fmt.Sprintf("samlProviderARNs.%d.member", i+1), arn, 20, 2048, nil, "")
	}
	validateTags(v, "identityPoolTags", in.Tags)
}

func validateTags(v *validation, at string, tags map[string]string) {
	for _, k := range sortedKeys(tags) {
		if n := len([]rune(k)); n < 1 || n > 128 {
			v.add("Value '%s' at '%s' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]", k, at)
		}
		if n := len([]rune(tags[k])); n > 256 {
			v.add("Value '%s' at '%s.%s' failed to satisfy constraint: Member must have length less than or equal to 256", tags[k], at, k)
		}
	}
}

// checkProviders refuses CognitoIdentityProviders that do not name a user
// pool, and more of them than Cognito allows.
func (s *Service) cognitoProviders(in []CognitoProviderInput) ([]CognitoProvider, error) {
	if len(in) > maxUserPoolsInPool {
		return nil, Errorf(LimitExceeded, "An identity pool can have at most %d Cognito user pool providers.", maxUserPoolsInPool)
	}
	out := make([]CognitoProvider, 0, len(in))
	for _, p := range in {
		name := *p.ProviderName
		if _, ok := s.userPoolOf(name); !ok {
			return nil, Errorf(InvalidParameter, "Invalid Cognito Identity Provider name %s: expected cognito-idp.<region>.amazonaws.com/<userPoolId>.", name)
		}
		out = append(out, CognitoProvider{ProviderName: name, ClientID: *p.ClientID, ServerSideTokenCheck: deref(p.ServerSideTokenCheck)})
	}
	return out, nil
}

// CreatePool is CreateIdentityPool.
func (s *Service) CreatePool(ctx context.Context, in PoolInput) (*Pool, error) {
	var v validation
	s.validatePool(in, &v)
	if err := v.err(); err != nil {
		return nil, err
	}
	if len(in.Tags) > maxTags {
		return nil, Errorf(InvalidParameter, "An identity pool can have at most %d tags.", maxTags)
	}
	providers, err := s.cognitoProviders(in.CognitoProviders)
	if err != nil {
		return nil, err
	}
	id := in.FixedID
	if id == "" {
		if id, err = s.newID(); err != nil {
			return nil, err
		}
	} else if !patFixedID.MatchString(id) || !strings.HasPrefix(id, s.region+":") {
		return nil, Errorf(InvalidParameter, "Invalid identity pool ID %q: fixed IDs must look like %s:<lower-case UUID>.", id, s.region)
	}
	now := s.now()
	p := &Pool{
		ID: id, Name: *in.Name, CreatedAt: now, UpdatedAt: now,
		AllowUnauthenticated: *in.AllowUnauthenticated, AllowClassicFlow: deref(in.AllowClassicFlow),
		SupportedLoginProviders: in.SupportedLoginProviders, DeveloperProviderName: deref(in.DeveloperProviderName),
		OpenIDConnectProviders: in.OpenIDConnectProviders, CognitoProviders: providers,
		SAMLProviders: in.SAMLProviders, Tags: in.Tags,
	}
	rec, err := p.record()
	if err != nil {
		return nil, err
	}
	if err := s.store.CreateIdentityPool(ctx, rec); err != nil {
		if errors.Is(err, store.ErrAlreadyExists) {
			return nil, Errorf(ResourceConflict, "IdentityPool '%s' already exists.", id)
		}
		return nil, err
	}
	return p, nil
}

// GetPool is DescribeIdentityPool.
func (s *Service) GetPool(ctx context.Context, id *string) (*Pool, error) {
	var v validation
	v.poolID("identityPoolId", id)
	if err := v.err(); err != nil {
		return nil, err
	}
	return s.loadPool(ctx, *id)
}

// UpdatePool is UpdateIdentityPool: the pool's settings are replaced by the
// request's, except the developer provider name, which cannot change once
// set, and the tags, which stay unless the request gives some.
func (s *Service) UpdatePool(ctx context.Context, in PoolInput) (*Pool, error) {
	var v validation
	v.poolID("identityPoolId", in.ID)
	s.validatePool(in, &v)
	if err := v.err(); err != nil {
		return nil, err
	}
	providers, err := s.cognitoProviders(in.CognitoProviders)
	if err != nil {
		return nil, err
	}
	if _, err := s.loadPool(ctx, *in.ID); err != nil {
		return nil, err
	}
	return s.updatePool(ctx, *in.ID, func(p *Pool) error {
		dev := deref(in.DeveloperProviderName)
		switch {
		case p.DeveloperProviderName != "" && dev != "" && dev != p.DeveloperProviderName:
			return Errorf(InvalidParameter, "The developer provider name cannot be changed once set.")
		case dev != "":
			p.DeveloperProviderName = dev
		}
		p.Name = *in.Name
		p.AllowUnauthenticated = *in.AllowUnauthenticated
		p.AllowClassicFlow = deref(in.AllowClassicFlow)
		p.SupportedLoginProviders = in.SupportedLoginProviders
		p.OpenIDConnectProviders = in.OpenIDConnectProviders
		p.CognitoProviders = providers
		p.SAMLProviders = in.SAMLProviders
		if in.Tags != nil {
			if len(in.Tags) > maxTags {
				return Errorf(InvalidParameter, "An identity pool can have at most %d tags.", maxTags)
			}
			p.Tags = maps.Clone(in.Tags)
		}
		return nil
	})
}

// DeletePool is DeleteIdentityPool; its identities go with it.
func (s *Service) DeletePool(ctx context.Context, id *string) error {
	var v validation
	v.poolID("identityPoolId", id)
	if err := v.err(); err != nil {
		return err
	}
	err := s.store.DeleteIdentityPool(ctx, *id)
	if errors.Is(err, store.ErrNotFound) {
		return errPoolNotFound(*id)
	}
	return err
}

// PoolSummary is one ListIdentityPools entry.
type PoolSummary struct{ ID, Name string }

// ListPools is ListIdentityPools. The next token is the last ID returned.
func (s *Service) ListPools(ctx context.Context, maxResults *int64, next *string) ([]PoolSummary, string, error) {
	var v validation
	if v.required("maxResults", maxResults != nil) {
		v.number("maxResults", maxResults, 1, maxQueryLimit)
	}
	v.optStr("nextToken", next, 1, 65535, patPaginationKey, rePaginationText)
	if err := v.err(); err != nil {
		return nil, "", err
	}
	limit := int(*maxResults)
	after := deref(next)
	var out []PoolSummary
	for len(out) <= limit {
		page, err := s.store.ListIdentityPools(ctx, store.Page{After: after, Limit: limit + 1})
		if err != nil {
			return nil, "", err
		}
		for _, r := range page {
			// Records whose ID is not a pool ID are Incognito's own (the
			// OpenID key set); they are not pools.
			if patPoolID.MatchString(r.ID) {
				out = append(out, PoolSummary{ID: r.ID, Name: r.Name})
			}
		}
		if len(page) < limit+1 {
			break
		}
		after = page[len(page)-1].ID
	}
	if len(out) > limit {
		return out[:limit], out[limit-1].ID, nil
	}
	return out, "", nil
}
