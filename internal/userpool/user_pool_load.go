package userpool

import "context"

// loadPool reads a pool's settings for the user and group operations;
// an unknown pool is ResourceNotFoundException "User pool <id> does not
// exist.".
func (s *Service) loadPool(ctx context.Context, id string) (*Pool, error) {
	return s.GetPool(ctx, id)
}
