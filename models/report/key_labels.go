package report

import "plantracker/models"

// KeyLabels are what a comparison or matrix row shows of its provision key:
// the category, kind, point and title of the provision the row is drawn
// from, with the category's and the kind's human labels. Embedded in a row,
// its fields are the row's own, in JSON too.
type KeyLabels struct {
	Category      string `json:"category"`
	CategoryLabel string `json:"category_label"`
	Kind          string `json:"kind"`
	KindLabel     string `json:"kind_label"`
	Point         string `json:"point,omitempty"`
	Title         string `json:"title"`
}

func keyLabelsOf(p *models.Provision) KeyLabels {
	return KeyLabels{Category: p.Category, CategoryLabel: models.Categories.Label(p.Category),
		Kind: p.Kind, KindLabel: kindLabel(p.Kind), Point: p.Point, Title: p.Title}
}
