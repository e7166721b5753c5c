package ui

import (
	"context"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/ui/form"
)

// provisionEntity declares the provision's forms. A new provision is
// added to a draft (/drafts/:id/provisions), from a blank form of the kind
// the query names (?kind=troop_cap) if any; the "Change kind" button posts
// there too, to lay the form out again for another kind without saving,
// and wording that disagrees with the terms is pointed out before it is
// saved. Its edit form is its own (provision_edit.go): it shows what
// changed meanwhile, field by field.
func (u *UI) provisionEntity() formEntity {
	adding := newFlow[models.Draft, models.Provision, form.Provision]{
		parent: u.draftFromPath,
		blank: func(c *gin.Context) form.Provision {
			return form.Provision{Kind: oneOf(c.Query("kind"), models.KindNames()), Terms: map[string][]string{}}
		},
		parse: form.ParseProvision,
		review: func(c *gin.Context, draft models.Draft, f form.Provision) bool {
			return u.kindChanged(c, draft, 0, f) || u.wordingQuestioned(c, draft, 0, f, nil)
		},
		add: func(ctx context.Context, actor string, draft models.Draft, f form.Provision) (models.Provision, error) {
			return u.store.CreateProvision(ctx, actor, f.Model(draft.ID))
		},
		fieldErrors: formErrors,
		show: func(c *gin.Context, status int, draft models.Draft, f form.Provision, errs form.Errors) {
			u.showProvisionForm(c, status, draft, 0, f, errs, nil)
		},
		added: func(c *gin.Context, _ models.Draft, p models.Provision) {
			seeOtherSaying(c, provisionAnchor(p), loc(c).T("flash.provision_added", "Title", p.Title))
		},
	}
	return formEntity{name: models.EntityProvision, section: "home",
		newPath: "/drafts/:id/provisions/new", addPath: "/drafts/:id/provisions", rowPath: "/provisions/:id",
		adding: adding, editing: provisionEditing{u}, describe: describeRow(u.store.Provision, u.describeProvision), remove: u.store.DeleteProvision}
}

// kindChanged lays the posted provision form (of the provision id in
// draft, 0 for a new one) out again when its "Change kind" button sent it,
// and reports whether it did: nothing is saved.
func (u *UI) kindChanged(c *gin.Context, draft models.Draft, id int64, f form.Provision) bool {
	if c.PostForm("action") != "kind" {
		return false
	}
	u.showProvisionForm(c, http.StatusOK, draft, id, f, form.Errors{}, nil)
	return true
}

// wordingQuestioned shows the posted provision form again where its
// wording disagrees with its terms (the provision current, changed by the
// form; nil for a new one), and reports whether it has answered: nothing
// is saved, and the analyst may save anyway.
func (u *UI) wordingQuestioned(c *gin.Context, draft models.Draft, id int64, f form.Provision, current *models.Provision) bool {
	proposed := f.Model(draft.ID)
	if current != nil {
		proposed = *current
		f.Patch().Apply(&proposed)
	}
	warnings, err := u.wordingWarnings(c, current, proposed)
	if err != nil {
		fail(c, err)
		return true
	}
	if len(warnings) == 0 {
		return false
	}
	u.showProvisionForm(c, http.StatusOK, draft, id, f, form.Errors{}, nil, warnings...)
	return true
}

// describeProvision names a provision for its delete page: its title,
// point and draft.
func (u *UI) describeProvision(ctx context.Context, p models.Provision, d deletion) (deletion, error) {
	draft, err := u.store.Draft(ctx, p.DraftID)
	if err != nil {
		return d, err
	}
	d.Name = "the provision “" + p.Title + "”"
	if p.Point != "" {
		d.Name += ", point " + p.Point
	}
	d.Name += " of " + draft.Name()
	d.Goes = append(d.Goes, "its party links ("+strconv.Itoa(len(p.Parties))+") and citations")
	d.Back, d.After = provisionAnchor(p), "/drafts/"+idString(draft.ID)
	return d, nil
}

// provisionAnchor is a provision's place on its draft's page.
func provisionAnchor(p models.Provision) string {
	return "/drafts/" + idString(p.DraftID) + "#p-" + idString(p.ID)
}
