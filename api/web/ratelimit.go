package web

import (
	"net/netip"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// LoginLimiter slows down password guessing: each account and each client
// address gets a small burst of sign-in attempts, refilled slowly. Limits
// are per server instance; behind a load balancer each instance limits on
// its own, which still bounds guessing to a handful of attempts a minute.
//
// Its memory is bounded: accounts and addresses are kept in two limiter
// sets of at most MaxLimiters entries each. The address is the one gin's
// ClientIP gives, which trusts forwarding headers only from the proxies the
// operator names (PLANTRACKER_TRUSTED_PROXIES), so a client cannot invent
// addresses to get a fresh budget; an IPv6 client is limited by its /64,
// the block one subscriber usually gets.
type LoginLimiter struct {
	mu    sync.Mutex
	users *limiterSet
	addrs *limiterSet
	now   func() time.Time
}

// MaxLimiters bounds each of the limiter's sets (accounts, addresses).
const MaxLimiters = 10000

// NewLoginLimiter allows, per account, 5 attempts at once and then one
// every 30 s; per address, 20 at once and then one every 3 s.
func NewLoginLimiter() *LoginLimiter {
	return &LoginLimiter{
		users: newLimiterSet(rate.Every(30*time.Second), 5, MaxLimiters),
		addrs: newLimiterSet(rate.Every(3*time.Second), 20, MaxLimiters),
		now:   time.Now,
	}
}

// Allow reports whether a sign-in attempt for username from addr may go
// ahead. Both budgets are charged: a refused attempt still costs.
func (l *LoginLimiter) Allow(username, addr string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	okUser := l.users.get(username).AllowN(now, 1)
	okAddr := l.addrs.get(addressKey(addr)).AllowN(now, 1)
	return okUser && okAddr
}

// addressKey is what an address is limited by: an IPv4 address itself, an
// IPv6 address by its /64.
func addressKey(addr string) string {
	ip, err := netip.ParseAddr(addr)
	if err != nil || ip.Is4() || ip.Is4In6() {
		return addr
	}
	prefix, err := ip.Prefix(64)
	if err != nil {
		return addr
	}
	return prefix.String()
}

// limiterSet keeps rate limiters by key in two generations: new keys go
// into the current one; when it is half full it becomes the previous one
// and the one before is dropped whole. A key used again is moved back into
// the current generation, so a limiter in use survives; one not used while
// max/2 other keys arrived is forgotten. Every operation is O(1): nothing
// scans the map under the lock, however many keys arrive.
type limiterSet struct {
	limit     rate.Limit
	burst     int
	max       int
	cur, prev map[string]*rate.Limiter
}

func newLimiterSet(limit rate.Limit, burst, max int) *limiterSet {
	return &limiterSet{limit: limit, burst: burst, max: max,
		cur: map[string]*rate.Limiter{}, prev: map[string]*rate.Limiter{}}
}

func (s *limiterSet) get(key string) *rate.Limiter {
	if l, ok := s.cur[key]; ok {
		return l
	}
	l, ok := s.prev[key]
	if ok {
		delete(s.prev, key)
	} else {
		l = rate.NewLimiter(s.limit, s.burst)
	}
	if len(s.cur) >= s.max/2 {
		s.prev, s.cur = s.cur, make(map[string]*rate.Limiter, s.max/2)
	}
	s.cur[key] = l
	return l
}

// AddressLimiter bounds how often one client address may call a route
// that needs no sign-in (the health check writes to the database on every
// call), with the same bounded memory and address keys as LoginLimiter.
type AddressLimiter struct {
	mu    sync.Mutex
	addrs *limiterSet
	now   func() time.Time
}

// NewAddressLimiter allows each address burst calls at once, then one
// every interval.
func NewAddressLimiter(interval time.Duration, burst int) *AddressLimiter {
	return &AddressLimiter{addrs: newLimiterSet(rate.Every(interval), burst, MaxLimiters), now: time.Now}
}

// Allow reports whether a call from addr may go ahead.
func (l *AddressLimiter) Allow(addr string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.addrs.get(addressKey(addr)).AllowN(l.now(), 1)
}
