package models

// A deletion is recorded with the whole record, so that it can be undone
// with nothing lost: a draft's "before" is the draft with its provisions, a
// plan's the plan with its drafts and theirs. The draft's or plan's own
// fields stay at the top level of the JSON, as in every other change
// record, and the provisions and drafts come beside them.

// DraftSnapshot is a draft as its deletion recorded it, with its
// provisions (their party links and citations included).
type DraftSnapshot struct {
	Draft
	Provisions []Provision `json:"provisions"`
	// Stances are the parties' stances on the draft as a whole, which go
	// and come back with it.
	Stances []DraftStance `json:"stances,omitempty"`
}

// PlanSnapshot is a plan as its deletion recorded it, with its drafts.
type PlanSnapshot struct {
	Plan
	Drafts []DraftSnapshot `json:"drafts"`
}

// ActionRestore names a change that put a row back: a deletion undone, or
// a provision restored to an earlier version. History calls it "Restored".
const ActionRestore = "restore"

// UndoableEntities are the entities whose deletion can be undone. Users
// and tokens are not among them: a token's secret is not kept, and a
// removed account is added again by an admin.
var UndoableEntities = []string{EntityProvision, EntityDraft, EntityPlan, EntityParty, EntitySource, EntityDraftStance, EntityEvent}
