package api

import (
	"net/http"
	"testing"
)

// Through the API: a new password ends the user's tokens (unless
// keep_tokens), and the last admin cannot be demoted (409).
func TestUserChangesThatWouldLockOut(t *testing.T) {
	forEachDialect(t, func(t *testing.T, d dialect) {
		tests := []struct {
			name          string
			body          string
			wantEdsToken  int
			wantPatchCode int
		}{
			{"new password ends tokens", `{"password":"a brand new password"}`, http.StatusUnauthorized, 200},
			{"new password, tokens kept", `{"password":"a brand new password","keep_tokens":true}`, 200, 200},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				ts := newTestServer(t, d)
				ts.as = "ada"
				if w := ts.do("PATCH", "/api/v1/users/ed", tt.body); w.Code != tt.wantPatchCode {
					t.Fatalf("PATCH: %d %s", w.Code, w.Body)
				}
				ts.as = "ed"
				if w := ts.do("GET", "/api/v1/me", ""); w.Code != tt.wantEdsToken {
					t.Fatalf("ed's token after the new password: %d, want %d", w.Code, tt.wantEdsToken)
				}
			})
		}
		t.Run("last admin", func(t *testing.T) {
			ts := newTestServer(t, d)
			ts.as = "ada"
			if w := ts.do("PATCH", "/api/v1/users/ada", `{"role":"viewer"}`); w.Code != http.StatusConflict {
				t.Fatalf("demoting the only admin: %d %s", w.Code, w.Body)
			}
			if w := ts.do("GET", "/api/v1/users", ""); w.Code != 200 {
				t.Fatalf("ada is no longer admin: %d", w.Code)
			}
		})
	})
}
