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

// sourcesField is a form's sources fieldset: a row for each source cited,
// then blank ones; the error of the citations as a whole; and the help
// under the rows (a catalog key), which goes on to offer adding a source
// the list lacks unless OfferNew is false.
type sourcesField struct {
	Rows     []sourceRowView
	Err      string
	Help     string
	OfferNew bool
}

// sources is the sources fieldset of the rows typed, each choosing among
// sources, with the help (a catalog key) under them.
func (s *fieldSet) sources(typed []form.SourceRow, sources []models.Source, help string) sourcesField {
	return sourcesField{Rows: sourceRowViews(s, typed, sources), Err: s.errs.For("sources"), Help: help, OfferNew: true}
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
