package ui

import (
	"context"
	"errors"
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
	name string // models.EntityPlan, …: what the delete pages and the history call it
	// newPath shows the blank form; "" where another page has it (the
	// parties page). addPath is where it posts.
	newPath, addPath string
	// rowPath is a row's path, /plans/:id: its edit form is at …/edit and
	// posts to rowPath itself; its delete asks at …/delete and posts there.
	rowPath string
	// The form pages: newFlow's form and post, editFlow's form and post.
	newForm, add, editForm, update gin.HandlerFunc
	// describe names a row for its delete page: what goes, where Cancel
	// and the deletion lead; the version it is at.
	describe func(ctx context.Context, d deletion) (deletion, error)
	remove   func(ctx context.Context, actor string, id int64, ifVersion int) error
}

// formEntities are the rows the UI's forms add, edit and delete.
func (u *UI) formEntities() []formEntity {
	return []formEntity{
		u.planEntity(), u.draftEntity(), u.provisionEntity(), u.partyEntity(),
		u.sourceEntity(), u.eventEntity(), u.draftStanceEntity(),
	}
}

// formEntity is the declaration of the entity named name.
func (u *UI) formEntity(name string) (formEntity, error) {
	for _, e := range u.formEntities() {
		if e.name == name {
			return e, nil
		}
	}
	return formEntity{}, errors.New("ui: no form entity " + name)
}

// routes are an entity's form pages, for editors.
func (e formEntity) routes() []Route {
	var routes []Route
	if e.newPath != "" {
		routes = append(routes, Route{http.MethodGet, e.newPath, models.RoleEditor, e.newForm})
	}
	return append(routes,
		Route{http.MethodPost, e.addPath, models.RoleEditor, e.add},
		Route{http.MethodGet, e.rowPath + "/edit", models.RoleEditor, e.editForm},
		Route{http.MethodPost, e.rowPath, models.RoleEditor, e.update},
		Route{http.MethodGet, e.rowPath + "/delete", models.RoleEditor, confirmDelete(e)},
		Route{http.MethodPost, e.rowPath + "/delete", models.RoleEditor, deleteRow(e)},
	)
}

// rowURL is the path of the row with id.
func (e formEntity) rowURL(id int64) string {
	return strings.Replace(e.rowPath, ":id", idString(id), 1)
}
