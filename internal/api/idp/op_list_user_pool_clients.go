package idp

import "context"

type listUserPoolClientsInput struct {
	UserPoolId *string `json:"UserPoolId"`
	MaxResults *int64  `json:"MaxResults"`
	NextToken  *string `json:"NextToken"`
}

// wireUserPoolClientDescription is UserPoolClientDescription.
type wireUserPoolClientDescription struct {
	ClientId   string `json:"ClientId"`
	UserPoolId string `json:"UserPoolId"`
	ClientName string `json:"ClientName"`
}

type listUserPoolClientsOutput struct {
	UserPoolClients []wireUserPoolClientDescription `json:"UserPoolClients"`
	NextToken       string                          `json:"NextToken,omitempty"`
}

// listUserPoolClients is ListUserPoolClients.
func (a *API) listUserPoolClients(ctx context.Context, in *listUserPoolClientsInput) (*listUserPoolClientsOutput, error) {
	clients, next, err := a.pools.ListClients(ctx, in.UserPoolId, in.MaxResults, in.NextToken)
	if err != nil {
		return nil, err
	}
	out := &listUserPoolClientsOutput{UserPoolClients: make([]wireUserPoolClientDescription, len(clients)), NextToken: next}
	for i, c := range clients {
		out.UserPoolClients[i] = wireUserPoolClientDescription{ClientId: c.ClientID, UserPoolId: c.PoolID, ClientName: c.Name}
	}
	return out, nil
}
