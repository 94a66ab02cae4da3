package identity

import "context"

type listTagsForResourceInput struct {
	ResourceArn *string `json:"ResourceArn"`
}

type listTagsForResourceOutput struct {
	Tags map[string]string `json:"Tags"`
}

func (a *API) listTagsForResource(ctx context.Context, in *listTagsForResourceInput) (*listTagsForResourceOutput, error) {
	tags, err := a.pools.ListTags(ctx, in.ResourceArn)
	if err != nil {
		return nil, err
	}
	return &listTagsForResourceOutput{Tags: tags}, nil
}
