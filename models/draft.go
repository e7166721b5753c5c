package models

import (
	"strconv"
	"time"
)

// Draft is one version of a plan, as circulated or reported.
//
// Number is the draft's place in its plan (1, 2, …), shown as "v1". Version
// is, as on every mutable row, the optimistic-concurrency counter behind the
// ETag; the two are different things and named apart on purpose.
type Draft struct {
	ID           int64    `json:"id"`
	PlanID       int64    `json:"plan_id"`
	Number       int      `json:"number"`
	Label        string   `json:"label" validate:"required,max=200"`
	Date         string   `json:"date,omitempty" validate:"omitempty,datetime=2006-01-02"`
	Status       string   `json:"status" validate:"required,oneof=working circulated superseded agreed rejected"`
	Description  string   `json:"description" validate:"max=5000"`
	Sources      []string `json:"sources" validate:"max=50,dive,required,max=1000"`
	ForkedFromID *int64   `json:"forked_from,omitempty"`
	// Signatories are the parties with a signature space on the draft.
	Signatories []string  `json:"signatories" validate:"max=60,uniqueparties,dive,party"`
	Version     int       `json:"version"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// Name is how a draft is called in lists: "v2 Geneva revision".
func (d Draft) Name() string { return "v" + strconv.Itoa(d.Number) + " " + d.Label }

// DraftInput is what a client sends to create a draft.
type DraftInput struct {
	Label       string   `json:"label"`
	Date        string   `json:"date"`
	Status      string   `json:"status"`
	Description string   `json:"description"`
	Sources     []string `json:"sources"`
	Signatories []string `json:"signatories"`
}

// Draft builds the draft the input describes; a draft starts as "working".
func (in DraftInput) Draft(planID int64) Draft {
	d := Draft{PlanID: planID, Label: in.Label, Date: in.Date, Status: in.Status,
		Description: in.Description, Sources: in.Sources, Signatories: in.Signatories}
	if d.Status == "" {
		d.Status = "working"
	}
	d.normalize()
	return d
}

// DraftPatch changes some fields of a draft; nil fields stay as they are.
type DraftPatch struct {
	Label       *string   `json:"label"`
	Date        *string   `json:"date"`
	Status      *string   `json:"status"`
	Description *string   `json:"description"`
	Sources     *[]string `json:"sources"`
	Signatories *[]string `json:"signatories"`
}

// Apply writes the patch onto d.
func (dp DraftPatch) Apply(d *Draft) {
	setIf(&d.Label, dp.Label)
	setIf(&d.Date, dp.Date)
	setIf(&d.Status, dp.Status)
	setIf(&d.Description, dp.Description)
	setIf(&d.Sources, dp.Sources)
	setIf(&d.Signatories, dp.Signatories)
	d.normalize()
}

// ForkInput is what a client may send to fork a draft: the new draft's label
// and date. Both default from the original.
type ForkInput struct {
	Label string `json:"label"`
	Date  string `json:"date"`
}

// normalize makes empty lists non-nil so that they serialise as [] and
// compare equal whether or not a client sent them.
func (d *Draft) normalize() {
	if d.Sources == nil {
		d.Sources = []string{}
	}
	if d.Signatories == nil {
		d.Signatories = []string{}
	}
}

// Validate checks every field of the draft.
func (d *Draft) Validate() error {
	d.normalize()
	return validateStruct(d, "").Err()
}
