package dataset

import (
	"context"
	"strconv"
	"strings"

	"plantracker/models"
)

// ImplementationStore is what implementation.csv reads; a store without it
// writes the file with its header only.
type ImplementationStore interface {
	AllImplementationSteps(ctx context.Context) ([]models.ImplementationStep, error)
}

// implementationFile is implementation.csv's name.
const implementationFile = "implementation.csv"

func readImplementation(ctx context.Context, s Store) ([]models.ImplementationStep, error) {
	is, ok := s.(ImplementationStore)
	if !ok {
		return nil, nil
	}
	return is.AllImplementationSteps(ctx)
}

// implementationTable is what was carried out, in the columns of the Peace
// Accords Matrix's implementation data: what (a provision, or an event),
// year and score 0–3, with the date, evidence and sources beside them.
var implementationTable = table[models.ImplementationStep]{implementationFile,
	"What was carried out of a provision or an event, scored as the Peace Accords Matrix (PAM, Kroc Institute) scores implementation: one row per step, by date; " +
		"provision/event, year and score are PAM's columns (where a year has several steps, its last is the year's score, as PAM codes a year's end).",
	[]column[models.ImplementationStep]{
		col("id", "id", "The step's id.", func(s models.ImplementationStep) string { return id(s.ID) }),
		col("provision", "text", "The provision carried out, as <drafts.id>/<provisions.key>; empty for an event.", func(s models.ImplementationStep) string {
			if s.DraftID == 0 {
				return ""
			}
			return id(s.DraftID) + "/" + s.Key
		}),
		col("event", "text", "The event carried out, by its key; empty for a provision.", func(s models.ImplementationStep) string { return s.Event }),
		col("year", "integer", "The year of the step's date (PAM's year).", func(s models.ImplementationStep) string {
			if len(s.Date) < 4 {
				return ""
			}
			return s.Date[:4]
		}),
		enum("score", "How far it was carried out, on PAM's scale.", models.ImplementationScores, func(s models.ImplementationStep) string { return strconv.Itoa(s.Score) }),
		col("date", "date", "When the score was true.", func(s models.ImplementationStep) string { return s.Date }),
		col("evidence", "text", "What shows it, in one line.", func(s models.ImplementationStep) string { return s.Evidence }),
		col("sources", "text", "The sources it rests on (sources.key), joined by ';'.", func(s models.ImplementationStep) string {
			return strings.Join(models.SourceKeys(s.Sources), models.ListSeparator)
		}),
	}}
