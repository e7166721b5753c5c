package web

import "github.com/gin-gonic/gin"

const actorKey = "plantracker.actor"

// Anonymous is the actor of requests no one has signed in for.
const Anonymous = "anonymous"

// SetActor records who is making the request.
func SetActor(c *gin.Context, name string) { c.Set(actorKey, name) }

// Actor returns who is making the request, for the audit trail.
func Actor(c *gin.Context) string {
	if v, ok := c.Get(actorKey); ok {
		if name, ok := v.(string); ok && name != "" {
			return name
		}
	}
	return Anonymous
}
