package identitypool

import (
	"context"
	"maps"
)

// poolByArn finds the pool an identity pool ARN names.
func (s *Service) poolByArn(ctx context.Context, arn *string) (string, error) {
	var v validation
	v.reqStr("resourceArn", arn, 20, 2048, nil, "")
	if err := v.err(); err != nil {
		return "", err
	}
	id, ok := s.poolIDFromArn(*arn)
	if !ok {
		return "", Errorf(InvalidParameter, "Invalid resource ARN %s: expected an identity pool ARN.", *arn)
	}
	if _, err := s.loadPool(ctx, id); err != nil {
		return "", err
	}
	return id, nil
}

// TagResource adds or replaces tags on a pool.
func (s *Service) TagResource(ctx context.Context, arn *string, tags map[string]string) error {
	var v validation
	v.required("tags", tags != nil)
	validateTags(&v, "tags", tags)
	if err := v.err(); err != nil {
		return err
	}
	id, err := s.poolByArn(ctx, arn)
	if err != nil {
		return err
	}
	_, err = s.updatePool(ctx, id, func(p *Pool) error {
		merged := maps.Clone(p.Tags)
		if merged == nil {
			merged = map[string]string{}
		}
		maps.Copy(merged, tags)
		if len(merged) > maxTags {
			return Errorf(InvalidParameter, "An identity pool can have at most %d tags.", maxTags)
		}
		p.Tags = merged
		return nil
	})
	return err
}

// UntagResource removes tags by key; absent keys are ignored.
func (s *Service) UntagResource(ctx context.Context, arn *string, keys []string) error {
	var v validation
	v.required("tagKeys", keys != nil)
	for i, k := range keys {
		if n := len([]rune(k)); n < 1 || n > 128 {
			v.str("tagKeys."+itoa(i+1)+".member", k, 1, 128, nil, "")
		}
	}
	if err := v.err(); err != nil {
		return err
	}
	id, err := s.poolByArn(ctx, arn)
	if err != nil {
		return err
	}
	_, err = s.updatePool(ctx, id, func(p *Pool) error {
		for _, k := range keys {
			delete(p.Tags, k)
		}
		return nil
	})
	return err
}

// ListTags is ListTagsForResource.
func (s *Service) ListTags(ctx context.Context, arn *string) (map[string]string, error) {
	id, err := s.poolByArn(ctx, arn)
	if err != nil {
		return nil, err
	}
	p, err := s.loadPool(ctx, id)
	if err != nil {
		return nil, err
	}
	if p.Tags == nil {
		return map[string]string{}, nil
	}
	return p.Tags, nil
}
