package store

import (
	"sync"
	"time"

	"plantracker/models"
)

// tokenCacheTTL bounds how long a token found in the database is kept.
// It is not what makes a revocation take effect: within one instance a
// revocation, a new password, a role change or a removed user empties the
// cache at once, and every instance (and the command line) raises the
// revocation epoch in the database, which each lookup reads
// (auth_epoch.go), so a cached entry is never used after one. The TTL
// only bounds what a change made behind the store's back (SQL by hand)
// leaves in use.
const tokenCacheTTL = time.Minute

// tokenCache keeps the user behind each recently used API token, so that
// a script's requests do not each cost a query. It is keyed by the
// secret's hash, never the secret.
type tokenCache struct {
	mu      sync.Mutex
	entries map[string]tokenCacheEntry
	// generation counts the invalidations: a lookup that started before
	// one may have read what it revoked, and is not kept.
	generation uint64
}

type tokenCacheEntry struct {
	user    models.User
	token   models.Token
	expires time.Time
	// epoch is the revocation epoch read before the token: the entry is
	// trusted only while the database's epoch is still this.
	epoch int64
}

// maxCachedTokens caps the cache; past it, it starts afresh (tokens are
// few: one or two per script).
const maxCachedTokens = 10_000

func (c *tokenCache) get(hash string, now time.Time) (tokenCacheEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[hash]
	if !ok || now.After(e.expires) {
		return tokenCacheEntry{}, false
	}
	return e, true
}

// begin is called before reading a token from the database; put keeps
// what was read only if nothing was invalidated meanwhile.
func (c *tokenCache) begin() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.generation
}

func (c *tokenCache) put(hash string, e tokenCacheEntry, since uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.generation != since {
		return
	}
	if c.entries == nil || len(c.entries) >= maxCachedTokens {
		c.entries = make(map[string]tokenCacheEntry)
	}
	c.entries[hash] = e
}

// invalidate forgets every cached token. It is called after a change to
// users or tokens has committed: a lookup that starts after it sees the
// change.
func (c *tokenCache) invalidate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.generation++
	c.entries = nil
}

// refreshUse notes a cached token's new last use, so that it is written
// once a minute, not on every request after the first minute.
func (c *tokenCache) refreshUse(hash string, at time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[hash]; ok {
		e.token.LastUsedAt = &at
		c.entries[hash] = e
	}
}
