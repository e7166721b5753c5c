package ui

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/ui/form"
)

type partiesPage struct {
	Page
	Parties []models.Party
	Form    partyFormView
}

// partyFormView is the party form's fields, for adding and editing.
type partyFormView struct {
	Action  string
	Version int
	Name    fieldView
	Short   fieldView
	Type    fieldView
	Errors  []summaryItem
}

func newPartyFormView(f form.Party, errs form.Errors) partyFormView {
	s := newFieldSet(errs)
	v := partyFormView{Version: f.Version,
		Name:  s.text("name", "Name", f.Name),
		Short: s.text("short_name", "Short name", f.ShortName),
		Type:  s.choice("type", "Type", f.Type, "Choose…", models.PartyTypes),
	}
	v.Name.Required, v.Short.Required, v.Type.Required = true, true, true
	v.Short.Spell = "false"
	v.Short.Help = "How drafts name the party: capital letters, digits and hyphens, such as UA or NATO (typed in lower case, it is taken in capitals)."
	v.Errors = s.summary()
	return v
}

// listParties serves GET /parties: every party, and the form that adds
// one (partyEntity).
func (u *UI) listParties(c *gin.Context) {
	u.showParties(c, http.StatusOK, form.Party{}, form.Errors{})
}

func (u *UI) showParties(c *gin.Context, status int, f form.Party, errs form.Errors) {
	parties, err := u.store.Parties(c.Request.Context())
	if err != nil {
		fail(c, err)
		return
	}
	v := newPartyFormView(f, errs)
	v.Action = "/parties"
	render(c, status, "parties", &partiesPage{Page: Page{Title: loc(c).T("nav.parties"), Section: "parties"}, Parties: parties, Form: v})
}
