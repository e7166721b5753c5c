package api

import (
	"github.com/gin-gonic/gin"

	"plantracker/api/web"
)

// Engine is the engine main builds (web.NewEngine: the shared middleware
// in production order, recovery first, so that a panic is a 500) with only
// the API mounted on it, authenticating against s. The API's tests, its
// reliability tests and its benchmarks serve it, so that what they see is
// what main serves, less the UI.
func (a *API) Engine(s web.Store) (*gin.Engine, error) {
	authn := &web.Authenticator{Store: s, Policy: web.DefaultPolicy}
	return web.NewEngine(web.EngineConfig{Authenticator: authn, BodyLimit: MaxBodyBytes}, a.Surface())
}
