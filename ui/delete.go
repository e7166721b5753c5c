package ui

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/store"
)

// Every delete asks first, on a page of its own (so it works without
// JavaScript): what will go, and that it can be undone. The delete itself
// is a form post carrying the version the page showed; the store records
// it with the whole record, and the Deleted list and the history offer to
// undo it. A row still referred to is refused by the store, which says by
// what; the page then says so in place of the button.

type deletePage struct {
	Page
	Target  deletion
	Refusal string // why the store refused, after a try
}

// deletion is what the confirm page says of a row and where it leads.
type deletion struct {
	Entity  string
	ID      int64
	Name    string   // "“Troop cap”, point 6 of v1 28-point draft"
	Goes    []string // what goes with it: "its 29 provisions"
	Version int
	Action  string // the form's target
	Back    string // where Cancel leads (and the page after a refusal)
	After   string // where the browser goes once it is deleted
	Verb    string // "Remove" for a user; "Delete" when empty
	NoUndo  string // what the page says in place of the undo, for what cannot be undone
}

// describe loads the row a delete is about.
func (u *UI) describe(ctx context.Context, entity string, id int64) (deletion, error) {
	d := deletion{Entity: entity, ID: id}
	path := "/" + map[string]string{models.EntityPlan: "plans", models.EntityDraft: "drafts", models.EntityProvision: "provisions",
		models.EntityParty: "parties", models.EntitySource: "sources",
		models.EntityEvent: "chronology/events", models.EntityDraftStance: "draft-stances"}[entity] + "/" + idString(id)
	d.Action = path + "/delete"
	switch entity {
	case models.EntityProvision:
		p, err := u.store.Provision(ctx, id)
		if err != nil {
			return d, err
		}
		draft, err := u.store.Draft(ctx, p.DraftID)
		if err != nil {
			return d, err
		}
		d.Name, d.Version = "the provision “"+p.Title+"”", p.Version
		if p.Point != "" {
			d.Name += ", point " + p.Point
		}
		d.Name += " of " + draft.Name()
		d.Goes = append(d.Goes, "its party links ("+strconv.Itoa(len(p.Parties))+") and citations")
		d.Back, d.After = "/drafts/"+idString(draft.ID)+"#p-"+idString(id), "/drafts/"+idString(draft.ID)
	case models.EntityDraft:
		dr, err := u.store.Draft(ctx, id)
		if err != nil {
			return d, err
		}
		counts, err := u.store.ProvisionCounts(ctx)
		if err != nil {
			return d, err
		}
		d.Name, d.Version = "the draft "+dr.Name(), dr.Version
		d.Goes = append(d.Goes, plural(int(counts[id]), "provision", "provisions")+", with their party links and citations")
		d.Back, d.After = "/drafts/"+idString(id), "/#plan-"+idString(dr.PlanID)
	case models.EntityPlan:
		p, err := u.store.Plan(ctx, id)
		if err != nil {
			return d, err
		}
		drafts, err := u.store.Drafts(ctx, id)
		if err != nil {
			return d, err
		}
		counts, err := u.store.ProvisionCounts(ctx)
		if err != nil {
			return d, err
		}
		n := 0
		for _, dr := range drafts {
			n += int(counts[dr.ID])
		}
		d.Name, d.Version = "the plan “"+p.Title+"”", p.Version
		d.Goes = append(d.Goes, plural(len(drafts), "draft", "drafts")+" and their "+plural(n, "provision", "provisions"))
		d.Back, d.After = "/#plan-"+idString(id), "/"
	case models.EntityParty:
		p, err := u.store.Party(ctx, id)
		if err != nil {
			return d, err
		}
		d.Name, d.Version = "the party "+p.ShortName+" ("+p.Name+")", p.Version
		d.Back, d.After = "/parties#party-"+idString(id), "/parties"
	case models.EntitySource:
		s, err := u.store.Source(ctx, id)
		if err != nil {
			return d, err
		}
		d.Name, d.Version = "the source "+s.Reference(), s.Version
		d.Back, d.After = "/sources#source-"+s.Key, "/sources"
	case models.EntityEvent, models.EntityDraftStance:
		return u.describeRecord(ctx, d)
	}
	return d, nil
}

// remove deletes the row, if it is still at version.
func (u *UI) remove(ctx context.Context, actor, entity string, id int64, version int) error {
	switch entity {
	case models.EntityProvision:
		return u.store.DeleteProvision(ctx, actor, id, version)
	case models.EntityDraft:
		return u.store.DeleteDraft(ctx, actor, id, version)
	case models.EntityPlan:
		return u.store.DeletePlan(ctx, actor, id, version)
	case models.EntityParty:
		return u.store.DeleteParty(ctx, actor, id, version)
	case models.EntitySource:
		return u.store.DeleteSource(ctx, actor, id, version)
	case models.EntityEvent:
		return u.store.DeleteEvent(ctx, actor, id, version)
	case models.EntityDraftStance:
		return u.store.DeleteDraftStance(ctx, actor, id, version)
	}
	return errors.New("ui: nothing deletes a " + entity)
}

// confirmDelete serves GET /<entity>/:id/delete: the question.
func (u *UI) confirmDelete(entity string) gin.HandlerFunc {
	return func(c *gin.Context) {
		id, ok := pathID(c, "id")
		if !ok {
			return
		}
		d, err := u.describe(c.Request.Context(), entity, id)
		if err != nil {
			fail(c, err)
			return
		}
		render(c, http.StatusOK, "delete", &deletePage{Page: Page{Title: "Delete " + d.Name + "?", Section: section(entity)}, Target: d})
	}
}

// deleteRow serves POST /<entity>/:id/delete: the delete, then the page
// the row was on, with a message saying how to undo it. A refusal (still
// referred to, changed meanwhile) comes back on the confirm page.
func (u *UI) deleteRow(entity string) gin.HandlerFunc {
	return func(c *gin.Context) {
		id, ok := pathID(c, "id")
		if !ok {
			return
		}
		ctx := c.Request.Context()
		d, err := u.describe(ctx, entity, id)
		if err != nil {
			fail(c, err)
			return
		}
		version, err := strconv.Atoi(c.PostForm("version"))
		if err != nil || version <= 0 {
			fail(c, models.Invalid("version", "is missing: open the delete page again"))
			return
		}
		err = u.remove(ctx, web.Actor(c), entity, id, version)
		if errors.Is(err, store.ErrInUse) || errors.Is(err, store.ErrConflict) {
			// The store's reason, without its "still in use:" prefix:
			// "Party UA is still referenced by 3 drafts, …".
			msg := capitalize(strings.TrimPrefix(err.Error(), store.ErrInUse.Error()+": ")) + "."
			if errors.Is(err, store.ErrConflict) {
				msg = "Someone changed it since this page was opened, so nothing was deleted. Look at it again before deleting it."
			}
			render(c, http.StatusConflict, "delete", &deletePage{Page: Page{Title: "Cannot delete " + d.Name, Section: section(entity)},
				Target: d, Refusal: msg})
			return
		}
		if err != nil {
			fail(c, err)
			return
		}
		setFlash(c, loc(c).T("flash.deleted", "Name", d.Name))
		seeOther(c, d.After)
	}
}

// section is the navigation entry a row's pages belong to.
func section(entity string) string {
	switch entity {
	case models.EntityParty:
		return "parties"
	case models.EntitySource:
		return "sources"
	case models.EntityEvent:
		return "chronology"
	}
	return "home"
}
