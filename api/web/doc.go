// Package web is the HTTP plumbing the API and the UI share: the middleware
// every request passes (request ids, the access log, security headers, body
// limits, rate limits, trailing slashes, a client that has gone), who is
// asking (sessions, bearer tokens, the actor the audit trail records) and
// CSRF for the forms. It knows nothing of plans or provisions: the API and
// the UI mount their routes on an engine it prepares, and never import each
// other.
package web
