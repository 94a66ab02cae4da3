package identitypool

import (
	"context"
	"fmt"
	"strings"
)

// UnlinkIdentity unlinks providers from an identity: the caller proves the
// identity with valid logins, and the providers named in loginsToRemove no
// longer reach it (their users get a new identity next time). An identity
// left without logins is disabled.
func (s *Service) UnlinkIdentity(ctx context.Context, identityID *string, logins map[string]string, remove []string) error {
	var v validation
	v.identityID("identityId", identityID)
	if v.required("logins", logins != nil) {
		v.logins("logins", logins)
	}
	if v.required("loginsToRemove", remove != nil) {
		for i, p := range remove {
			v.str(fmt.Sprintf("loginsToRemove.%d.member", i+1), p, 1, 128, nil, "")
		}
	}
	if err := v.err(); err != nil {
		return err
	}
	if len(logins) == 0 {
		return errLoginsDontMatch()
	}
	_, rec, _, err := s.authorize(ctx, *identityID, logins)
	if err != nil {
		return err
	}
	providers := map[string]bool{}
	for _, p := range remove {
		providers[s.canonicalProvider(p)] = true
	}
	return s.unlinkKeys(ctx, rec.ID, func(k string) bool {
		provider, _, _ := strings.Cut(k, "|")
		if provider == "dev" {
			return false // developer users are unlinked by UnlinkDeveloperIdentity
		}
		return providers[provider]
	})
}
