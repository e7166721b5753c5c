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

// provisionEditing is the provision's edit form, its own rather than an
// editFlow: it lays the form out again for another kind, questions wording
// that disagrees with the terms, and shows what changed meanwhile field by
// field.
type provisionEditing struct{ u *UI }

func (e provisionEditing) form(c *gin.Context) { e.u.editProvision(c) }
func (e provisionEditing) post(c *gin.Context) { e.u.updateProvision(c) }

// editProvision serves GET /provisions/:id/edit: the form, filled in, with
// the version it was opened at.
func (u *UI) editProvision(c *gin.Context) {
	p, draft, ok := u.provisionAndDraft(c)
	if ok {
		u.showProvisionForm(c, http.StatusOK, draft, p.ID, form.FromProvision(p), form.Errors{}, nil)
	}
}

// updateProvision serves POST /provisions/:id: it saves the form if the
// provision is still at the version the form was opened at. If someone
// else saved first, nothing is written: the form comes back with what was
// typed, their change, and the choice to save over it.
func (u *UI) updateProvision(c *gin.Context) {
	current, draft, ok := u.provisionAndDraft(c)
	if !ok {
		return
	}
	id := current.ID
	if !postedForm(c) {
		return
	}
	f := form.ParseProvision(c.Request.PostForm)
	if u.kindChanged(c, draft, id, f) {
		return
	}
	if f.Version <= 0 {
		var errs form.Errors
		errs.Add("form", "the form does not say which version it edits; open it again from the draft")
		u.showProvisionForm(c, http.StatusUnprocessableEntity, draft, id, f, errs, nil)
		return
	}
	// A stale form is the store's to refuse first.
	if f.Version == current.Version && u.wordingQuestioned(c, draft, id, f, &current) {
		return
	}
	p, err := u.store.UpdateProvision(c.Request.Context(), web.Actor(c), id, f.Version, f.Patch())
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
	seeOtherSaying(c, provisionAnchor(p), loc(c).T("flash.provision_saved", "Title", p.Title))
}

// provisionAndDraft loads the provision the path's :id names and its
// draft, as its edit form shows both. When either cannot be loaded it
// answers the request itself and reports false.
func (u *UI) provisionAndDraft(c *gin.Context) (models.Provision, models.Draft, bool) {
	p, ok := fromPath(c, u.store.Provision)
	if !ok {
		return p, models.Draft{}, false
	}
	draft, err := u.store.Draft(c.Request.Context(), p.DraftID)
	if err != nil {
		fail(c, err)
		return p, draft, false
	}
	return p, draft, true
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
	changes, err := u.provisionChanges(ctx, current.ID)
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

// formErrors maps a failed provision save onto the form's inputs: field
// errors from validation, and a duplicate key onto the key.
var formErrors = takenAs(form.ErrorsFrom, "key", "another provision of this draft already has this key")

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
