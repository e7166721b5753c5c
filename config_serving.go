package main

import (
	"fmt"
	"net/netip"
	"net/url"
	"strings"
)

// parseServing checks the serving options that come as text: the trusted
// proxies (each an IP or a CIDR) and the public URL.
func (cfg *config) parseServing(proxies string) error {
	for _, p := range strings.Split(proxies, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if _, err := netip.ParsePrefix(p); err != nil {
			if _, err := netip.ParseAddr(p); err != nil {
				return fmt.Errorf("trusted proxy %q is neither an IP address nor a CIDR block", p)
			}
		}
		cfg.trustedProxies = append(cfg.trustedProxies, p)
	}
	if cfg.publicURL != "" {
		u, err := url.Parse(cfg.publicURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("public URL %q must be an http:// or https:// address", cfg.publicURL)
		}
	}
	return nil
}

// secureCookies says whether cookies must be Secure whatever the request
// says: when people reach the server over https, through a proxy that ends
// TLS, the server itself sees plain HTTP.
func (cfg config) secureCookies() bool {
	return strings.HasPrefix(strings.ToLower(cfg.publicURL), "https://")
}
