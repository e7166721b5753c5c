package ui

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/store"
)

type historyPage struct {
	Page
	ProvisionID int64
	Name        string
	Draft       *models.Draft // nil once the provision is deleted
	Deleted     bool
	Changes     []changeView
}

// provisionHistory serves GET /provisions/:id/history: the provision's
// changes over time, newest first, each with what it changed field by
// field. A deleted provision keeps its history.
func (u *UI) provisionHistory(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	ctx := c.Request.Context()
	changes, err := u.store.Changes(ctx, store.ChangeFilter{Entity: models.EntityProvision, EntityID: id, Limit: store.MaxPageSize})
	if err != nil {
		fail(c, err)
		return
	}
	data := &historyPage{ProvisionID: id, Changes: newChangeViews(changes)}
	p, err := u.store.Provision(ctx, id)
	switch {
	case err == nil:
		data.Name = p.Title
		if d, err := u.store.Draft(ctx, p.DraftID); err == nil {
			data.Draft = &d
		}
	case errors.Is(err, store.ErrNotFound) && len(changes) > 0:
		data.Deleted = true
		data.Name = data.Changes[0].Name
	default:
		fail(c, err)
		return
	}
	data.Page = Page{Title: "History of " + data.Name, Section: "home"}
	render(c, http.StatusOK, "history", data)
}
