package ui

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/store"
	"plantracker/ui/form"
)

// editFlow is what every edit form does, whatever it edits (a plan, a
// draft, a source, a party): its GET shows the form filled in from the
// row, with the version it was opened at. Its POST reads the form; refuses
// it without that version; saves; and when the save fails, shows the form
// again over the row as it now is: 409 with the current version when
// someone saved first (the analyst's entries kept, the change pointed
// out), 422 with the fields' errors when they do not hold. T is the row,
// F its form, P the patch the store saves; the fields say what differs
// from one to the next.
type editFlow[T interface{ RowVersion() int }, F, P any] struct {
	// openedFrom names where the form is opened, for the error of a
	// request without a version ("the sources page").
	openedFrom string
	parse      func(url.Values) F
	fill       func(T) F // the form of the row as it is stored
	patch      func(F) P
	load       func(ctx context.Context, id int64) (T, error)
	save       func(ctx context.Context, actor string, id int64, ifVersion int, patch P) (T, error)
	// fieldErrors maps a failed save onto the form's inputs; false when
	// the failure is not about what was entered.
	fieldErrors func(error) (form.Errors, bool)
	show        func(c *gin.Context, status int, current T, f F, errs form.Errors, changed bool)
	// keep, when set, puts back into the form what it may not change (a
	// source's key) before the form is shown again.
	keep  func(current T, f *F)
	saved func(c *gin.Context, saved T)
}

// form serves the form, filled in.
func (e editFlow[T, F, P]) form(c *gin.Context) {
	row, ok := fromPath(c, e.load)
	if !ok {
		return
	}
	e.show(c, http.StatusOK, row, e.fill(row), form.Errors{}, false)
}

// post serves the form's POST. Every form posts the version it was
// opened at as "version".
func (e editFlow[T, F, P]) post(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	ctx := c.Request.Context()
	if !postedForm(c) {
		return
	}
	f := e.parse(c.Request.PostForm)
	version, _ := strconv.Atoi(c.Request.PostForm.Get("version"))
	if version <= 0 {
		fail(c, models.Invalid("version", "is missing: open the form again from %s", e.openedFrom))
		return
	}
	row, err := e.save(ctx, web.Actor(c), id, version, e.patch(f))
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
	if conflict {
		// The form again at the current version: saving it now saves
		// over their change, knowingly.
		c.Request.PostForm.Set("version", strconv.Itoa(current.RowVersion()))
		f = e.parse(c.Request.PostForm)
		errs = form.Errors{}
	}
	if e.keep != nil {
		e.keep(current, &f)
	}
	status := http.StatusUnprocessableEntity
	if conflict {
		status = http.StatusConflict
	}
	e.show(c, status, current, f, errs, conflict)
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

// takenAs maps a failed save onto the form's inputs: validation errors
// through fromValidation, and a duplicate (a key or name another row
// has) onto field, saying why.
func takenAs(fromValidation func(*models.ValidationError) form.Errors, field, why string) func(error) (form.Errors, bool) {
	return func(err error) (form.Errors, bool) {
		var verr *models.ValidationError
		switch {
		case errors.As(err, &verr):
			return fromValidation(verr), true
		case errors.Is(err, store.ErrDuplicate):
			var errs form.Errors
			errs.Add(field, why)
			return errs, true
		}
		return form.Errors{}, false
	}
}
