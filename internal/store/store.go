// Package store defines the one persistence interface Incognito has and the
// row types that cross it. Backends (sqlite, postgres) implement Store and
// must pass the conformance suite in storetest.
//
// Rows are not domain objects: the domain packages (userpool, ...) own the
// meaning of the opaque Data blobs and of the normalised keys and claims they
// hand to the store. This package must not import any other Incognito package.
package store

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// ErrNotFound is returned when the addressed row does not exist.
var ErrNotFound = errors.New("store: not found")

// ErrAlreadyExists is returned when a row with the same primary key exists.
var ErrAlreadyExists = errors.New("store: already exists")

// ErrInvalid is returned for a request the store refuses as malformed: a
// UserFilter on an attribute it does not index, or a Page.After of a prefix
// listing that NextUserPage did not make.
var ErrInvalid = errors.New("store: invalid request")

// ConflictError reports that a unique claim (see UserRecord.Claims) is
// already held by another user. errors.Is(err, ErrAlreadyExists) is true.
type ConflictError struct {
	Claim string // the claim that collided, e.g. "email:ada@example.com"
	Owner string // the UserKey of the user holding it
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("store: claim %q already held by %q", e.Claim, e.Owner)
}

// Is makes errors.Is(err, ErrAlreadyExists) true for a ConflictError.
func (e *ConflictError) Is(target error) bool { return target == ErrAlreadyExists }

// PoolRecord is one user pool. Data is the domain's serialised settings.
type PoolRecord struct {
	ID        string
	Name      string
	CreatedAt time.Time
	UpdatedAt time.Time
	Data      []byte
}

// ClientRecord is one app client. ClientID is unique across all pools.
type ClientRecord struct {
	PoolID    string
	ClientID  string
	Name      string
	CreatedAt time.Time
	UpdatedAt time.Time
	Data      []byte
}

// UserRecord is one user of a pool.
type UserRecord struct {
	PoolID string
	// Key is the normalised username the domain looks users up by (lower-cased
	// in case-insensitive pools). Primary key together with PoolID.
	Key string
	// Username is the username as Cognito returns it.
	Username  string
	Sub       string
	Status    string
	Enabled   bool
	CreatedAt time.Time
	UpdatedAt time.Time
	// Attributes are the user's attributes by name ("email", "custom:team").
	// The store indexes SearchableAttributes for ListUsers filters.
	Attributes map[string]string
	// Claims are unique keys within the pool held by this user, such as
	// "sub:<uuid>" or "email:<normalised address>". Creating or updating a
	// user whose claim is held by another user fails with *ConflictError.
	// Backends return them sorted, without duplicates.
	Claims []string
	// Data is the domain's serialised private state (password verifier,
	// MFA settings, ...), opaque to the store.
	Data []byte
}

// SearchableAttributes are the attributes ListUsers can filter on, besides
// "username", "status" (enabled/disabled) and "cognito:user_status", which
// come from the record's own fields. "sub" falls back to UserRecord.Sub when
// Attributes has no "sub".
var SearchableAttributes = []string{
	"email", "phone_number", "name", "given_name", "family_name",
	"preferred_username", "sub",
}

// GroupRecord is one group of a pool.
type GroupRecord struct {
	PoolID      string
	Name        string
	Description string
	RoleArn     string
	Precedence  *int64
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Page asks for at most Limit rows whose sort key is strictly greater than
// After ("" = from the start). Limit <= 0 means no limit. Sort keys compare
// byte-wise (Go string order), whatever the database's collation. ListUsers
// with a prefix filter sorts by (value, Key) and takes a cursor as After
// (see UserFilter).
type Page struct {
	After string
	Limit int
}

// UserFilter narrows ListUsers. Attribute is one of SearchableAttributes,
// "username", "status" or "cognito:user_status"; with Prefix the value must
// start with Value, otherwise equal it. A zero UserFilter matches all users;
// any other attribute is an error (ErrInvalid). Matching is exact and
// byte-wise ('%' and '_' are plain characters) on the value UserFilterValue
// gives: "username" is UserRecord.Username, "status" is "Enabled" or
// "Disabled", and values are compared on their first MaxFilterValueBytes
// only (the index keeps no more).
//
// Order and paging. Without a filter or with an equality filter, users are
// listed by Key and Page.After is a Key. With a prefix filter they are
// listed by (filter value, Key), the order of the index the filter reads,
// and Page.After is an opaque cursor: "" for the first page, then what
// NextUserPage makes of the last user of the previous page; anything else
// is refused with ErrInvalid. Either way a page costs its own size, never
// the number of users matching. A user whose filtered attribute changes
// between two pages of a prefix listing may be listed twice or not at all
// (it moves across the cursor); every other user present throughout is
// listed exactly once.
type UserFilter struct {
	Attribute string
	Value     string
	Prefix    bool
}

// Store is implemented by every backend. Update functions run inside a
// transaction holding the row: they see the latest committed version and
// their result is written atomically; an error from the function aborts the
// update and is returned unchanged. The store keeps a row's identity (IDs,
// PoolID, Key, group Name) whatever the function returns. Keep update
// functions short and free of I/O: the row stays locked while they run, and
// on SQLite every other write waits for them.
//
// Timestamps are stored as given with at least millisecond precision (both
// backends keep microseconds) and returned in UTC. Attributes maps returned
// are never nil. Creating a row under a missing parent (pool, group, user),
// and listing or counting under one, fails with ErrNotFound.
type Store interface {
	// AuthStore: signing keys, sessions and the message outbox (auth.go).
	AuthStore
	// IdentityStore: identity pools, identities and vended credentials (identity.go).
	IdentityStore

	// Pools. Lists are ordered by ID; Page.After is an ID.
	CreatePool(ctx context.Context, p PoolRecord) error
	GetPool(ctx context.Context, id string) (PoolRecord, error)
	ListPools(ctx context.Context, page Page) ([]PoolRecord, error)
	UpdatePool(ctx context.Context, id string, update func(PoolRecord) (PoolRecord, error)) error
	// DeletePool removes the pool with its clients, users, groups, signing
	// keys, sessions and messages.
	DeletePool(ctx context.Context, id string) error

	// App clients. Lists are ordered by ClientID.
	CreateClient(ctx context.Context, c ClientRecord) error
	GetClient(ctx context.Context, clientID string) (ClientRecord, error)
	ListClients(ctx context.Context, poolID string, page Page) ([]ClientRecord, error)
	UpdateClient(ctx context.Context, clientID string, update func(ClientRecord) (ClientRecord, error)) error
	DeleteClient(ctx context.Context, clientID string) error

	// Users. Lists are ordered by Key and Page.After is a Key, except
	// ListUsers with a prefix filter (see UserFilter).
	CreateUser(ctx context.Context, u UserRecord) error
	// CreateUsers creates many users in one transaction, as CreateUser
	// would one by one (claims, search index), but all or nothing: a
	// missing pool (ErrNotFound), a key that exists or comes twice
	// (ErrAlreadyExists), or a claim held by another user, in the store or
	// earlier in the batch (*ConflictError), writes none of them. Meant for
	// bulk loads of a few thousand users per call; an empty batch is a
	// no-op.
	CreateUsers(ctx context.Context, us []UserRecord) error
	GetUser(ctx context.Context, poolID, key string) (UserRecord, error)
	// GetUserByClaim finds the user holding a unique claim.
	GetUserByClaim(ctx context.Context, poolID, claim string) (UserRecord, error)
	// ListUsers lists the pool's users that match filter. With a prefix
	// filter they come in (filter value, Key) order and page.After is a
	// cursor from NextUserPage (see UserFilter); otherwise in Key order.
	ListUsers(ctx context.Context, poolID string, filter UserFilter, page Page) ([]UserRecord, error)
	// CountUsers is the number of users in the pool (EstimatedNumberOfUsers).
	CountUsers(ctx context.Context, poolID string) (int64, error)
	// UpdateUser may change everything but PoolID and Key.
	UpdateUser(ctx context.Context, poolID, key string, update func(UserRecord) (UserRecord, error)) error
	// DeleteUser also removes the user's group memberships, claims and
	// sessions.
	DeleteUser(ctx context.Context, poolID, key string) error

	// Groups. Lists are ordered by Name.
	CreateGroup(ctx context.Context, g GroupRecord) error
	GetGroup(ctx context.Context, poolID, name string) (GroupRecord, error)
	ListGroups(ctx context.Context, poolID string, page Page) ([]GroupRecord, error)
	UpdateGroup(ctx context.Context, poolID, name string, update func(GroupRecord) (GroupRecord, error)) error
	// DeleteGroup also removes its memberships.
	DeleteGroup(ctx context.Context, poolID, name string) error

	// Memberships. Adding an existing membership is not an error, and
	// neither is removing an absent one; a missing group or user is
	// ErrNotFound for both.
	AddUserToGroup(ctx context.Context, poolID, group, userKey string) error
	RemoveUserFromGroup(ctx context.Context, poolID, group, userKey string) error
	// ListGroupsForUser is ordered by group name; Page.After is a name.
	ListGroupsForUser(ctx context.Context, poolID, userKey string, page Page) ([]GroupRecord, error)
	// ListUsersInGroup is ordered by user Key; Page.After is a Key.
	ListUsersInGroup(ctx context.Context, poolID, group string, page Page) ([]UserRecord, error)

	// Ping answers nil when the store can serve requests (GET /health).
	Ping(ctx context.Context) error
	Close() error
}
