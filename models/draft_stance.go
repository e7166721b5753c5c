package models

import "strings"

// EntityDraftStance names draft stances in the audit trail.
const EntityDraftStance = "draft_stance"

// DraftStances: what a party said of a draft as a whole.
var DraftStances = Vocabulary{
	{"accepts", "Accepts"},
	{"rejects", "Rejects"},
	{"reserved", "Reserved"},
}

// DraftStance is a party's stance on a draft as a whole: "Russia rejects
// the E3 counter-proposal", with when, in whose words and from where. It
// belongs to the draft and is never copied down onto its provisions: a
// party that rejects a text has not thereby opposed each of its points.
type DraftStance struct {
	ID      int64  `json:"id"`
	DraftID int64  `json:"draft_id"`
	Party   string `json:"party" validate:"required,party"`
	Stance  string `json:"stance" validate:"required,oneof=accepts rejects reserved"`
	Date    string `json:"date,omitempty" validate:"omitempty,datetime=2006-01-02"`
	// Quote is the party's words, verbatim, where they are known.
	Quote   string     `json:"quote,omitempty" validate:"max=5000"`
	Sources []Citation `json:"sources" validate:"max=50,dive"`
	RowStamps
}

// DraftStanceInput is what a client sends to record a stance on a draft;
// the draft is the one in the path.
type DraftStanceInput struct {
	Party   string     `json:"party"`
	Stance  string     `json:"stance"`
	Date    string     `json:"date"`
	Quote   string     `json:"quote"`
	Sources []Citation `json:"sources"`
}

// DraftStance builds the stance the input describes, on draft draftID.
func (in DraftStanceInput) DraftStance(draftID int64) DraftStance {
	return DraftStance{DraftID: draftID, Party: strings.TrimSpace(in.Party), Stance: in.Stance,
		Date: in.Date, Quote: in.Quote, Sources: in.Sources}
}

// DraftStancePatch changes some fields of a stance; nil fields stay. The
// draft is not among them: a stance on another text is another stance.
type DraftStancePatch struct {
	Party   *string     `json:"party"`
	Stance  *string     `json:"stance"`
	Date    *string     `json:"date"`
	Quote   *string     `json:"quote"`
	Sources *[]Citation `json:"sources"`
}

// Apply writes the patch onto ds.
func (p DraftStancePatch) Apply(ds *DraftStance) {
	applyPatch(p, ds)
}

// Validate checks every field of the stance.
func (ds *DraftStance) Validate() error {
	ds.Sources = CitationsOf(ds.Sources)
	return validateStruct(ds, "").Err()
}

// SourceReferences lists every source the stance cites, with its field.
func (ds DraftStance) SourceReferences() []SourceReference {
	return citationReferences("sources", ds.Sources)
}

// StanceLabel is the stance as people read it.
func (ds DraftStance) StanceLabel() string { return DraftStances.Label(ds.Stance) }

// RowID is the row's id.
func (ds DraftStance) RowID() int64 { return ds.ID }
