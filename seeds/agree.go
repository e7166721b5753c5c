package seeds

import (
	"context"
	"fmt"
	"strings"

	"plantracker/models"
)

// recordFiles are the files of data/ that hold records other than plans:
// Read does not take them for plan files.
var recordFiles = map[string]bool{
	"positions.json":      true,
	"implementation.json": true,
}

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
	existing, err := s.AllPositions(ctx)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, p := range existing {
		have[p.Party+"|"+p.Key+"|"+p.Date] = true
	}
	for _, in := range positions {
		if have[in.Party+"|"+in.Key+"|"+in.Date] {
			continue
		}
		if _, err := s.CreatePosition(ctx, Actor, in.Position()); err != nil {
			return fmt.Errorf("seeds: position of %s on %s: %w", in.Party, in.Key, err)
		}
	}
	steps, err := ReadImplementation()
	if err != nil {
		return err
	}
	done, err := s.AllImplementationSteps(ctx)
	if err != nil {
		return err
	}
	haveStep := map[string]bool{}
	for _, st := range done {
		haveStep[fmt.Sprintf("%s|%d|%s|%s", st.Event, st.DraftID, st.Key, st.Date)] = true
	}
	for _, in := range steps {
		st := models.ImplementationStep{Event: in.Event, Date: in.Date, Score: in.Score, Evidence: in.Evidence, Sources: in.Sources}
		if in.Provision != "" {
			i := strings.LastIndex(in.Provision, "/")
			if i < 0 {
				return fmt.Errorf("seeds: implementation step %q: a provision is <plan slug>/<number>/<key>", in.Provision)
			}
			id, ok := drafts[in.Provision[:i]]
			if !ok {
				return fmt.Errorf("seeds: implementation step names %s, which no seed file has", in.Provision)
			}
			st.DraftID, st.Key = id, in.Provision[i+1:]
		}
		if haveStep[fmt.Sprintf("%s|%d|%s|%s", st.Event, st.DraftID, st.Key, st.Date)] {
			continue
		}
		if _, err := s.CreateImplementationStep(ctx, Actor, st); err != nil {
			return fmt.Errorf("seeds: implementation step of %s%s: %w", in.Event, in.Provision, err)
		}
	}
	return nil
}
