package loadgen

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/incognito-idp/incognito/internal/srp"
)

// env is what the scenarios share: the client, the pool and its users.
type env struct {
	c      *Client
	o      Options
	runID  string
	poolID string
	client string
	secret string

	// emailNames is set for pools whose usernames are email addresses
	// (UsernameAttributes email, cognito-local's default): the load
	// users are then called <prefix><n>@example.com.
	emailNames bool

	createdPool bool
	preload     string // how users were put in the pool, for the report
	preloadTime time.Duration

	sessionsOnce sync.Once
	sessions     []*session
	sessionsErr  error

	identityPool        string
	createdIdentityPool bool
}

// session is one signed-in user.
type session struct {
	username string
	access   string
	id       string
	mu       sync.Mutex // guards refresh, which a rotating client replaces
	refresh  string
}

// emailDomain ends the load users' names in pools that want emails.
const emailDomain = "@example.com"

// userName is the name of the i-th load user.
func (e *env) userName(i int) string {
	if e.emailNames {
		return fmt.Sprintf("%s%07d%s", e.o.UserPrefix, i, emailDomain)
	}
	return fmt.Sprintf("%s%07d", e.o.UserPrefix, i)
}

// listPrefix is the ListUsers filter attribute and the prefix matching the
// i-th load user and up to nine others.
func (e *env) listPrefix(i int) (attr, prefix string) {
	name := fmt.Sprintf("%s%07d", e.o.UserPrefix, i)
	if e.emailNames {
		return "email", name[:len(name)-1]
	}
	return "username", name[:len(name)-1]
}

// secretHash is SECRET_HASH for a user, or "" for a client without secret.
func (e *env) secretHash(username string) string {
	if e.secret == "" {
		return ""
	}
	return srp.SecretHash(e.secret, username, e.client)
}

// admin sends an administrator's cognito-idp request outside any flow.
func (e *env) admin(ctx context.Context, op string, in, out any) error {
	return e.c.IDP(ctx, op, true, in, out)
}

// setup creates (or adopts) the pool and client and makes sure the users
// exist.
func (e *env) setup(ctx context.Context) error {
	b := make([]byte, 3)
	_, _ = rand.Read(b)
	e.runID = hex.EncodeToString(b)
	if e.o.PoolID != "" {
		e.poolID, e.client, e.secret = e.o.PoolID, e.o.ClientID, e.o.ClientSecret
	} else {
		var pool createUserPoolOut
		if err := e.admin(ctx, "CreateUserPool", createUserPoolIn{PoolName: "incognito-load-" + e.runID}, &pool); err != nil {
			return fmt.Errorf("CreateUserPool: %w", err)
		}
		e.poolID, e.createdPool = pool.UserPool.Id, true
		var client createUserPoolClientOut
		err := e.admin(ctx, "CreateUserPoolClient", createUserPoolClientIn{
			UserPoolId: e.poolID, ClientName: "incognito-load", ExplicitAuthFlows: loadFlows,
		}, &client)
		if err != nil {
			return fmt.Errorf("CreateUserPoolClient: %w", err)
		}
		e.client, e.secret = client.UserPoolClient.ClientId, client.UserPoolClient.ClientSecret
		if e.poolID == "" || e.client == "" {
			return fmt.Errorf("the endpoint returned no pool or client ID")
		}
		fmt.Fprintf(e.o.Log, "created user pool %s and app client %s\n", e.poolID, e.client)
	}
	var pool describeUserPoolOut
	if err := e.admin(ctx, "DescribeUserPool", userPoolIn{UserPoolId: e.poolID}, &pool); err != nil {
		return fmt.Errorf("DescribeUserPool: %w", err)
	}
	e.emailNames = slices.Contains(pool.UserPool.UsernameAttributes, "email")
	if e.emailNames {
		fmt.Fprintf(e.o.Log, "the pool's usernames are emails: the load users are %s\n", e.userName(0))
	}
	if err := e.preloadUsers(ctx); err != nil {
		return err
	}
	e.prime(ctx)
	return nil
}

// prime signs one user in before any load. A server may set a pool up on
// its first sign-in (Incognito makes the pool's signing keys then); that
// one-off cost, paid by whichever flows come first, is not what the
// scenarios measure. A failure here is only logged: the scenarios report
// their own.
func (e *env) prime(ctx context.Context) {
	if e.o.Users == 0 {
		return
	}
	start := time.Now()
	if _, err := e.signIn(ctx, e.userName(0)); err != nil {
		fmt.Fprintf(e.o.Log, "priming sign-in of %s failed: %v\n", e.userName(0), err)
		return
	}
	fmt.Fprintf(e.o.Log, "first sign-in to the pool took %v\n", time.Since(start).Round(time.Millisecond))
}

// preloadUsers makes sure the pool holds the load users. An existing pool
// whose first and last load users exist is taken as complete.
func (e *env) preloadUsers(ctx context.Context) error {
	n := e.o.Users
	if n == 0 {
		e.preload = "none"
		return nil
	}
	if !e.createdPool && e.userExists(ctx, 0) && e.userExists(ctx, n-1) {
		e.preload = fmt.Sprintf("none: the pool already holds %s .. %s", e.userName(0), e.userName(n-1))
		return nil
	}
	start := time.Now()
	var created int
	var err error
	if e.o.Preloader != nil {
		e.preload = e.o.Preloader.Describe()
		fmt.Fprintf(e.o.Log, "pre-loading %d users: %s\n", n, e.preload)
		created, err = e.o.Preloader.Preload(ctx, e.poolID, 0, n, e.userName, e.o.Password)
	} else {
		e.preload = fmt.Sprintf("through the admin API (AdminCreateUser + AdminSetUserPassword --permanent, %d in parallel)", e.o.PreloadConcurrency)
		fmt.Fprintf(e.o.Log, "pre-loading %d users %s\n", n, e.preload)
		created, err = e.preloadAdmin(ctx, n)
	}
	e.preloadTime = time.Since(start)
	if err != nil {
		return fmt.Errorf("pre-loading users: %w", err)
	}
	fmt.Fprintf(e.o.Log, "pre-loaded %d users (%d new) in %v (%.0f users/s)\n",
		n, created, e.preloadTime.Round(time.Millisecond), float64(created)/e.preloadTime.Seconds())
	return nil
}

func (e *env) userExists(ctx context.Context, i int) bool {
	return e.admin(ctx, "AdminGetUser", adminUserIn{UserPoolId: e.poolID, Username: e.userName(i)}, nil) == nil
}

// preloadAdmin creates users 0..n-1 through the admin API, in parallel.
// A user that exists already only gets its password set again.
func (e *env) preloadAdmin(ctx context.Context, n int) (int, error) {
	var next, created, done atomic.Int64
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var once sync.Once
	var firstErr error
	var wg sync.WaitGroup
	stop := e.progress("pre-load", &done, int64(n))
	defer stop()
	for w := 0; w < e.o.PreloadConcurrency; w++ {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				isNew, err := e.createUser(ctx, e.userName(i))
				if err != nil {
					once.Do(func() { firstErr = fmt.Errorf("user %s: %w", e.userName(i), err); cancel() })
					return
				}
				if isNew {
					created.Add(1)
				}
				done.Add(1)
			}
		})
	}
	wg.Wait()
	return int(created.Load()), firstErr
}

// createUser is AdminCreateUser then AdminSetUserPassword --permanent.
func (e *env) createUser(ctx context.Context, name string) (created bool, err error) {
	err = e.admin(ctx, "AdminCreateUser", adminCreateUserIn{
		UserPoolId: e.poolID, Username: name, TemporaryPassword: e.o.Password, MessageAction: messageSuppress,
	}, nil)
	created = err == nil
	if err != nil && errorType(err) != "UsernameExistsException" {
		return false, err
	}
	err = e.admin(ctx, "AdminSetUserPassword", adminSetUserPasswordIn{
		UserPoolId: e.poolID, Username: name, Password: e.o.Password, Permanent: true,
	}, nil)
	return created, err
}

// progress prints done/total every few seconds until stopped.
func (e *env) progress(what string, done *atomic.Int64, total int64) (stop func()) {
	t := time.NewTicker(3 * time.Second)
	quit := make(chan struct{})
	go func() {
		for {
			select {
			case <-t.C:
				fmt.Fprintf(e.o.Log, "  %s: %d/%d\n", what, done.Load(), total)
			case <-quit:
				return
			}
		}
	}()
	return func() { t.Stop(); close(quit) }
}

// signedIn returns up to Options.Sessions signed-in users, signing them in
// with USER_PASSWORD_AUTH on first use.
func (e *env) signedIn(ctx context.Context) ([]*session, error) {
	e.sessionsOnce.Do(func() {
		n := min(e.o.Sessions, e.o.Users)
		if n == 0 {
			e.sessionsErr = fmt.Errorf("this scenario needs users: give -users")
			return
		}
		e.sessions = make([]*session, n)
		var wg sync.WaitGroup
		var mu sync.Mutex
		sem := make(chan struct{}, e.o.PreloadConcurrency)
		for i := range n {
			wg.Go(func() {
				sem <- struct{}{}
				defer func() { <-sem }()
				s, err := e.signIn(ctx, e.userName(i))
				mu.Lock()
				defer mu.Unlock()
				if err != nil && e.sessionsErr == nil {
					e.sessionsErr = fmt.Errorf("signing in %s: %w", e.userName(i), err)
				}
				e.sessions[i] = s
			})
		}
		wg.Wait()
	})
	return e.sessions, e.sessionsErr
}

// signIn is one USER_PASSWORD_AUTH sign-in outside any measurement.
func (e *env) signIn(ctx context.Context, name string) (*session, error) {
	var out authOut
	err := e.c.IDP(ctx, "InitiateAuth", false, passwordAuth(e, name), &out)
	if err != nil {
		return nil, err
	}
	r := out.AuthenticationResult
	if r == nil || r.AccessToken == "" || r.IdToken == "" || r.RefreshToken == "" {
		return nil, badResponse("InitiateAuth %s gave no tokens (challenge %q)", flowPassword, out.ChallengeName)
	}
	return &session{username: name, access: r.AccessToken, id: r.IdToken, refresh: r.RefreshToken}, nil
}

// cleanup deletes what setup created, unless asked to keep it.
func (e *env) cleanup(ctx context.Context) {
	if e.o.Keep {
		if e.createdPool {
			fmt.Fprintf(e.o.Log, "kept user pool %s, app client %s (reuse with -pool %s -client %s)\n", e.poolID, e.client, e.poolID, e.client)
		}
		if e.createdIdentityPool {
			fmt.Fprintf(e.o.Log, "kept identity pool %s (reuse with -identity-pool %s)\n", e.identityPool, e.identityPool)
		}
		return
	}
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if e.createdIdentityPool {
		if err := e.c.Identity(ctx, "DeleteIdentityPool", true, identityPoolIn{IdentityPoolId: e.identityPool}, nil); err != nil {
			fmt.Fprintf(e.o.Log, "deleting identity pool %s: %v\n", e.identityPool, err)
		}
	}
	if e.createdPool {
		if err := e.admin(ctx, "DeleteUserPool", userPoolIn{UserPoolId: e.poolID}, nil); err != nil {
			fmt.Fprintf(e.o.Log, "deleting user pool %s: %v\n", e.poolID, err)
		}
	}
}
