package ui

import "github.com/gin-gonic/gin"

// readOnlyKey holds, for render, why the database cannot be written.
const readOnlyKey = "plantracker.read_only"

// readOnlyNotice marks every request of a store opened read-only, so that
// every page says so in a banner: people see at once why saving fails.
func (u *UI) readOnlyNotice() gin.HandlerFunc {
	return func(c *gin.Context) {
		if ro, why := u.store.ReadOnly(); ro {
			c.Set(readOnlyKey, why)
		}
		c.Next()
	}
}
