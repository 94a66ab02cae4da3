package identity

import "context"

type tagResourceInput struct {
	ResourceArn *string           `json:"ResourceArn"`
	Tags        map[string]string `json:"Tags"`
}

func (a *API) tagResource(ctx context.Context, in *tagResourceInput) (*struct{}, error) {
	return nil, a.pools.TagResource(ctx, in.ResourceArn, in.Tags)
}
