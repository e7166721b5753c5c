package api

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"plantracker/api/auth"
)

// Health is what GET /healthz answers.
type Health struct {
	Status   string `json:"status"`
	Database string `json:"database"`
}

// healthz reports whether the server can reach its database: 200 when it
// can, 503 when it cannot, so a load balancer stops sending it traffic.
func (a *API) healthz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
	defer cancel()
	if err := a.store.Ping(ctx); err != nil {
		auth.Logger(ctx).Error("health check: database unreachable", "err", err)
		c.JSON(http.StatusServiceUnavailable, Health{Status: "unavailable", Database: "unreachable"})
		return
	}
	c.JSON(http.StatusOK, Health{Status: "ok", Database: "ok"})
}
