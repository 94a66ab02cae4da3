package identity

import "context"

type untagResourceInput struct {
	ResourceArn *string  `json:"ResourceArn"`
	TagKeys     []string `json:"TagKeys"`
}

func (a *API) untagResource(ctx context.Context, in *untagResourceInput) (*struct{}, error) {
	return nil, a.pools.UntagResource(ctx, in.ResourceArn, in.TagKeys)
}
