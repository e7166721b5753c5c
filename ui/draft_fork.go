package ui

import (
	"github.com/gin-gonic/gin"

	"plantracker/api/auth"
	"plantracker/ui/form"
)

// forkDraft serves POST /drafts/:id/fork: a new working draft of the same
// plan with a copy of every provision, then its page.
func (u *UI) forkDraft(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	if err := c.Request.ParseForm(); err != nil {
		fail(c, errBadForm)
		return
	}
	fork, err := u.store.ForkDraft(c.Request.Context(), auth.Actor(c), id, form.ParseFork(c.Request.PostForm))
	if err != nil {
		fail(c, err)
		return
	}
	setFlash(c, "Forked into "+fork.Name()+": a working copy you can edit.")
	seeOther(c, "/drafts/"+idString(fork.ID))
}
