package ui

import (
	"plantracker/models"
)

// provisionView is a provision as the draft and provision pages show it:
// its terms formatted by the kind registry, its parties with their names.
type provisionView struct {
	models.Provision
	KindLabel string
	Headline  string
	Terms     []models.TermLine
	Parties   []partyLinkView
	// Citation is the provision's sources on one line.
	Citation string
	// Mismatches flag terms the wording contradicts ("wording still says
	// 600,000"); checked on the provision alone.
	Mismatches []models.Mismatch
}

// partyLinkView is a party's part in a provision, with the party's name.
type partyLinkView struct {
	models.ProvisionParty
	Name string
}

func newProvisionView(p models.Provision, names map[string]string) provisionView {
	v := provisionView{Provision: p, KindLabel: kindLabel(p.Kind), Headline: p.Headline(), Terms: p.TermLines(),
		Citation: p.CitationText(), Mismatches: models.WordingMismatches(p, nil, nil)}
	for _, pp := range p.Parties {
		name := names[pp.Party]
		if name == "" {
			name = pp.Party
		}
		v.Parties = append(v.Parties, partyLinkView{ProvisionParty: pp, Name: name})
	}
	return v
}

// provisionGroup is the provisions of one category.
type provisionGroup struct {
	Category   string
	Label      string
	Provisions []provisionView
}

// groupByCategory groups provisions by category, in the categories' order
// (unknown ones last), keeping the store's order within each.
func groupByCategory(ps []models.Provision, names map[string]string) []provisionGroup {
	byCat := map[string][]provisionView{}
	var unknown []string
	for _, p := range ps {
		if _, seen := byCat[p.Category]; !seen && !models.Categories.Has(p.Category) {
			unknown = append(unknown, p.Category)
		}
		byCat[p.Category] = append(byCat[p.Category], newProvisionView(p, names))
	}
	var out []provisionGroup
	for _, cat := range append(models.Categories.Values(), unknown...) {
		if list := byCat[cat]; len(list) > 0 {
			out = append(out, provisionGroup{Category: cat, Label: models.Categories.Label(cat), Provisions: list})
		}
	}
	return out
}
