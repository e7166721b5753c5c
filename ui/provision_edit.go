package ui

import (
	"context"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/models/report"
	"plantracker/store"
	"plantracker/ui/form"
)

// editProvision serves GET /provisions/:id/edit: the form, filled in, with
// the version it was opened at.
func (u *UI) editProvision(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	ctx := c.Request.Context()
	p, err := u.store.Provision(ctx, id)
	if err != nil {
		fail(c, err)
		return
	}
	draft, err := u.store.Draft(ctx, p.DraftID)
	if err != nil {
		fail(c, err)
		return
	}
	u.showProvisionForm(c, http.StatusOK, draft, id, form.FromProvision(p), form.Errors{}, nil)
}

// updateProvision serves POST /provisions/:id: it saves the form if the
// provision is still at the version the form was opened at. If someone
// else saved first, nothing is written: the form comes back with what was
// typed, their change, and the choice to save over it.
func (u *UI) updateProvision(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	ctx := c.Request.Context()
	current, err := u.store.Provision(ctx, id)
	if err != nil {
		fail(c, err)
		return
	}
	draft, err := u.store.Draft(ctx, current.DraftID)
	if err != nil {
		fail(c, err)
		return
	}
	if err := c.Request.ParseForm(); err != nil {
		fail(c, errBadForm)
		return
	}
	f := form.ParseProvision(c.Request.PostForm)
	if c.PostForm("action") == "kind" {
		u.showProvisionForm(c, http.StatusOK, draft, id, f, form.Errors{}, nil)
		return
	}
	if f.Version <= 0 {
		var errs form.Errors
		errs.Add("form", "the form does not say which version it edits; open it again from the draft")
		u.showProvisionForm(c, http.StatusUnprocessableEntity, draft, id, f, errs, nil)
		return
	}
	if f.Version == current.Version { // a stale form is the store's to refuse first
		proposed := current
		f.Patch().Apply(&proposed)
		warnings, err := u.wordingWarnings(c, &current, proposed)
		if err != nil {
			fail(c, err)
			return
		}
		if len(warnings) > 0 {
			u.showProvisionForm(c, http.StatusOK, draft, id, f, form.Errors{}, nil, warnings...)
			return
		}
	}
	p, err := u.store.UpdateProvision(ctx, web.Actor(c), id, f.Version, f.Patch())
	if errors.Is(err, store.ErrConflict) {
		u.showConflict(c, draft, id, f)
		return
	}
	if errs, ok := formErrors(err); ok {
		u.showProvisionForm(c, http.StatusUnprocessableEntity, draft, id, f, errs, nil)
		return
	}
	if err != nil {
		fail(c, err)
		return
	}
	setFlash(c, loc(c).T("flash.provision_saved", "Title", p.Title))
	seeOther(c, provisionAnchor(p))
}

// showConflict re-renders the form after a stale save: the typed values
// kept, the changes saved since the form was opened, what saving now would
// change, and the current version in the form, so that saving again is a
// deliberate choice to save over their change.
func (u *UI) showConflict(c *gin.Context, draft models.Draft, id int64, f form.Provision) {
	ctx := c.Request.Context()
	current, err := u.store.Provision(ctx, id)
	if err != nil {
		fail(c, err)
		return
	}
	conflict, err := u.conflictSince(ctx, current, f)
	if err != nil {
		fail(c, err)
		return
	}
	conflict.Opened, conflict.Now = f.Version, current.Version
	f.Version = current.Version
	u.showProvisionForm(c, http.StatusConflict, draft, id, f, form.Errors{}, conflict)
}

func (u *UI) conflictSince(ctx context.Context, current models.Provision, f form.Provision) (*conflictView, error) {
	changes, err := u.store.Changes(ctx, store.ChangeFilter{Entity: models.EntityProvision, EntityID: current.ID, Limit: store.MaxPageSize})
	if err != nil {
		return nil, err
	}
	var theirs []changeView
	for _, ch := range changes {
		if v := newChangeView(ch); v.Version > f.Version {
			theirs = append(theirs, v)
		}
	}
	_, names, err := u.partyNames(ctx)
	if err != nil {
		return nil, err
	}
	yours := current
	yours.Parties = append([]models.ProvisionParty(nil), current.Parties...)
	f.Patch().Apply(&yours)
	_ = yours.Validate() // canonical terms compare field by field; errors show when saving
	return &conflictView{Current: newProvisionView(current, names), Theirs: theirs,
		Yours: report.CompareProvisions(current, yours)}, nil
}

// formErrors maps a failed save onto the form's inputs: field errors from
// validation, and a duplicate key onto the key.
func formErrors(err error) (form.Errors, bool) {
	var verr *models.ValidationError
	switch {
	case errors.As(err, &verr):
		return form.ErrorsFrom(verr), true
	case errors.Is(err, store.ErrDuplicate):
		var errs form.Errors
		errs.Add("key", "another provision of this draft already has this key")
		return errs, true
	}
	return form.Errors{}, false
}

// showProvisionForm renders the provision form: new when id is 0.
// warnings, when given, say where the wording disagrees with the terms:
// nothing was saved, and the analyst may save anyway.
func (u *UI) showProvisionForm(c *gin.Context, status int, draft models.Draft, id int64, f form.Provision, errs form.Errors, conflict *conflictView, warnings ...models.Mismatch) {
	page, err := u.newProvisionFormPage(c.Request.Context(), draft, f, errs)
	if err != nil {
		fail(c, err)
		return
	}
	page.ProvisionID, page.Conflict, page.Wording = id, conflict, warnings
	page.CancelURL = "/drafts/" + idString(draft.ID)
	if id == 0 {
		page.IsNew = true
		page.Action = "/drafts/" + idString(draft.ID) + "/provisions"
		page.Title = "New provision · " + draft.Name()
	} else {
		page.Action = "/provisions/" + idString(id)
		page.CancelURL += "#p-" + idString(id)
		page.LiveSince = u.liveSince(c)
		page.Title = "Edit provision · " + draft.Name()
		if f.Title != "" {
			page.Title = "Edit “" + f.Title + "” · " + draft.Name()
		}
	}
	page.Section = "home"
	render(c, status, "provision_form", page)
}
