package ui

import (
	"encoding/json"
	"strconv"

	"plantracker/models"
	"plantracker/models/report"
)

// changeView is one entry of the audit trail, ready to show: who did what
// to which row, and for a provision's update, field by field what changed.
type changeView struct {
	models.Change
	ActionLabel string // Created, Changed, Deleted
	EntityLabel string // provision, draft, plan, party
	Name        string // the row's title or name at the time
	URL         string // where the row is now ("" once deleted)
	Version     int    // the row's version after the change
	Fields      []report.FieldChange
	// Restore, on a provision's history, offers to put the provision back
	// as this change left it; nil elsewhere and for the current version.
	Restore *restoreForm
	// RestoredFrom, on a restore of a provision's earlier version, is the
	// version it went back to (markRestoredFrom); 0 where not known.
	RestoredFrom int
	// Undo, on a deletion that can be undone, offers to undo it.
	Undo *undoForm
	// Goes says what went with a deleted draft or plan: "29 provisions".
	Goes string
}

// undoForm is the button that undoes a deletion.
type undoForm struct {
	Action    string // /changes/61/undo
	CSRFField string
	CSRFToken string
}

// restoreForm is the little form that asks to restore an earlier version
// (GET: the confirm page, provision_restore.go).
type restoreForm struct {
	Action   string // /provisions/12/restore
	ChangeID int64
	Version  int // the provision's current version: a restore over a newer one is refused
}

// entitySnapshot is what a change record's before or after says of any
// entity, enough to name and link it.
type entitySnapshot struct {
	ID        int64  `json:"id"`
	DraftID   int64  `json:"draft_id"`
	Number    int    `json:"number"`
	Label     string `json:"label"`
	Title     string `json:"title"`
	Name      string `json:"name"`
	ShortName string `json:"short_name"`
	Key       string `json:"key"`
	Version   int    `json:"version"`
	Username  string `json:"username"`
	Role      string `json:"role"`
	Prefix    string `json:"prefix"`
	Party     string `json:"party"`  // a stance on a draft
	Stance    string `json:"stance"` // a stance on a draft
	// A deleted draft's provisions, a deleted plan's drafts.
	Provisions []json.RawMessage `json:"provisions"`
	Drafts     []struct {
		Provisions []json.RawMessage `json:"provisions"`
	} `json:"drafts"`
}

func newChangeView(ch models.Change) changeView {
	v := changeView{Change: ch, EntityLabel: ch.Entity}
	switch ch.Action {
	case models.ActionCreate:
		v.ActionLabel = "Created"
	case models.ActionUpdate:
		v.ActionLabel = "Changed"
	case models.ActionDelete:
		v.ActionLabel = "Deleted"
	case models.ActionRestore:
		v.ActionLabel = "Restored"
	case "password":
		v.ActionLabel = "Password set"
	default:
		v.ActionLabel = ch.Action
	}
	var snap entitySnapshot
	raw := ch.After
	if ch.Action == models.ActionDelete {
		raw = ch.Before
	}
	_ = json.Unmarshal(raw, &snap) // a record that does not decode is shown by its entity and id
	v.Version = snap.Version
	id := strconv.FormatInt(ch.EntityID, 10)
	switch ch.Entity {
	case models.EntityProvision:
		v.Name = snap.Title
		v.URL = "/provisions/" + id
	case models.EntityDraft:
		v.Name = "v" + strconv.Itoa(snap.Number) + " " + snap.Label
		v.URL = "/drafts/" + id
	case models.EntityPlan:
		v.Name = snap.Title
		v.URL = "/#plan-" + id
	case models.EntityParty:
		v.Name = snap.ShortName + " " + snap.Name
		v.URL = "/parties#party-" + id
	case models.EntitySource:
		v.Name = snap.Key
		v.URL = "/sources#source-" + snap.Key
	case models.EntityEvent:
		v.Name, v.EntityLabel = snap.Title, "event"
		v.URL = "/chronology#event-" + id // readable by every role; the page offers editing to editors
	case models.EntityDraftStance:
		v.Name, v.EntityLabel = snap.Party+" "+models.DraftStances.Label(snap.Stance), "stance on a draft"
		v.URL = "/drafts/" + strconv.FormatInt(snap.DraftID, 10) + "#draft-stance-" + id
	case "user":
		v.Name = snap.Username
		if snap.Role != "" {
			v.Name += " (" + snap.Role + ")"
		}
		v.URL = "/users"
	case "token":
		v.Name = "“" + snap.Name + "” of " + snap.Username
	case models.EntityPosition, models.EntityImplementation:
		agreeChangeName(&v, ch.Entity, raw, id)
	}
	switch {
	case ch.Entity == models.EntityDraft && ch.Action == models.ActionDelete:
		v.Goes = plural(len(snap.Provisions), "provision", "provisions")
	case ch.Entity == models.EntityPlan && ch.Action == models.ActionDelete:
		n := 0
		for _, d := range snap.Drafts {
			n += len(d.Provisions)
		}
		v.Goes = plural(len(snap.Drafts), "draft", "drafts") + ", " + plural(n, "provision", "provisions")
	}
	if v.Name == "" {
		v.Name = ch.Entity + " " + id
	}
	if ch.Action == models.ActionDelete {
		v.URL = ""
	}
	if ch.Entity == models.EntityProvision && (ch.Action == models.ActionUpdate || ch.Action == models.ActionRestore) {
		before, okB := decodeProvision(ch.Before)
		after, okA := decodeProvision(ch.After)
		if okB && okA {
			v.Fields = report.CompareProvisions(before, after)
		}
	}
	return v
}

// decodeProvision reads a provision from a change record.
func decodeProvision(raw json.RawMessage) (models.Provision, bool) {
	var p models.Provision
	if len(raw) == 0 || string(raw) == "null" || json.Unmarshal(raw, &p) != nil {
		return p, false
	}
	return p, true
}

func newChangeViews(changes []models.Change) []changeView {
	out := make([]changeView, len(changes))
	for i, ch := range changes {
		out[i] = newChangeView(ch)
	}
	markRestoredFrom(out)
	return out
}
