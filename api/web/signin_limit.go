package web

import "sync"

// SignInLimiter is the LoginLimiter that cannot be turned against an
// account's owner. The per-account budget exists to slow guessing spread
// over many addresses; charged for every attempt, it also let anyone lock
// an account: five wrong passwords from five addresses, and the owner's
// right one answered 429 for 30 s. So an address that has signed in to the
// account before (on this instance) is not charged to the account's budget
// and is not refused by it: only its own per-address budget applies, which
// still stops a single guesser there. Addresses the account has not seen
// are limited as before, by both budgets.
//
// Known addresses are kept in memory, per instance, in two generations of
// at most MaxLimiters pairs (as the limiters), keyed by account and address
// (an IPv6 client by its /64), never by the password or anything else
// secret. A restart forgets them: the owner then is as anyone until the
// next successful sign-in.
type SignInLimiter struct {
	*LoginLimiter
	mu        sync.Mutex
	cur, prev map[string]struct{}
}

// NewSignInLimiter has NewLoginLimiter's budgets.
func NewSignInLimiter() *SignInLimiter {
	return &SignInLimiter{LoginLimiter: NewLoginLimiter(), cur: map[string]struct{}{}, prev: map[string]struct{}{}}
}

// Allow reports whether a sign-in attempt for username from addr may go
// ahead. A known address is charged only to its own budget.
func (l *SignInLimiter) Allow(username, addr string) bool {
	if !l.known(username, addr) {
		return l.LoginLimiter.Allow(username, addr)
	}
	l.LoginLimiter.mu.Lock()
	defer l.LoginLimiter.mu.Unlock()
	return l.addrs.get(addressKey(addr)).AllowN(l.now(), 1)
}

// Succeeded records that username signed in from addr, and gives the
// account its budget back (only the password's owner can do that).
func (l *SignInLimiter) Succeeded(username, addr string) {
	l.LoginLimiter.mu.Lock()
	delete(l.users.cur, username)
	delete(l.users.prev, username)
	l.LoginLimiter.mu.Unlock()
	key := knownKey(username, addr)
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, ok := l.cur[key]; ok {
		return
	}
	delete(l.prev, key)
	if len(l.cur) >= MaxLimiters/2 {
		l.prev, l.cur = l.cur, make(map[string]struct{}, MaxLimiters/2)
	}
	l.cur[key] = struct{}{}
}

func (l *SignInLimiter) known(username, addr string) bool {
	key := knownKey(username, addr)
	l.mu.Lock()
	defer l.mu.Unlock()
	_, inCur := l.cur[key]
	_, inPrev := l.prev[key]
	return inCur || inPrev
}

func knownKey(username, addr string) string { return username + "\x00" + addressKey(addr) }
