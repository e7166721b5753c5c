package api

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/store"
)

// Health is what GET /healthz answers. Database is "ok", "unreachable",
// "read-only" (reads are served, writes refused), "full" (the disk is) or
// "unwritable" (writes fail for another reason, logged).
type Health struct {
	Status   string `json:"status"`
	Database string `json:"database"`
}

// healthz reports whether the server can use its database: it reads (a
// ping) and writes (a probe that commits a small write). 200 when both
// work; 503 when either fails, so that a load balancer sends traffic
// elsewhere, with what failed.
func (a *API) healthz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
	defer cancel()
	if err := a.store.Ping(ctx); err != nil {
		web.Logger(ctx).Error("health check: database unreachable", "err", err)
		c.JSON(http.StatusServiceUnavailable, Health{Status: "unavailable", Database: "unreachable"})
		return
	}
	if err := a.store.WriteProbe(ctx); err != nil {
		state := "unwritable"
		switch {
		case errors.Is(err, store.ErrReadOnly):
			state = "read-only"
		case errors.Is(err, store.ErrStorageFull):
			state = "full"
		}
		web.Logger(ctx).Warn("health check: the database cannot be written", "database", state, "err", err)
		c.JSON(http.StatusServiceUnavailable, Health{Status: "unavailable", Database: state})
		return
	}
	c.JSON(http.StatusOK, Health{Status: "ok", Database: "ok"})
}
