package userpool

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/incognito-idp/incognito/internal/store"
)

// clientNotFound is Cognito's answer for an unknown client.
func clientNotFound(id string) error {
	return Errorf(ResourceNotFound, "User pool client %s does not exist.", id)
}

// Client secrets are sealed with the service's Sealer before they reach
// the store, with the client ID as associated data so a sealed secret
// cannot be moved to another client. In memory (Client.Secrets[i].Value)
// they are plaintext.

func (s *Service) clientFromRecord(r store.ClientRecord) (*Client, error) {
	c := &Client{}
	if err := json.Unmarshal(r.Data, c); err != nil {
		return nil, fmt.Errorf("userpool: decoding client %s: %w", r.ClientID, err)
	}
	c.PoolID, c.ClientID, c.Name, c.CreatedAt, c.UpdatedAt = r.PoolID, r.ClientID, r.Name, r.CreatedAt, r.UpdatedAt
	for i, sec := range c.Secrets {
		sealed, err := base64.StdEncoding.DecodeString(sec.Value)
		if err != nil {
			return nil, fmt.Errorf("userpool: decoding secret of client %s: %w", r.ClientID, err)
		}
		plain, err := s.sealer.Open(sealed, []byte(r.ClientID))
		if err != nil {
			return nil, fmt.Errorf("userpool: opening secret of client %s: %w", r.ClientID, err)
		}
		c.Secrets[i].Value = string(plain)
	}
	return c, nil
}

func (s *Service) clientToRecord(c *Client) (store.ClientRecord, error) {
	sealed := *c
	sealed.Secrets = make([]ClientSecret, len(c.Secrets))
	for i, sec := range c.Secrets {
		if s.sealer == nil {
			return store.ClientRecord{}, errors.New("userpool: no sealer configured")
		}
		sec.Value = base64.StdEncoding.EncodeToString(s.sealer.Seal([]byte(sec.Value), []byte(c.ClientID)))
		sealed.Secrets[i] = sec
	}
	if len(sealed.Secrets) == 0 {
		sealed.Secrets = nil
	}
	data, err := json.Marshal(&sealed)
	if err != nil {
		return store.ClientRecord{}, fmt.Errorf("userpool: encoding client %s: %w", c.ClientID, err)
	}
	return store.ClientRecord{PoolID: c.PoolID, ClientID: c.ClientID, Name: c.Name,
		CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt, Data: data}, nil
}

// GetClient returns an app client by ID with its secrets opened (plaintext
// in Secrets[i].Value), or a ResourceNotFoundException. Sign-in uses it to
// check SECRET_HASH, flows and token lifetimes.
func (s *Service) GetClient(ctx context.Context, clientID string) (*Client, error) {
	r, err := s.store.GetClient(ctx, clientID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, clientNotFound(clientID)
	}
	if err != nil {
		return nil, err
	}
	return s.clientFromRecord(r)
}

// poolClient checks the IDs of a client request and returns the client's
// pool and the client, which must belong to it.
func (s *Service) poolClient(ctx context.Context, poolID, clientID *string) (*Pool, *Client, error) {
	c := &checker{}
	checkPoolID(c, poolID)
	checkClientID(c, clientID)
	if err := c.err(); err != nil {
		return nil, nil, err
	}
	p, err := s.GetPool(ctx, *poolID)
	if err != nil {
		return nil, nil, err
	}
	cl, err := s.GetClient(ctx, *clientID)
	if err != nil {
		return nil, nil, err
	}
	if cl.PoolID != p.ID {
		return nil, nil, clientNotFound(*clientID)
	}
	return p, cl, nil
}

func checkClientID(c *checker, id *string) {
	if c.required("clientId", id) {
		c.str("clientId", *id, 1, 128, patClientID)
	}
}

// updateClient runs f on the latest version of the client inside the
// store's transaction and writes the result with a new LastModifiedDate.
func (s *Service) updateClient(ctx context.Context, poolID, clientID string, f func(c *Client) error) (*Client, error) {
	var out *Client
	err := s.store.UpdateClient(ctx, clientID, func(r store.ClientRecord) (store.ClientRecord, error) {
		if r.PoolID != poolID {
			return r, clientNotFound(clientID)
		}
		c, err := s.clientFromRecord(r)
		if err != nil {
			return r, err
		}
		if err := f(c); err != nil {
			return r, err
		}
		c.UpdatedAt = s.now()
		out = c
		return s.clientToRecord(c)
	})
	if errors.Is(err, store.ErrNotFound) {
		return nil, clientNotFound(clientID)
	}
	return out, err
}
