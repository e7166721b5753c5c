package ui

import (
	"cmp"
	"context"

	"plantracker/models"
	"plantracker/ui/form"
)

// What the forms of drafts, provisions, events and stances choose from:
// the parties and the sources, and the rows that cite sources.

// partiesAndSources loads the parties and the sources a form offers.
func (u *UI) partiesAndSources(ctx context.Context) ([]models.Party, []models.Source, error) {
	parties, err := u.store.Parties(ctx)
	if err != nil {
		return nil, nil, err
	}
	sources, err := u.store.Sources(ctx)
	return parties, sources, err
}

// sourceRowViews are a form's citations as typed, then blank rows
// (emptySourceRows) to add more without JavaScript.
func sourceRowViews(s *fieldSet, typed []form.SourceRow, sources []models.Source) []sourceRowView {
	rows := append([]form.SourceRow(nil), typed...)
	for range emptySourceRows {
		rows = append(rows, form.SourceRow{Sourcing: "reported"})
	}
	views := make([]sourceRowView, len(rows))
	for i, r := range rows {
		views[i] = sourceRow(s, i, r, sources)
	}
	return views
}

// checkboxField is a choice of several from terms, those chosen first in
// their order (a checked box posts in document order, so an unchanged
// form keeps the order, and a value no term has stays visible).
func checkboxField(s *fieldSet, name, label string, chosen []string, terms []models.Term) fieldView {
	v := s.field(name, label, "multiselect", "")
	labels := map[string]string{}
	for _, t := range terms {
		labels[t.Value] = t.Label
	}
	seen := map[string]bool{}
	for _, p := range chosen {
		if p == "" || seen[p] {
			continue
		}
		seen[p] = true
		v.Options = append(v.Options, optionView{Value: p, Label: cmp.Or(labels[p], p), Selected: true})
	}
	for _, t := range terms {
		if !seen[t.Value] {
			v.Options = append(v.Options, optionView{Value: t.Value, Label: t.Label})
		}
	}
	return v
}
