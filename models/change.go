package models

import (
	"encoding/json"
	"time"
)

// Entities that changes are recorded for.
const (
	EntityParty     = "party"
	EntityPlan      = "plan"
	EntityDraft     = "draft"
	EntityProvision = "provision"
	EntitySource    = "source"
)

// Actions a change records.
const (
	ActionCreate = "create"
	ActionUpdate = "update"
	ActionDelete = "delete"
)

// Change is one entry of the audit trail: who changed which entity when, with
// the entity as it was before and after (null before a create, after a
// delete).
type Change struct {
	ID       int64           `json:"id"`
	At       time.Time       `json:"at"`
	Actor    string          `json:"actor"`
	Entity   string          `json:"entity"`
	EntityID int64           `json:"entity_id"`
	Action   string          `json:"action"`
	Before   json.RawMessage `json:"before"`
	After    json.RawMessage `json:"after"`
}
