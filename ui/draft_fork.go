package ui

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/ui/form"
)

// draftInPlan is a draft with its plan, what a fork is made from.
type draftInPlan struct {
	draft models.Draft
	plan  models.Plan
}

// forkFlow serves GET and POST /drafts/:id/fork. The form asks first for
// the new draft's label and date. The label starts empty (the new draft is
// named, not "v6 Geneva revision" again by default), the status working
// but shown, the description empty with the parent's quoted beside it.
// The fork is the next draft of the plan with a copy of every provision,
// then its page. A fork without a label is refused with the form again:
// the store would name it after its parent.
func (u *UI) forkFlow() newFlow[draftInPlan, models.Draft, form.Draft] {
	return newFlow[draftInPlan, models.Draft, form.Draft]{
		parent: func(c *gin.Context) (draftInPlan, bool) {
			d, plan, ok := u.draftAndPlanFromPath(c)
			return draftInPlan{d, plan}, ok
		},
		blank: func(*gin.Context) form.Draft {
			return form.Draft{Date: time.Now().UTC().Format("2006-01-02"), Status: "working"}
		},
		parse: form.ParseDraft,
		review: func(c *gin.Context, from draftInPlan, f form.Draft) bool {
			if f.Label != "" {
				return false
			}
			var errs form.Errors
			errs.Add("label", "is required: name the new draft, such as “Geneva revision”")
			u.showFork(c, http.StatusUnprocessableEntity, from, f, errs)
			return true
		},
		add: func(ctx context.Context, actor string, from draftInPlan, f form.Draft) (models.Draft, error) {
			return u.store.ForkDraft(ctx, actor, from.draft.ID, f.Fork())
		},
		fieldErrors: validationFormErrors,
		show:        u.showFork,
		added: func(c *gin.Context, from draftInPlan, fork models.Draft) {
			seeOtherSaying(c, "/drafts/"+idString(fork.ID), "Forked "+from.draft.Name()+" into "+fork.Name()+" ("+models.DraftStatuses.Label(fork.Status)+"), with a copy of every provision.")
		},
	}
}

func (u *UI) showFork(c *gin.Context, status int, from draftInPlan, f form.Draft, errs form.Errors) {
	u.showDraftForm(c, status, "fork", from.plan, from.draft, f, errs, false)
}
