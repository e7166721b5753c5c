package seeds

import (
	"context"
	"fmt"
	"strings"

	"plantracker/models"
)

// ImplementationSeed is one row of data/implementation.json: a step that
// carries out an event (its key) or a provision ("<plan slug>/<number>/<key>").
type ImplementationSeed struct {
	Event     string            `json:"event,omitempty"`
	Provision string            `json:"provision,omitempty"`
	Date      string            `json:"date"`
	Score     int               `json:"score"`
	Evidence  string            `json:"evidence"`
	Sources   []models.Citation `json:"sources"`
}

// ReadPositions decodes data/positions.json: the parties' stated positions.
func ReadPositions() ([]models.PositionInput, error) {
	var out []models.PositionInput
	return out, decodeFile("data/positions.json", &out)
}

// ReadImplementation decodes data/implementation.json.
func ReadImplementation() ([]ImplementationSeed, error) {
	var out []ImplementationSeed
	return out, decodeFile("data/implementation.json", &out)
}

// AgreeStore is what loading positions and implementation steps needs;
// a store without it is loaded without them.
type AgreeStore interface {
	AllPositions(ctx context.Context) ([]models.Position, error)
	CreatePosition(ctx context.Context, actor string, p models.Position) (models.Position, error)
	AllImplementationSteps(ctx context.Context) ([]models.ImplementationStep, error)
	CreateImplementationStep(ctx context.Context, actor string, st models.ImplementationStep) (models.ImplementationStep, error)
}

// loadAgree adds the positions (by party, key and date) and the
// implementation steps (by what they carry out and date) the store lacks.
// drafts maps "<plan slug>/<number>" to draft ids.
func loadAgree(ctx context.Context, s AgreeStore, drafts map[string]int64) error {
	positions, err := ReadPositions()
	if err != nil {
		return err
	}
	positionKey := func(p models.Position) string { return p.Party + "|" + p.Key + "|" + p.Date }
	if _, err := addMissing(ctx, s.AllPositions, s.CreatePosition, Actor, positionKey, convert(positions, models.PositionInput.Position),
		func(i int) string { return "position of " + positions[i].Party + " on " + positions[i].Key }); err != nil {
		return fmt.Errorf("seeds: %w", err)
	}
	inputs, err := ReadImplementation()
	if err != nil {
		return err
	}
	steps := make([]models.ImplementationStep, len(inputs))
	for i, in := range inputs {
		st := models.ImplementationStep{Event: in.Event, Date: in.Date, Score: in.Score, Evidence: in.Evidence, Sources: in.Sources}
		if in.Provision != "" {
			slash := strings.LastIndex(in.Provision, "/")
			if slash < 0 {
				return fmt.Errorf("seeds: implementation step %q: a provision is <plan slug>/<number>/<key>", in.Provision)
			}
			id, ok := drafts[in.Provision[:slash]]
			if !ok {
				return fmt.Errorf("seeds: implementation step names %s, which no seed file has", in.Provision)
			}
			st.DraftID, st.Key = id, in.Provision[slash+1:]
		}
		steps[i] = st
	}
	stepKey := func(st models.ImplementationStep) string {
		return fmt.Sprintf("%s|%d|%s|%s", st.Event, st.DraftID, st.Key, st.Date)
	}
	if _, err := addMissing(ctx, s.AllImplementationSteps, s.CreateImplementationStep, Actor, stepKey, steps,
		func(i int) string { return "implementation step of " + inputs[i].Event + inputs[i].Provision }); err != nil {
		return fmt.Errorf("seeds: %w", err)
	}
	return nil
}
