package ui

import (
	"context"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/store"
	"plantracker/ui/form"
)

type partyEditPage struct {
	Page
	Party   models.Party // as stored now
	Form    partyFormView
	Changed bool // someone else saved first: Party is their version
}

// editParty serves GET /parties/:id/edit.
func (u *UI) editParty(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	p, err := u.store.Party(c.Request.Context(), id)
	if err != nil {
		fail(c, err)
		return
	}
	showPartyEdit(c, http.StatusOK, p, form.FromParty(p), form.Errors{}, false)
}

// updateParty serves POST /parties/:id, refusing a save on a stale version
// the way the provision form does.
func (u *UI) updateParty(c *gin.Context) {
	editFlow[models.Party, form.Party]{
		openedFrom: "the parties page",
		parse:      form.ParseParty,
		version:    func(f *form.Party) *int { return &f.Version },
		save: func(ctx context.Context, actor string, id int64, f form.Party) (models.Party, error) {
			return u.store.UpdateParty(ctx, actor, id, f.Version, f.Patch())
		},
		load:        u.store.Party,
		fieldErrors: partyFormErrors,
		show:        showPartyEdit,
		saved: func(c *gin.Context, p models.Party) {
			setFlash(c, loc(c).T("flash.party_saved", "Short", p.ShortName, "Name", p.Name))
			seeOther(c, "/parties#party-"+idString(p.ID))
		},
	}.post(c)
}

func showPartyEdit(c *gin.Context, status int, p models.Party, f form.Party, errs form.Errors, changed bool) {
	v := newPartyFormView(f, errs)
	v.Action = "/parties/" + idString(p.ID)
	render(c, status, "party_edit", &partyEditPage{Page: Page{Title: "Edit " + p.ShortName, Section: "parties"},
		Party: p, Form: v, Changed: changed})
}

// partyFormErrors maps a failed party save onto the form: field errors,
// and a short name already taken onto the short name.
func partyFormErrors(err error) (form.Errors, bool) {
	var verr *models.ValidationError
	switch {
	case errors.As(err, &verr):
		return form.ErrorsFrom(verr), true
	case errors.Is(err, store.ErrDuplicate):
		var errs form.Errors
		errs.Add("short_name", "another party already has this short name")
		return errs, true
	}
	return form.Errors{}, false
}
