package store

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// newSecret returns a random, URL-safe secret of 32 bytes of entropy, with
// a prefix that says what it is ("pt_" for API tokens).
func newSecret(prefix string) string {
	var b [32]byte
	_, _ = rand.Read(b[:]) // crypto/rand does not fail on supported platforms
	return prefix + base64.RawURLEncoding.EncodeToString(b[:])
}

// hashSecret is how secrets are stored and looked up.
func hashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}
