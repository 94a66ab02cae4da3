package identitypool

import (
	"context"
	"maps"
	"strconv"
)

func itoa(n int) string { return strconv.Itoa(n) }

// PrincipalTagsInput is SetPrincipalTagAttributeMap's request.
type PrincipalTagsInput struct {
	PoolID       *string
	ProviderName *string
	UseDefaults  *bool
	Tags         map[string]string
}

// PrincipalTagsOutput is what both operations answer.
type PrincipalTagsOutput struct {
	PoolID       string
	ProviderName string
	UseDefaults  bool
	Tags         map[string]string
}

func validatePrincipalTags(in PrincipalTagsInput, v *validation) {
	v.poolID("identityPoolId", in.PoolID)
	v.reqStr("identityProviderName", in.ProviderName, 1, 128, nil, "")
	v.count("principalTags", len(in.Tags), 0, maxPrincipalTags, "{...}")
	for _, k := range sortedKeys(in.Tags) {
		v.str("principalTags", k, 1, 128, nil, "")
		v.str("principalTags."+k, in.Tags[k], 1, 256, nil, "")
	}
}

// SetPrincipalTags is SetPrincipalTagAttributeMap: which token claims
// become session tags of the credentials of a provider's users. With
// UseDefaults the user-pool defaults apply (client = aud, username = sub).
func (s *Service) SetPrincipalTags(ctx context.Context, in PrincipalTagsInput) (*PrincipalTagsOutput, error) {
	var v validation
	validatePrincipalTags(in, &v)
	if err := v.err(); err != nil {
		return nil, err
	}
	if _, err := s.loadPool(ctx, *in.PoolID); err != nil {
		return nil, err
	}
	provider := s.canonicalProvider(*in.ProviderName)
	m := PrincipalTagMap{UseDefaults: deref(in.UseDefaults), Tags: maps.Clone(in.Tags)}
	_, err := s.updatePool(ctx, *in.PoolID, func(p *Pool) error {
		if p.PrincipalTags == nil {
			p.PrincipalTags = map[string]PrincipalTagMap{}
		}
		p.PrincipalTags[provider] = m
		return nil
	})
	if err != nil {
		return nil, err
	}
	return principalTagsOutput(*in.PoolID, *in.ProviderName, m), nil
}

// PrincipalTags is GetPrincipalTagAttributeMap. A provider without a map
// answers UseDefaults false and no tags.
func (s *Service) PrincipalTags(ctx context.Context, poolID, providerName *string) (*PrincipalTagsOutput, error) {
	var v validation
	v.poolID("identityPoolId", poolID)
	v.reqStr("identityProviderName", providerName, 1, 128, nil, "")
	if err := v.err(); err != nil {
		return nil, err
	}
	p, err := s.loadPool(ctx, *poolID)
	if err != nil {
		return nil, err
	}
	return principalTagsOutput(*poolID, *providerName, p.PrincipalTags[s.canonicalProvider(*providerName)]), nil
}

func principalTagsOutput(poolID, provider string, m PrincipalTagMap) *PrincipalTagsOutput {
	out := &PrincipalTagsOutput{PoolID: poolID, ProviderName: provider, UseDefaults: m.UseDefaults, Tags: m.effective()}
	return out
}

// effective is the tag -> claim map in force: the defaults when UseDefaults
// is set (explicit tags win over them), else the explicit tags.
func (m PrincipalTagMap) effective() map[string]string {
	out := map[string]string{}
	if m.UseDefaults {
		maps.Copy(out, defaultPrincipalTags)
	}
	maps.Copy(out, m.Tags)
	if len(out) == 0 {
		return nil
	}
	return out
}

// sessionTags computes a login's principal tags from its claims, in the
// shape AWS carries them in web identity tokens:
// {"principal_tags": {"<tag>": ["<value>"]}}. Claims the token lacks give
// no tag.
func (p *Pool) sessionTags(provider string, claims map[string]any) map[string]any {
	m, ok := p.PrincipalTags[provider]
	if !ok {
		return nil
	}
	tags := map[string]any{}
	for tag, claim := range m.effective() {
		if value, ok := claimString(claims[claim]); ok {
			tags[tag] = []string{value}
		}
	}
	if len(tags) == 0 {
		return nil
	}
	return map[string]any{"principal_tags": tags}
}
