package ui

import (
	"context"
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/ui/form"
)

// newFlow is what every "add one" form does, whatever it adds: the blank
// form (GET), and its POST: read the form, add the row, then its place
// with a message; when the store refuses what was typed, the form again,
// 422, with each error beside its field and what was typed kept. P is
// what the new row belongs to (the plan of a new draft, the draft id of a
// stance; noParent for a row of its own), T the row, F its form.
type newFlow[P, T, F any] struct {
	// parent reads what the row is added to from the path, answering
	// the request itself (a 404) and reporting false when it cannot;
	// nil for a row that belongs to nothing.
	parent func(c *gin.Context) (P, bool)
	// blank is the form the page starts from (its defaults); nil for
	// an empty one.
	blank func(c *gin.Context) F
	parse func(url.Values) F
	// review, when set, looks at the posted form before it is saved and
	// reports true when it has answered instead (the provision form laid
	// out again for another kind, or its wording questioned).
	review      func(c *gin.Context, p P, f F) bool
	add         func(ctx context.Context, actor string, p P, f F) (T, error)
	fieldErrors func(error) (form.Errors, bool)
	show        func(c *gin.Context, status int, p P, f F, errs form.Errors)
	added       func(c *gin.Context, p P, added T)
}

// noParent is the parent of a row that belongs to nothing (a plan, a
// party, a source, an event).
type noParent = struct{}

// createModel is the add of a row that belongs to nothing: the row the
// form describes (model), created by the store (create).
func createModel[T, F any](create func(ctx context.Context, actor string, row T) (T, error), model func(F) T) func(context.Context, string, noParent, F) (T, error) {
	return func(ctx context.Context, actor string, _ noParent, f F) (T, error) {
		return create(ctx, actor, model(f))
	}
}

// showBlank is the show of a new row that belongs to nothing, where the
// edit form's show serves both: the form over an empty row, with no one
// else's save to point out.
func showBlank[T, F any](show func(c *gin.Context, status int, row T, f F, errs form.Errors, changed bool)) func(*gin.Context, int, noParent, F, form.Errors) {
	return func(c *gin.Context, status int, _ noParent, f F, errs form.Errors) {
		var empty T
		show(c, status, empty, f, errs, false)
	}
}

// form serves the blank form.
func (n newFlow[P, T, F]) form(c *gin.Context) {
	p, ok := n.under(c)
	if !ok {
		return
	}
	var f F
	if n.blank != nil {
		f = n.blank(c)
	}
	n.show(c, http.StatusOK, p, f, form.Errors{})
}

// post serves the form's POST.
func (n newFlow[P, T, F]) post(c *gin.Context) {
	p, ok := n.under(c)
	if !ok {
		return
	}
	if !postedForm(c) {
		return
	}
	f := n.parse(c.Request.PostForm)
	if n.review != nil && n.review(c, p, f) {
		return
	}
	row, err := n.add(c.Request.Context(), web.Actor(c), p, f)
	if errs, ok := n.fieldErrors(err); ok {
		n.show(c, http.StatusUnprocessableEntity, p, f, errs)
		return
	}
	if err != nil {
		fail(c, err)
		return
	}
	n.added(c, p, row)
}

func (n newFlow[P, T, F]) under(c *gin.Context) (P, bool) {
	if n.parent == nil {
		var none P
		return none, true
	}
	return n.parent(c)
}
