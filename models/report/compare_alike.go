package report

import "plantracker/models"

// A comparison's brief without loading what it leaves out. Between two
// long drafts most keys are unchanged (three in four between the bench's
// two 1,000-provision drafts), and the brief lists them by key and labels
// alone (Brief); yet reading their rows in full, and comparing them field
// by field, was most of a comparison's time. The store finds, in SQL, the
// keys whose two rows are alike in every column the comparison reads,
// their party links included (store/compare_alike.go), and reads only
// what places and labels such a key's row.

// AlikeKey is a key whose provisions in two drafts are alike in every
// field a comparison reads: unchanged, with nothing to list. It carries
// only what places and labels its row (as the later draft has them, which
// is as the earlier has them), and the translations for a brief in a
// language other than the main one.
type AlikeKey struct {
	FromID, ToID                      int64 // the key's provision in the draft given first, and in the other
	Key, Point, Category, Kind, Title string
	Translations                      []models.Translation
}

// BriefInOrder is CompareInOrder(a, b, l).Brief(), read in language
// (InLanguage), for drafts whose alike keys were left out of their
// provisions and are given apart (alike): those are listed unchanged
// without being compared. The rows of the other keys are compared and
// given as Brief gives them.
func BriefInOrder(a, b DraftProvisions, alike []AlikeKey, l Lineage, language string) Comparison {
	swapped := ReadingOrder(a.Draft, b.Draft, l) > 0
	if swapped {
		a, b = b, a
	}
	a, b = InLanguage(a, b, language)
	out := Comparison{From: NewDraftRef(a.Draft), To: NewDraftRef(b.Draft), Swapped: swapped}
	pairs := pairsInOrder(provInfos(a.Provisions, nil), provInfos(b.Provisions, nil), alike)
	compared := make([]provPair, 0, len(pairs)-len(alike))
	for _, p := range pairs {
		if p.alike == nil {
			compared = append(compared, p)
		}
	}
	rows := buildRows(compared, newRowContext(out, a, b))
	out.Rows = make([]ComparisonRow, 0, len(rows))
	out.Unchanged = make([]UnchangedRow, 0, len(alike))
	next := 0
	for _, p := range pairs {
		if p.alike == nil {
			row := &rows[next]
			next++
			out.Counts.add(row)
			if row.Status == StatusUnchanged {
				out.Unchanged = append(out.Unchanged, unchangedRow(row))
			} else {
				out.Rows = append(out.Rows, *row)
			}
			continue
		}
		k := p.alike
		labels := keyLabelsOf(p.place)
		if t, ok := models.TranslationIn(k.Translations, language); ok && language != models.MainLanguage {
			labels.Title = t.Title // both have the words in language: they are alike
		}
		u := UnchangedRow{Key: k.Key, KeyLabels: labels, FromID: k.FromID, ToID: k.ToID,
			Changes: noChanges, SourcingChanges: noChanges}
		if swapped {
			u.FromID, u.ToID = k.ToID, k.FromID
		}
		out.Unchanged = append(out.Unchanged, u)
		out.Counts.Total++
		out.Counts.Unchanged++
	}
	out.Sources = out.sourcesShown()
	return out
}
