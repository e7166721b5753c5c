package models

import (
	"strconv"
	"strings"
)

// EntityImplementation is the audit trail's name for implementation steps.
const EntityImplementation = "implementation_step"

// Implementation scores on the Peace Accords Matrix scale (Joshi, Quinn and
// Regan): how far a provision or an agreed measure was carried out.
var ImplementationScores = Vocabulary{
	{"0", "Not initiated"},
	{"1", "Minimal"},
	{"2", "Intermediate"},
	{"3", "Full"},
}

// ImplementationStep is what was carried out of a provision or an event,
// on a date, scored 0–3 on the Peace Accords Matrix scale. It names either
// an event by its key (Event is another record: the key is kept as text, no
// link) or a provision of a draft by the draft's id and the provision's key.
type ImplementationStep struct {
	ID int64 `json:"id"`
	// Event is the key of the event the step carries out ("2026-02-05-prisoner-exchange").
	Event string `json:"event,omitempty" validate:"omitempty,max=120,key"`
	// DraftID and Key name a provision: the draft and the provision's key.
	DraftID  int64      `json:"draft_id,omitempty"`
	Key      string     `json:"key,omitempty" validate:"omitempty,max=80,key"`
	Date     string     `json:"date" validate:"required,datetime=2006-01-02"`
	Score    int        `json:"score" validate:"min=0,max=3"`
	Evidence string     `json:"evidence" validate:"required,max=2000"`
	Sources  []Citation `json:"sources" validate:"min=1,max=50,dive"`
	RowStamps
}

// ImplementationInput is what a client sends to create a step.
type ImplementationInput struct {
	Event    string     `json:"event"`
	DraftID  int64      `json:"draft_id"`
	Key      string     `json:"key"`
	Date     string     `json:"date"`
	Score    int        `json:"score"`
	Evidence string     `json:"evidence"`
	Sources  []Citation `json:"sources"`
}

// Step builds the step the input describes.
func (in ImplementationInput) Step() ImplementationStep {
	return ImplementationStep{Event: in.Event, DraftID: in.DraftID, Key: in.Key, Date: in.Date,
		Score: in.Score, Evidence: in.Evidence, Sources: in.Sources}
}

// ImplementationPatch changes some fields of a step; nil fields stay.
type ImplementationPatch struct {
	Event    *string     `json:"event"`
	DraftID  *int64      `json:"draft_id"`
	Key      *string     `json:"key"`
	Date     *string     `json:"date"`
	Score    *int        `json:"score"`
	Evidence *string     `json:"evidence"`
	Sources  *[]Citation `json:"sources"`
}

// Apply writes the patch onto s.
func (ip ImplementationPatch) Apply(s *ImplementationStep) {
	applyPatch(ip, s)
}

// RowID is the row's id.
func (s ImplementationStep) RowID() int64 { return s.ID }

// ScoreLabel is the score in words ("Full").
func (s ImplementationStep) ScoreLabel() string {
	return ImplementationScores.Label(strconv.Itoa(s.Score))
}

// SourceReferences lists the sources the step cites.
func (s ImplementationStep) SourceReferences() []SourceReference {
	return citationReferences("sources", s.Sources)
}

// Validate checks every field: a step names an event or a provision (a
// draft and a key), not both and not neither.
func (s *ImplementationStep) Validate() error {
	s.Event = strings.TrimSpace(s.Event)
	s.Key = strings.TrimSpace(s.Key)
	s.Evidence = strings.TrimSpace(s.Evidence)
	if s.Sources == nil {
		s.Sources = []Citation{}
	}
	verr := validateStruct(s, "")
	if verr == nil {
		verr = &ValidationError{}
	}
	provision := s.DraftID != 0 || s.Key != ""
	switch {
	case s.Event != "" && provision:
		verr.Add("event", "a step carries out an event or a provision, not both")
	case s.Event == "" && !provision:
		verr.Add("event", "name the event (its key) or the provision (draft_id and key) the step carries out")
	case provision && s.DraftID == 0:
		verr.Add("draft_id", "is required with a provision key")
	case provision && s.Key == "":
		verr.Add("key", "is required with a draft")
	}
	return verr.Err()
}
