package store

import (
	"context"
	"errors"
	"testing"

	"plantracker/models"
)

// Text PostgreSQL cannot keep (a NUL byte, invalid UTF-8) is refused on
// both stores with the caller's error, never the database's: a write
// names the field, a lookup finds nothing, a filter is an invalid query.
func TestControlCharactersAreTheCallersError(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, _ fixture) {
		ctx := context.Background()
		newUser(t, s, "root", "admin", "admin")
		var verr *models.ValidationError
		tests := []struct {
			name  string
			do    func() error
			check func(error) bool
		}{
			{"plan title", func() error { _, err := s.CreatePlan(ctx, "x", models.Plan{Title: "P\x00"}); return err },
				func(err error) bool { return errors.As(err, &verr) && verr.Errors[0].Field == "title" }},
			{"token name", func() error { _, _, err := s.CreateToken(ctx, "x", "admin", "ci\x00"); return err },
				func(err error) bool { return errors.As(err, &verr) && verr.Errors[0].Field == "name" }},
			{"sign in", func() error { _, err := s.Authenticate(ctx, "admin\x00", "correct horse battery"); return err },
				func(err error) bool { return errors.Is(err, ErrBadCredentials) }},
			{"user by name", func() error { _, err := s.UserByName(ctx, "ad\x00min"); return err },
				func(err error) bool { return errors.Is(err, ErrNotFound) }},
			{"search", func() error { _, err := s.Provisions(ctx, ProvisionFilter{Query: "cap\x00"}); return err },
				func(err error) bool { return errors.Is(err, ErrInvalidQuery) }},
			{"party filter", func() error { _, err := s.Provisions(ctx, ProvisionFilter{Party: "U\x00A"}); return err },
				func(err error) bool { return errors.Is(err, ErrInvalidQuery) }},
			{"invalid UTF-8 filter", func() error { _, err := s.Provisions(ctx, ProvisionFilter{Query: "\xff"}); return err },
				func(err error) bool { return errors.Is(err, ErrInvalidQuery) }},
			{"changes by actor", func() error { _, err := s.Changes(ctx, ChangeFilter{Actor: "ad\x00min"}); return err },
				func(err error) bool { return errors.Is(err, ErrInvalidQuery) }},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if err := tt.do(); !tt.check(err) {
					t.Fatalf("got %v", err)
				}
			})
		}
	})
}
