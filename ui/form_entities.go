package ui

import (
	"context"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"plantracker/models"
)

// formEntity declares one kind of row people add, edit and delete through
// the UI's forms: where its pages are and what serves them. The route
// table (Routes) and the delete pages (delete.go) are built from these
// declarations, so that a new entity is one declaration (in its own file,
// listed in formEntities).
type formEntity struct {
	name    string // models.EntityPlan, …: what the delete pages and the history call it
	section string // the navigation entry its pages belong to
	// newPath shows the blank form; "" where another page has it (the
	// parties page). addPath is where it posts.
	newPath, addPath string
	// rowPath is a row's path, /plans/:id: its edit form is at …/edit and
	// posts to rowPath itself; its delete asks at …/delete and posts there.
	rowPath string
	// adding serves the new form (its form at newPath, unless that is
	// "") and its post; editing the edit form and its post.
	adding, editing formPages
	// describe names a row for its delete page: what goes, where Cancel
	// and the deletion lead; the version it is at.
	describe func(ctx context.Context, d deletion) (deletion, error)
	remove   func(ctx context.Context, actor string, id int64, ifVersion int) error
}

// formPages are a form's GET and its POST: a newFlow's, an editFlow's.
type formPages interface {
	form(c *gin.Context)
	post(c *gin.Context)
}

// formEntities are the rows the UI's forms add, edit and delete.
func (u *UI) formEntities() []formEntity {
	return []formEntity{
		u.planEntity(), u.draftEntity(), u.provisionEntity(), u.partyEntity(),
		u.sourceEntity(), u.eventEntity(), u.draftStanceEntity(),
	}
}

// routes are an entity's form pages, for editors.
func (e formEntity) routes() []Route {
	var routes []Route
	if e.newPath != "" {
		routes = append(routes, Route{http.MethodGet, e.newPath, models.RoleEditor, e.adding.form})
	}
	return append(routes,
		Route{http.MethodPost, e.addPath, models.RoleEditor, e.adding.post},
		Route{http.MethodGet, e.rowPath + "/edit", models.RoleEditor, e.editing.form},
		Route{http.MethodPost, e.rowPath, models.RoleEditor, e.editing.post},
		Route{http.MethodGet, e.rowPath + "/delete", models.RoleEditor, confirmDelete(e)},
		Route{http.MethodPost, e.rowPath + "/delete", models.RoleEditor, deleteRow(e)},
	)
}

// rowURL is the path of the row with id.
func (e formEntity) rowURL(id int64) string {
	return strings.Replace(e.rowPath, ":id", idString(id), 1)
}
