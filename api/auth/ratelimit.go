package auth

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// LoginLimiter slows down password guessing: each account and each client
// address gets a small burst of sign-in attempts, refilled slowly. Limits
// are per server instance; behind a load balancer each instance limits on
// its own, which still bounds guessing to a handful of attempts a minute.
type LoginLimiter struct {
	mu        sync.Mutex
	perUser   rate.Limit
	perAddr   rate.Limit
	userBurst int
	addrBurst int
	limiters  map[string]*entry
	now       func() time.Time
}

type entry struct {
	l    *rate.Limiter
	seen time.Time
}

// NewLoginLimiter allows, per account, 5 attempts at once and then one
// every 30 s; per address, 20 at once and then one every 3 s.
func NewLoginLimiter() *LoginLimiter {
	return &LoginLimiter{perUser: rate.Every(30 * time.Second), userBurst: 5,
		perAddr: rate.Every(3 * time.Second), addrBurst: 20,
		limiters: map[string]*entry{}, now: time.Now}
}

// Allow reports whether a sign-in attempt for username from addr may go
// ahead. Both budgets are charged: a refused attempt still costs.
func (l *LoginLimiter) Allow(username, addr string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if len(l.limiters) > 10000 {
		l.forget(now)
	}
	okUser := l.get("user:"+username, l.perUser, l.userBurst, now).AllowN(now, 1)
	okAddr := l.get("addr:"+addr, l.perAddr, l.addrBurst, now).AllowN(now, 1)
	return okUser && okAddr
}

func (l *LoginLimiter) get(key string, r rate.Limit, burst int, now time.Time) *rate.Limiter {
	e, ok := l.limiters[key]
	if !ok {
		e = &entry{l: rate.NewLimiter(r, burst)}
		l.limiters[key] = e
	}
	e.seen = now
	return e.l
}

// forget drops limiters idle long enough to be full again, so the map
// cannot grow without bound.
func (l *LoginLimiter) forget(now time.Time) {
	for k, e := range l.limiters {
		if now.Sub(e.seen) > 10*time.Minute {
			delete(l.limiters, k)
		}
	}
}
