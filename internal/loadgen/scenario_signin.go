package loadgen

import (
	"context"
	"strings"
)

// passwordScenario is InitiateAuth USER_PASSWORD_AUTH: the server checks
// the password against the stored verifier and mints three tokens.
var passwordScenario = scenario{
	name:    "password",
	what:    "InitiateAuth USER_PASSWORD_AUTH",
	prepare: needUsers,
	run: func(ctx context.Context, e *env, f *Flow) error {
		var out authOut
		if err := f.idp(ctx, "InitiateAuth", false, passwordAuth(e, e.user(f)), &out); err != nil {
			return err
		}
		return f.check("InitiateAuth", wantTokens(&out))
	},
}

// refreshScenario is InitiateAuth REFRESH_TOKEN_AUTH with the refresh
// tokens of Options.Sessions signed-in users. A rotated refresh token
// replaces the old one.
var refreshScenario = scenario{
	name:    "refresh",
	what:    "InitiateAuth REFRESH_TOKEN_AUTH",
	prepare: needSessions,
	run: func(ctx context.Context, e *env, f *Flow) error {
		s := e.session(f)
		s.mu.Lock()
		token := s.refresh
		s.mu.Unlock()
		var out authOut
		in := refreshAuthIn(e.client, token, e.secretHash(s.username))
		if err := f.idp(ctx, "InitiateAuth", false, in, &out); err != nil {
			return err
		}
		r := out.AuthenticationResult
		if r == nil || r.AccessToken == "" || r.IdToken == "" {
			return f.check("InitiateAuth", badResponse("REFRESH_TOKEN_AUTH gave no access or ID token"))
		}
		if r.RefreshToken != "" {
			s.mu.Lock()
			if s.refresh == token {
				s.refresh = r.RefreshToken
			}
			s.mu.Unlock()
		}
		return nil
	},
}

// getUserScenario is GetUser with the access tokens of Options.Sessions
// signed-in users: token verification, a session check and a user read.
var getUserScenario = scenario{
	name:    "getuser",
	what:    "GetUser with an access token",
	prepare: needSessions,
	run: func(ctx context.Context, e *env, f *Flow) error {
		var out getUserOut
		if err := f.idp(ctx, "GetUser", false, getUserIn{AccessToken: e.session(f).access}, &out); err != nil {
			return err
		}
		if out.Username == "" {
			return f.check("GetUser", badResponse("GetUser answered no Username"))
		}
		return nil
	},
}

// listUsersScenario is ListUsers filtered on a prefix that matches up to
// ten load users: their names without the last digit. In a pool whose
// usernames are emails the filter is on email.
var listUsersScenario = scenario{
	name:    "listusers",
	what:    `ListUsers with Filter username ^= "<prefix>" (email ^= where usernames are emails; up to 10 matches)`,
	prepare: needUsers,
	run: func(ctx context.Context, e *env, f *Flow) error {
		attr, prefix := e.listPrefix(int(f.seq % uint64(e.o.Users)))
		var out listUsersOut
		if err := f.idp(ctx, "ListUsers", true, listUsersPrefixIn(e.poolID, attr, prefix, 60), &out); err != nil {
			return err
		}
		return f.check("ListUsers", checkListed(&out, attr, prefix))
	},
}

// checkListed makes sure ListUsers found at least one user and applied the
// filter: every user listed matches the prefix, so a server that ignores
// the filter shows as failing rather than as fast.
func checkListed(out *listUsersOut, attr, prefix string) error {
	if len(out.Users) == 0 {
		return badResponse("ListUsers found no user whose %s starts with %q", attr, prefix)
	}
	for _, u := range out.Users {
		value := u.Username
		if attr != "username" {
			value = ""
			for _, a := range u.Attributes {
				if a.Name == attr {
					value = a.Value
				}
			}
		}
		if !strings.HasPrefix(value, prefix) {
			return badResponse("ListUsers with %s ^= %q listed %q (%s %q)", attr, prefix, u.Username, attr, value)
		}
	}
	return nil
}

// passwordAuth is the USER_PASSWORD_AUTH request for a load user.
func passwordAuth(e *env, username string) initiateAuthIn {
	return passwordAuthIn(e.client, username, e.o.Password, e.secretHash(username))
}

// wantTokens checks that a sign-in ended with the three tokens.
func wantTokens(out *authOut) error {
	r := out.AuthenticationResult
	if r == nil {
		return badResponse("no AuthenticationResult (challenge %q)", out.ChallengeName)
	}
	if r.AccessToken == "" || r.IdToken == "" || r.RefreshToken == "" {
		return badResponse("AuthenticationResult lacks a token")
	}
	return nil
}
