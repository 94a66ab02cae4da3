package userpool

import (
	"context"
	"errors"

	"github.com/incognito-idp/incognito/internal/store"
)

// CreateClientInput is CreateUserPoolClient's request.
type CreateClientInput struct {
	// ClientID fixes the new client's ID instead of minting one. It is not
	// on the wire: the config-file seeder sets it ([\w+]{1,128}).
	ClientID string

	UserPoolId     *string
	GenerateSecret bool
	// ClientSecret is a secret chosen by the caller (24 to 64 of [\w+]):
	// CreateUserPoolClient's ClientSecret member, or the seeder's fixed
	// secret. It cannot be combined with GenerateSecret.
	ClientSecret *string
	ClientSettings
}

// UpdateClientInput is UpdateUserPoolClient's request. ClientName nil
// keeps the name; every other omitted setting returns to its default.
type UpdateClientInput struct {
	UserPoolId *string
	ClientId   *string
	ClientSettings
}

// ClientSummary is one entry of ListUserPoolClients.
type ClientSummary struct {
	PoolID, ClientID, Name string
}

// CreateClient creates an app client (CreateUserPoolClient).
func (s *Service) CreateClient(ctx context.Context, in CreateClientInput) (*Client, error) {
	c := &checker{}
	checkPoolID(c, in.UserPoolId)
	c.required("clientName", in.ClientName)
	in.ClientSettings.check(c)
	if in.ClientSecret != nil {
		checkSecretValue(c, "clientSecret", *in.ClientSecret)
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	if in.ClientID != "" {
		if err := checkFixedClientID(in.ClientID); err != nil {
			return nil, err
		}
	}
	if in.GenerateSecret && in.ClientSecret != nil {
		return nil, Invalid("You cannot specify both GenerateSecret as true and provide a ClientSecret value.")
	}
	pool, err := s.GetPool(ctx, *in.UserPoolId)
	if err != nil {
		return nil, err
	}
	now := s.now()
	cl := &Client{PoolID: pool.ID, CreatedAt: now, UpdatedAt: now}
	// The secret comes first: the OAuth rules depend on whether there is one.
	switch {
	case in.ClientSecret != nil:
		cl.Secrets = []ClientSecret{{Value: *in.ClientSecret, CreatedAt: now}}
	case in.GenerateSecret:
		v, err := s.newClientSecret()
		if err != nil {
			return nil, err
		}
		cl.Secrets = []ClientSecret{{Value: v, CreatedAt: now}}
	}
	if err := in.ClientSettings.apply(cl, pool, true); err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		cl.ClientID = in.ClientID
		if cl.ClientID == "" {
			if cl.ClientID, err = s.newClientID(); err != nil {
				return nil, err
			}
		}
		for i := range cl.Secrets {
			cl.Secrets[i].ID = secretID(cl.ClientID, cl.Secrets[i].CreatedAt)
		}
		rec, err := s.clientToRecord(cl)
		if err != nil {
			return nil, err
		}
		err = s.store.CreateClient(ctx, rec)
		switch {
		case err == nil:
			return cl, nil
		case errors.Is(err, store.ErrAlreadyExists) && in.ClientID != "":
			return nil, Invalid("User pool client %s already exists.", in.ClientID)
		case errors.Is(err, store.ErrAlreadyExists) && attempt < 3:
			continue // a minted ID collided: draw again
		case errors.Is(err, store.ErrNotFound):
			return nil, poolNotFound(pool.ID) // the pool went away meanwhile
		default:
			return nil, err
		}
	}
}

// DescribeClient returns a client of a pool with its secrets opened
// (DescribeUserPoolClient).
func (s *Service) DescribeClient(ctx context.Context, poolID, clientID *string) (*Client, error) {
	_, cl, err := s.poolClient(ctx, poolID, clientID)
	return cl, err
}

// UpdateClient replaces a client's settings (UpdateUserPoolClient).
func (s *Service) UpdateClient(ctx context.Context, in UpdateClientInput) (*Client, error) {
	c := &checker{}
	checkPoolID(c, in.UserPoolId)
	checkClientID(c, in.ClientId)
	in.ClientSettings.check(c)
	if err := c.err(); err != nil {
		return nil, err
	}
	pool, _, err := s.poolClient(ctx, in.UserPoolId, in.ClientId)
	if err != nil {
		return nil, err
	}
	return s.updateClient(ctx, pool.ID, *in.ClientId, func(cl *Client) error {
		return in.ClientSettings.apply(cl, pool, false)
	})
}

// DeleteClient deletes a client (DeleteUserPoolClient).
func (s *Service) DeleteClient(ctx context.Context, poolID, clientID *string) error {
	_, cl, err := s.poolClient(ctx, poolID, clientID)
	if err != nil {
		return err
	}
	err = s.store.DeleteClient(ctx, cl.ClientID)
	if errors.Is(err, store.ErrNotFound) {
		return clientNotFound(cl.ClientID)
	}
	return err
}

// ListClients lists a pool's clients in ID order (ListUserPoolClients).
// maxResults is 1 to 60 (60 when omitted).
func (s *Service) ListClients(ctx context.Context, poolID *string, maxResults *int64, nextToken *string) ([]ClientSummary, string, error) {
	c := &checker{}
	checkPoolID(c, poolID)
	c.optInt("maxResults", maxResults, 1, 60)
	c.optStr("nextToken", nextToken, 1, 131072, patPaginationKey)
	if err := c.err(); err != nil {
		return nil, "", err
	}
	after, err := decodePageToken(nextToken)
	if err != nil {
		return nil, "", err
	}
	if _, err := s.GetPool(ctx, *poolID); err != nil {
		return nil, "", err
	}
	limit := 60
	if maxResults != nil {
		limit = int(*maxResults)
	}
	recs, err := s.store.ListClients(ctx, *poolID, store.Page{After: after, Limit: limit + 1})
	if err != nil {
		return nil, "", err
	}
	next := ""
	if len(recs) > limit {
		recs = recs[:limit]
		next = encodePageToken(recs[limit-1].ClientID)
	}
	out := make([]ClientSummary, len(recs))
	for i, r := range recs {
		out[i] = ClientSummary{PoolID: r.PoolID, ClientID: r.ClientID, Name: r.Name}
	}
	return out, next, nil
}
