package ui

import (
	"slices"

	"github.com/gin-gonic/gin"

	"plantracker/models"
)

// Before saving a provision, the form checks that its wording still agrees
// with its terms (models.WordingMismatches): an analyst who raises the
// limit to 650,000 and leaves "capped at 600,000" in the wording has most
// likely forgotten it. The form then comes back unsaved, with what was
// typed, the warning, and a "Save anyway" button: the wording may be a
// quotation that must stay as reported, so a deliberate save is never
// refused, and it asks once: a mismatch the stored provision already had
// is not asked about again.

// saveAnyway is the action of the button that saves despite the warning.
const saveAnyway = "save-anyway"

// wordingWarnings returns what the save would bring into conflict with the
// wording: against before (the stored provision) when editing, on its own
// when adding (before is nil). Nothing when the analyst chose to save
// anyway, or when the form has errors (the store reports those first).
func (u *UI) wordingWarnings(c *gin.Context, before *models.Provision, after models.Provision) ([]models.Mismatch, error) {
	if c.PostForm("action") == saveAnyway {
		return nil, nil
	}
	after.Parties = slices.Clone(after.Parties) // Validate fills in defaults in place
	if after.Validate() != nil {
		return nil, nil
	}
	parties, err := u.store.Parties(c.Request.Context())
	if err != nil {
		return nil, err
	}
	if before == nil {
		return models.WordingMismatches(after, nil, parties), nil
	}
	return models.NewWordingMismatches(*before, after, parties), nil
}
