package userpool

import (
	"context"
	"time"
)

// maxClientSecrets is how many secrets a client may hold at once, so that
// a secret can be rotated without downtime.
const maxClientSecrets = 2

// SecretDescriptor describes one client secret. Value is set only when
// Incognito generated the secret and is answering the request that
// created it.
type SecretDescriptor struct {
	ID        string
	Value     string
	CreatedAt time.Time
}

// AddClientSecret adds a secret to a confidential client
// (AddUserPoolClientSecret): the given one, or a generated one.
func (s *Service) AddClientSecret(ctx context.Context, poolID, clientID, secret *string) (*SecretDescriptor, error) {
	c := &checker{}
	checkPoolID(c, poolID)
	checkClientID(c, clientID)
	if secret != nil {
		checkSecretValue(c, "clientSecret", *secret)
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	pool, _, err := s.poolClient(ctx, poolID, clientID)
	if err != nil {
		return nil, err
	}
	value, generated := "", secret == nil
	if secret != nil {
		value = *secret
	} else if value, err = s.newClientSecret(); err != nil {
		return nil, err
	}
	var added ClientSecret
	_, err = s.updateClient(ctx, pool.ID, *clientID, func(cl *Client) error {
		if !cl.HasSecret() {
			return Invalid("User pool client %s does not have a client secret.", cl.ClientID)
		}
		if len(cl.Secrets) >= maxClientSecrets {
			return Errorf(LimitExceeded, "User pool client %s already has the maximum of %d client secrets.", cl.ClientID, maxClientSecrets)
		}
		now := s.now()
		// Secret IDs carry the creation time; keep them unique.
		for _, sec := range cl.Secrets {
			if !now.After(sec.CreatedAt) {
				now = sec.CreatedAt.Add(time.Millisecond)
			}
		}
		added = ClientSecret{ID: secretID(cl.ClientID, now), Value: value, CreatedAt: now}
		cl.Secrets = append(cl.Secrets, added)
		return nil
	})
	if err != nil {
		return nil, err
	}
	d := &SecretDescriptor{ID: added.ID, CreatedAt: added.CreatedAt}
	if generated {
		d.Value = added.Value
	}
	return d, nil
}

// DeleteClientSecret removes one secret of a client
// (DeleteUserPoolClientSecret); the last one cannot be removed.
func (s *Service) DeleteClientSecret(ctx context.Context, poolID, clientID, secretID *string) error {
	c := &checker{}
	checkPoolID(c, poolID)
	checkClientID(c, clientID)
	if c.required("clientSecretId", secretID) {
		c.str("clientSecretId", *secretID, 1, 128, modelPattern{})
	}
	if err := c.err(); err != nil {
		return err
	}
	pool, _, err := s.poolClient(ctx, poolID, clientID)
	if err != nil {
		return err
	}
	_, err = s.updateClient(ctx, pool.ID, *clientID, func(cl *Client) error {
		for i, sec := range cl.Secrets {
			if sec.ID != *secretID {
				continue
			}
			if len(cl.Secrets) == 1 {
				return Invalid("You cannot delete the last remaining secret of user pool client %s.", cl.ClientID)
			}
			cl.Secrets = append(cl.Secrets[:i], cl.Secrets[i+1:]...)
			return nil
		}
		return Errorf(ResourceNotFound, "Client secret %s does not exist.", *secretID)
	})
	return err
}

// ListClientSecrets lists a client's secrets without their values
// (ListUserPoolClientSecrets).
func (s *Service) ListClientSecrets(ctx context.Context, poolID, clientID *string) ([]SecretDescriptor, error) {
	_, cl, err := s.poolClient(ctx, poolID, clientID)
	if err != nil {
		return nil, err
	}
	out := make([]SecretDescriptor, len(cl.Secrets))
	for i, sec := range cl.Secrets {
		out[i] = SecretDescriptor{ID: sec.ID, CreatedAt: sec.CreatedAt}
	}
	return out, nil
}
