package store

import (
	"context"
	"path/filepath"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"plantracker/models"
)

// BenchmarkTokenUser measures the lookup every API request makes: a token
// seen before (cached) and one read afresh, on each database.
//
//	go test -tags sqlite_fts5 -run '^$' -bench TokenUser -benchtime 2s ./store/
func BenchmarkTokenUser(b *testing.B) {
	for _, d := range []string{"sqlite", "postgres"} {
		b.Run(d, func(b *testing.B) {
			dsn := filepath.Join(b.TempDir(), "bench.db")
			if d == "postgres" {
				dsn = TestSupport.PostgresDSN(b)
			}
			s, err := Open(context.Background(), dsn, Options{BcryptCost: bcrypt.MinCost})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			ctx := context.Background()
			if _, err := s.CreateUser(ctx, "root", models.User{Username: "alice", Role: models.RoleEditor}, "correct horse battery"); err != nil {
				b.Fatal(err)
			}
			secret, _, err := s.CreateToken(ctx, "alice", "alice", "script")
			if err != nil {
				b.Fatal(err)
			}
			if _, _, err := s.TokenUser(ctx, secret); err != nil {
				b.Fatal(err)
			}
			for _, cached := range []bool{true, false} {
				name := "cached"
				if !cached {
					name = "uncached" // every lookup reads the token
				}
				b.Run(name, func(b *testing.B) {
					for b.Loop() {
						if !cached {
							s.tokens.invalidate()
						}
						if _, _, err := s.TokenUser(ctx, secret); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}
