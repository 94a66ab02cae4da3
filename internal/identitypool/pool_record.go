package identitypool

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/incognito-idp/incognito/internal/store"
)

// poolData is what a pool keeps in IdentityPoolRecord.Data.
type poolData struct {
	AllowUnauthenticated    bool                       `json:"allow_unauthenticated"`
	AllowClassicFlow        bool                       `json:"allow_classic_flow,omitempty"`
	SupportedLoginProviders map[string]string          `json:"supported_login_providers,omitempty"`
	DeveloperProviderName   string                     `json:"developer_provider_name,omitempty"`
	OpenIDConnectProviders  []string                   `json:"oidc_providers,omitempty"`
	CognitoProviders        []CognitoProvider          `json:"cognito_providers,omitempty"`
	SAMLProviders           []string                   `json:"saml_providers,omitempty"`
	Tags                    map[string]string          `json:"tags,omitempty"`
	Roles                   map[string]string          `json:"roles,omitempty"`
	RoleMappings            map[string]RoleMapping     `json:"role_mappings,omitempty"`
	PrincipalTags           map[string]PrincipalTagMap `json:"principal_tags,omitempty"`
}

func poolFromRecord(r store.IdentityPoolRecord) (*Pool, error) {
	var d poolData
	if len(r.Data) > 0 {
		if err := json.Unmarshal(r.Data, &d); err != nil {
			return nil, fmt.Errorf("identity pool %s: %w", r.ID, err)
		}
	}
	return &Pool{
		ID: r.ID, Name: r.Name, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
		AllowUnauthenticated: d.AllowUnauthenticated, AllowClassicFlow: d.AllowClassicFlow,
		SupportedLoginProviders: d.SupportedLoginProviders, DeveloperProviderName: d.DeveloperProviderName,
		OpenIDConnectProviders: d.OpenIDConnectProviders, CognitoProviders: d.CognitoProviders,
		SAMLProviders: d.SAMLProviders, Tags: d.Tags, Roles: d.Roles, RoleMappings: d.RoleMappings,
		PrincipalTags: d.PrincipalTags,
	}, nil
}

func (p *Pool) record() (store.IdentityPoolRecord, error) {
	data, err := json.Marshal(poolData{
		AllowUnauthenticated: p.AllowUnauthenticated, AllowClassicFlow: p.AllowClassicFlow,
		SupportedLoginProviders: p.SupportedLoginProviders, DeveloperProviderName: p.DeveloperProviderName,
		OpenIDConnectProviders: p.OpenIDConnectProviders, CognitoProviders: p.CognitoProviders,
		SAMLProviders: p.SAMLProviders, Tags: p.Tags, Roles: p.Roles, RoleMappings: p.RoleMappings,
		PrincipalTags: p.PrincipalTags,
	})
	if err != nil {
		return store.IdentityPoolRecord{}, err
	}
	return store.IdentityPoolRecord{ID: p.ID, Name: p.Name, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt, Data: data}, nil
}

// loadPool reads a pool by an ID already checked for shape.
func (s *Service) loadPool(ctx context.Context, id string) (*Pool, error) {
	r, err := s.store.GetIdentityPool(ctx, id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && !patPoolID.MatchString(r.ID)) {
		return nil, errPoolNotFound(id)
	}
	if err != nil {
		return nil, err
	}
	return poolFromRecord(r)
}

// updatePool applies change to the stored pool inside the store's
// transaction.
func (s *Service) updatePool(ctx context.Context, id string, change func(p *Pool) error) (*Pool, error) {
	var out *Pool
	err := s.store.UpdateIdentityPool(ctx, id, func(r store.IdentityPoolRecord) (store.IdentityPoolRecord, error) {
		p, err := poolFromRecord(r)
		if err != nil {
			return r, err
		}
		if err := change(p); err != nil {
			return r, err
		}
		p.UpdatedAt = s.now()
		rec, err := p.record()
		if err != nil {
			return r, err
		}
		out = p
		return rec, nil
	})
	if errors.Is(err, store.ErrNotFound) {
		return nil, errPoolNotFound(id)
	}
	return out, err
}
