package store

import (
	"encoding/json"
	"strings"

	jsonv2 "github.com/go-json-experiment/json"

	"plantracker/models"
)

// Times are given out in UTC: PostgreSQL's driver answers in the local
// time zone, SQLite's in UTC.

// stamps gives a row's version and times as an entity carries them.
func (c StampColumns) stamps() models.RowStamps {
	return models.RowStamps{Version: c.Version, CreatedAt: c.CreatedAt.UTC(), UpdatedAt: c.UpdatedAt.UTC()}
}

func (r partyRecord) model() models.Party {
	return models.Party{ID: r.ID, Name: r.Name, ShortName: r.ShortName, Type: r.Type,
		RowStamps: r.stamps()}
}

func (r planRecord) model(origin string) models.Plan {
	return models.Plan{ID: r.ID, Title: r.Title, Origin: origin, Description: r.Description,
		RowStamps: r.stamps()}
}

func (r draftRecord) model(signatories []string) models.Draft {
	return models.Draft{ID: r.ID, PlanID: r.PlanID, Number: r.Number, Label: r.Label, Date: r.Date,
		Status: r.Status, Coverage: r.Coverage, Stage: r.Stage, Standing: r.Standing, Description: r.Description, ForkedFromID: r.ForkedFromID,
		Signatories: listOf(signatories), Sources: citationsOf(r.Sources),
		RowStamps: r.stamps()}
}

func (r provisionRecord) model(parties []models.ProvisionParty) models.Provision {
	return models.Provision{ID: r.ID, DraftID: r.DraftID, Key: r.Key, Point: r.Point,
		Category: r.Category, Kind: r.Kind, Title: r.Title, Text: r.Text,
		OriginalLanguage: r.OriginalLanguage, Translations: translationsOf(r.Translations),
		Terms: json.RawMessage(r.Terms), Status: r.Status, Sourcing: r.Sourcing,
		Sources: citationsOf(r.Sources), Parties: listOf(parties),
		RowStamps: r.stamps()}
}

// provisionRecordOf maps a validated provision onto its row.
func provisionRecordOf(p models.Provision) provisionRecord {
	return provisionRecord{ID: p.ID, DraftID: p.DraftID, Key: p.Key, Point: p.Point,
		SortKey: p.SortKey(), Category: p.Category, Kind: p.Kind, Title: p.Title, Text: p.Text,
		Terms: string(p.Terms), Status: p.Status, Sourcing: p.Sourcing, Sources: citationsJSON(p.Sources),
		OriginalLanguage: p.OriginalLanguage, Translations: translationsJSON(p.Translations),
		TranslationWords: translationWords(p.Translations),
		StampColumns:     StampColumns(p.RowStamps)}
}

// listOf is the list, or an empty one for none: models give lists out as
// [] in JSON, never null.
func listOf[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

// partyRecordOf maps a validated party onto its row.
func partyRecordOf(p models.Party) partyRecord {
	return partyRecord{ID: p.ID, Name: p.Name, ShortName: p.ShortName, Type: p.Type,
		StampColumns: StampColumns(p.RowStamps)}
}

// planRecordOf maps a validated plan onto its row; origin is its origin
// party's id (nil for none).
func planRecordOf(p models.Plan, origin *int64) planRecord {
	return planRecord{ID: p.ID, Title: p.Title, OriginID: origin, Description: p.Description,
		StampColumns: StampColumns(p.RowStamps)}
}

// draftRecordOf maps a validated draft onto its row.
func draftRecordOf(d models.Draft) draftRecord {
	return draftRecord{ID: d.ID, PlanID: d.PlanID, Number: d.Number, Label: d.Label, Date: d.Date,
		Status: d.Status, Coverage: d.Coverage, Stage: d.Stage, Standing: d.Standing, Description: d.Description,
		Sources: citationsJSON(d.Sources), ForkedFromID: d.ForkedFromID, StampColumns: StampColumns(d.RowStamps)}
}

// citationsOf reads a JSON list of citations as this package wrote it.
func citationsOf(s string) []models.Citation {
	out := []models.Citation{}
	if s == "" || s == "[]" {
		// Most stances cite nothing: no decoder for them (a comparison of
		// two 1,000-provision drafts spent a sixth of its loading here).
		return out
	}
	// written by citationsJSON, always a JSON list. JSON v2 decodes it in
	// about half encoding/json's time, which a 1,000-provision draft's
	// loading spent a quarter of its time in.
	_ = jsonv2.Unmarshal([]byte(s), &out)
	return out
}

// citationsJSON is how citations are stored: without their Reference,
// which is the source's and read from it.
func citationsJSON(cs []models.Citation) string {
	return mustJSON(models.WithoutReferences(cs))
}

// translationsOf reads a JSON list of translations as translationsJSON
// wrote it.
func translationsOf(s string) []models.Translation {
	out := []models.Translation{}
	if s == "" || s == "[]" {
		return out
	}
	_ = jsonv2.Unmarshal([]byte(s), &out)
	for i := range out {
		out[i].Sources = models.CitationsOf(out[i].Sources)
	}
	return out
}

// translationsJSON is how translations are stored: their citations as
// citationsJSON stores them.
func translationsJSON(ts []models.Translation) string {
	stored := make([]models.Translation, len(ts))
	for i, t := range ts {
		t.Sources = models.WithoutReferences(t.Sources)
		stored[i] = t
	}
	return mustJSON(stored)
}

// quoteTranslationsOf reads a source's JSON list of its quote's
// translations; a row written before there were any holds none.
func quoteTranslationsOf(s string) []models.QuoteTranslation {
	out := []models.QuoteTranslation{}
	if s != "" && s != "[]" {
		_ = jsonv2.Unmarshal([]byte(s), &out)
	}
	return out
}

// translationWords are the titles and texts of translations, one to a
// line: the full-text index reads this copy of them, not the JSON, whose
// member names and citations would be found as words.
func translationWords(ts []models.Translation) string {
	var b strings.Builder
	for _, t := range ts {
		b.WriteString(t.Title + "\n" + t.Text + "\n")
	}
	return b.String()
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only domain types, which always encode
	}
	return string(b)
}
