package userpool

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/incognito-idp/incognito/internal/message"
	"github.com/incognito-idp/incognito/internal/secret"
	"github.com/incognito-idp/incognito/internal/srp"
)

// The public (unsigned) operations name an app client, and a user by the
// name the user typed; clients with a secret prove it with SecretHash.

var patSecretHash = pattern(`[\w+=/]+`)

// checkSecretHashMember checks the SecretHash member of a request.
func checkSecretHashMember(c *checker, hash *string) {
	if hash != nil {
		c.secret("secretHash", *hash, 1, 128, patSecretHash)
	}
}

var ruleCode = patterned(stringRule{min: 1, max: 2048}, `[\S]+`)

// checkCodeMember checks a ConfirmationCodeType member.
func checkCodeMember(c *checker, member string, code *string) {
	checkString(&c.v, member, code, true, ruleCode)
}

// CheckSecretHash verifies a request's SECRET_HASH / SecretHash for a
// client with a secret, against each of its current secrets, in constant
// time: Base64(HMAC-SHA256(secret, username + clientId)). Clients without
// a secret ignore it.
func CheckSecretHash(c *Client, username, given string) error {
	if !c.HasSecret() {
		return nil
	}
	if given == "" {
		return Errorf(NotAuthorized, "Client %s is configured for secret but secret was not received", c.ClientID)
	}
	ok := false
	for _, sec := range c.Secrets {
		if secret.Equal(srp.SecretHash(sec.Value, username, c.ClientID), given) {
			ok = true
		}
	}
	if !ok {
		return Errorf(NotAuthorized, "Unable to verify secret hash for client %s", c.ClientID)
	}
	return nil
}

// checkPublicUser checks the members every public operation on one user
// has: the app client, its SecretHash and the username.
func checkPublicUser(c *checker, clientID, secretHash, username *string) {
	checkClientID(c, clientID)
	checkSecretHashMember(c, secretHash)
	checkString(&c.v, "username", username, true, ruleUsername)
}

// publicClient loads the app client a public operation names, checks its
// SecretHash for username, and loads its pool.
func (s *Service) publicClient(ctx context.Context, clientID string, secretHash *string, username string) (*Pool, *Client, error) {
	client, err := s.GetClient(ctx, clientID)
	if err != nil {
		return nil, nil, err
	}
	if err := CheckSecretHash(client, username, str(secretHash)); err != nil {
		return nil, nil, err
	}
	pool, err := s.GetPool(ctx, client.PoolID)
	if err != nil {
		return nil, nil, err
	}
	return pool, client, nil
}

// preventsExistenceErrors reports whether the client hides whether users
// exist (PreventUserExistenceErrors ENABLED).
func preventsExistenceErrors(c *Client) bool { return c.PreventUserExistenceErrors == "ENABLED" }

// publicUser finds the user a public operation names (username, email or
// phone number as username, or alias). An unknown user is
// UserNotFoundException, unless the client prevents user-existence errors:
// then the user is nil without an error, and the operation answers as it
// would for a user it cannot reveal.
func (s *Service) publicUser(ctx context.Context, pool *Pool, client *Client, name string) (*User, error) {
	u, err := s.FindUser(ctx, pool, name)
	if IsCode(err, UserNotFound) {
		if preventsExistenceErrors(client) {
			return nil, nil
		}
		return nil, Errorf(UserNotFound, "Username/client id combination not found.")
	}
	return u, err
}

// publicClientUser is publicClient then publicUser for the same name: the
// pool, the client and the user (nil when the client hides that it does
// not exist).
func (s *Service) publicClientUser(ctx context.Context, clientID string, secretHash *string, username string) (*Pool, *Client, *User, error) {
	pool, client, err := s.publicClient(ctx, clientID, secretHash, username)
	if err != nil {
		return nil, nil, nil, err
	}
	user, err := s.publicUser(ctx, pool, client, username)
	if err != nil {
		return nil, nil, nil, err
	}
	return pool, client, user, nil
}

// simulatedDelivery is the CodeDeliveryDetails answered for a user that
// does not exist when the client prevents user-existence errors: shaped
// like a real one, stable for a name, and sending nothing. phoneFirst
// chooses SMS for names that are not themselves addresses.
func simulatedDelivery(name string, phoneFirst bool) *CodeDelivery {
	switch {
	case IsPhoneNumber(name):
		return &CodeDelivery{Destination: message.MaskPhone(name), DeliveryMedium: message.MediumSMS, AttributeName: AttrPhoneNumber}
	case IsEmail(name):
		return &CodeDelivery{Destination: message.MaskEmail(name), DeliveryMedium: message.MediumEmail, AttributeName: AttrEmail}
	case phoneFirst:
		h := sha256.Sum256([]byte(name))
		fake := fmt.Sprintf("+1555%07d", binary.BigEndian.Uint32(h[:4])%10_000_000)
		return &CodeDelivery{Destination: message.MaskPhone(fake), DeliveryMedium: message.MediumSMS, AttributeName: AttrPhoneNumber}
	default:
		local := strings.ToLower(name)
		return &CodeDelivery{Destination: message.MaskEmail(local + "@example.com"), DeliveryMedium: message.MediumEmail, AttributeName: AttrEmail}
	}
}
