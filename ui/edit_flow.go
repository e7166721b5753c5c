package ui

import (
	"context"
	"errors"
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/store"
	"plantracker/ui/form"
)

// editFlow is what every edit form's POST does, whatever it edits (a plan,
// a draft, a source, a party): read the form; refuse it without the
// version it was opened at; save; and when the save fails, show the form
// again over the row as it now is: 409 with the current version when
// someone saved first (the analyst's entries kept, the change pointed
// out), 422 with the fields' errors when they do not hold. T is the row,
// F its form; the fields say what differs from one to the next.
type editFlow[T interface{ RowVersion() int }, F any] struct {
	// openedFrom names where the form is opened, for the error of a
	// request without a version ("the sources page").
	openedFrom string
	parse      func(url.Values) F
	version    func(*F) *int
	save       func(ctx context.Context, actor string, id int64, f F) (T, error)
	load       func(ctx context.Context, id int64) (T, error)
	// fieldErrors maps a failed save onto the form's inputs; false when
	// the failure is not about what was entered.
	fieldErrors func(error) (form.Errors, bool)
	show        func(c *gin.Context, status int, current T, f F, errs form.Errors, changed bool)
	// keep, when set, puts back into the form what it may not change (a
	// source's key) before the form is shown again.
	keep  func(current T, f *F)
	saved func(c *gin.Context, saved T)
}

func (e editFlow[T, F]) post(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	ctx := c.Request.Context()
	if err := c.Request.ParseForm(); err != nil {
		fail(c, errBadForm)
		return
	}
	f := e.parse(c.Request.PostForm)
	if *e.version(&f) <= 0 {
		fail(c, models.Invalid("version", "is missing: open the form again from %s", e.openedFrom))
		return
	}
	row, err := e.save(ctx, web.Actor(c), id, f)
	if err == nil {
		e.saved(c, row)
		return
	}
	errs, isFieldError := e.fieldErrors(err)
	conflict := errors.Is(err, store.ErrConflict)
	if !conflict && !isFieldError {
		fail(c, err)
		return
	}
	current, lerr := e.load(ctx, id)
	if lerr != nil {
		fail(c, lerr)
		return
	}
	if e.keep != nil {
		e.keep(current, &f)
	}
	if conflict {
		*e.version(&f) = current.RowVersion()
		e.show(c, http.StatusConflict, current, f, form.Errors{}, true)
		return
	}
	e.show(c, http.StatusUnprocessableEntity, current, f, errs, false)
}

// validationFormErrors maps a save's validation error onto the form's
// inputs.
func validationFormErrors(err error) (form.Errors, bool) {
	var verr *models.ValidationError
	if errors.As(err, &verr) {
		return form.ErrorsFrom(verr), true
	}
	return form.Errors{}, false
}
