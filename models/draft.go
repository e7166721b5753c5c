package models

import "strconv"

// Draft is one version of a plan, as circulated or reported.
//
// Number is the draft's place in its plan (1, 2, …), shown as "v1". Version
// is, as on every mutable row, the optimistic-concurrency counter behind the
// ETag; the two are different things and named apart on purpose.
type Draft struct {
	ID     int64  `json:"id"`
	PlanID int64  `json:"plan_id"`
	Number int    `json:"number"`
	Label  string `json:"label" validate:"required,max=200"`
	Date   string `json:"date,omitempty" validate:"omitempty,datetime=2006-01-02"`
	Status string `json:"status" validate:"required,oneof=working circulated superseded agreed rejected"`
	// Coverage says how much of the draft's text is known: "complete" (the
	// whole text) or "partial" (only the points its reporting names). A key
	// a partial draft lacks is not reported, not removed.
	Coverage string `json:"coverage" validate:"required,oneof=complete partial"`
	// Stage is the draft's stage in the PA-X coding of peace agreements;
	// empty where nobody has coded it.
	Stage string `json:"stage,omitempty" validate:"omitempty,oneof=pre_negotiation framework_partial framework_comprehensive implementation renewal ceasefire"`
	// Standing says what the text is to the record: "official" (a
	// published text), "reported" (known from reporting) or "scenario" (an
	// analyst's own: kept out of the chronology and the record's end).
	Standing    string `json:"standing" validate:"required,oneof=official reported scenario"`
	Description string `json:"description" validate:"max=5000"`
	// Sources are the records the draft as a whole is known from.
	Sources      []Citation `json:"sources" validate:"max=50,dive"`
	ForkedFromID *int64     `json:"forked_from,omitempty"`
	// Signatories are the parties with a signature space on the draft.
	Signatories []string `json:"signatories" validate:"max=60,uniqueparties,dive,party"`
	RowStamps
}

// SourceReferences lists every source the draft cites, with the field that
// cites it. The store checks that each exists.
func (d Draft) SourceReferences() []SourceReference {
	return citationReferences("sources", d.Sources)
}

// Partial reports whether only some of the draft's points are known.
func (d Draft) Partial() bool { return d.Coverage != "complete" }

// Name is how a draft is called in lists: "v2 Geneva revision".
func (d Draft) Name() string { return "v" + strconv.Itoa(d.Number) + " " + d.Label }

// DraftInput is what a client sends to create a draft. Provisions, when
// given, are created with it, in one transaction: a draft read from its
// text (models/parse) is saved whole or not at all.
type DraftInput struct {
	Label       string           `json:"label"`
	Date        string           `json:"date"`
	Status      string           `json:"status"`
	Coverage    string           `json:"coverage"`
	Stage       string           `json:"stage"`
	Standing    string           `json:"standing"`
	Description string           `json:"description"`
	Sources     []Citation       `json:"sources"`
	Signatories []string         `json:"signatories"`
	Provisions  []ProvisionInput `json:"provisions,omitempty"`
}

// Draft builds the draft the input describes. A draft starts as "working"
// and "partial": until someone says its whole text is known, a point it
// lacks is not reported rather than removed.
func (in DraftInput) Draft(planID int64) Draft {
	d := Draft{PlanID: planID, Label: in.Label, Date: in.Date, Status: in.Status, Coverage: in.Coverage,
		Stage: in.Stage, Standing: in.Standing, Description: in.Description, Sources: in.Sources, Signatories: in.Signatories}
	if d.Status == "" {
		d.Status = "working"
	}
	if d.Coverage == "" {
		d.Coverage = "partial"
	}
	d.normalize()
	return d
}

// DraftPatch changes some fields of a draft; nil fields stay as they are.
type DraftPatch struct {
	Label       *string     `json:"label"`
	Date        *string     `json:"date"`
	Status      *string     `json:"status"`
	Coverage    *string     `json:"coverage"`
	Stage       *string     `json:"stage"`
	Standing    *string     `json:"standing"`
	Description *string     `json:"description"`
	Sources     *[]Citation `json:"sources"`
	Signatories *[]string   `json:"signatories"`
}

// Apply writes the patch onto d.
func (dp DraftPatch) Apply(d *Draft) {
	applyPatch(dp, d)
	d.normalize()
}

// ForkInput is what a client may send to fork a draft: the new draft's
// label, date, status, standing and description. Label and date default
// from the original (its label, today); status to "working"; standing to
// "scenario" (a fork is an analyst's own text until said otherwise). The description is
// the fork's own: the original's describes another text, so it is not
// carried over unless sent.
type ForkInput struct {
	Label       string  `json:"label"`
	Date        string  `json:"date"`
	Status      string  `json:"status,omitempty"`
	Standing    string  `json:"standing,omitempty"`
	Description *string `json:"description,omitempty"`
}

// normalize gives a draft without a standing the default one and makes empty lists non-nil so that they serialise as [] and
// compare equal whether or not a client sent them.
func (d *Draft) normalize() {
	if d.Standing == "" {
		d.Standing = StandingReported // what every draft was before standings
	}
	if d.Sources == nil {
		d.Sources = []Citation{}
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
