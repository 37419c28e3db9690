package store

import "github.com/coprod/coprod/internal/auth"

// The store implements the account service.
var _ auth.Service = (*DB)(nil)
