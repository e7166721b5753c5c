package ui

import (
	"context"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/ui/form"
)

// partyEntity declares the party's forms. The form that adds one is on
// the parties page (listParties), which it shows again with its errors.
func (u *UI) partyEntity() formEntity {
	adding := newFlow[noParent, models.Party, form.Party]{
		parse:       form.ParseParty,
		add:         createModel(u.store.CreateParty, form.Party.Model),
		fieldErrors: partyFormErrors,
		show: func(c *gin.Context, status int, _ noParent, f form.Party, errs form.Errors) {
			u.showParties(c, status, f, errs)
		},
		added: func(c *gin.Context, _ noParent, p models.Party) {
			seeOtherSaying(c, "/parties#party-"+idString(p.ID), loc(c).T("flash.party_added", "Short", p.ShortName, "Name", p.Name))
		},
	}
	editing := editFlow[models.Party, form.Party, models.PartyPatch]{
		openedFrom: "the parties page",
		parse:      form.ParseParty, fill: form.FromParty, patch: form.Party.Patch,
		load: u.store.Party, save: u.store.UpdateParty,
		fieldErrors: partyFormErrors,
		show:        showPartyEdit,
		saved: func(c *gin.Context, p models.Party) {
			seeOtherSaying(c, "/parties#party-"+idString(p.ID), loc(c).T("flash.party_saved", "Short", p.ShortName, "Name", p.Name))
		},
	}
	return formEntity{name: models.EntityParty, section: "parties",
		addPath: "/parties", rowPath: "/parties/:id",
		adding: adding, editing: editing, describe: describeRow(u.store.Party, describeParty), remove: u.store.DeleteParty}
}

func describeParty(_ context.Context, p models.Party, d deletion) (deletion, error) {
	d.Name = "the party " + p.ShortName + " (" + p.Name + ")"
	d.Back, d.After = "/parties#party-"+idString(d.ID), "/parties"
	return d, nil
}

func showPartyEdit(c *gin.Context, status int, p models.Party, f form.Party, errs form.Errors, changed bool) {
	v := newPartyFormView(f, errs)
	v.Action = "/parties/" + idString(p.ID)
	render(c, status, "party_edit", &entityFormPage[models.Party, partyFormView]{Page: Page{Title: loc(c).T("edit.title", "Name", p.ShortName), Section: "parties"},
		Stored: p, Form: v, Changed: changed})
}

// partyFormErrors maps a failed party save onto the form: field errors,
// and a short name already taken onto the short name.
var partyFormErrors = takenAs(form.ErrorsFrom, "short_name", "another party already has this short name")
