package parse

import (
	"strings"
	"testing"
	"unicode/utf8"

	"plantracker/models"
)

// Issue 22, item 7: what a draft made from text proposes is saved as data.

// A long first sentence is cut at a word boundary, with no ellipsis
// saved into the title.
func TestProposedTitleHasNoEllipsis(t *testing.T) {
	text := "1. Both parties agree that the humanitarian committee established under this agreement shall meet regularly in Geneva with representatives of the Red Cross."
	res := Text(text, Options{Parties: seedParties(t)})
	title := res.Points[0].Title
	if strings.ContainsAny(title, "…") || utf8.RuneCountInString(title) > 90 {
		t.Errorf("title %q", title)
	}
	if !strings.HasPrefix(res.Points[0].Text, title) || !strings.Contains(res.Points[0].Text, title+" ") {
		t.Errorf("title %q is not cut at a word boundary of %q", title, res.Points[0].Text)
	}
}

// "will not join NATO for 15 years" keeps its 15 years.
func TestMembershipMoratoriumYears(t *testing.T) {
	res := Text("1. Ukraine will not join NATO for 15 years.", Options{Parties: seedParties(t)})
	v := models.TermValues(res.Points[0].Terms)
	if res.Points[0].Kind != "alliance_membership" || string(v["moratorium_years"]) != "15" {
		t.Errorf("%s %s", res.Points[0].Kind, res.Points[0].Terms)
	}
}

// A point matched to a base key takes that key's kind, unless its words
// clearly say otherwise; the review says which.
func TestMatchedPointTakesItsBaseKind(t *testing.T) {
	base := seedDraft(t, "US peace framework", "28-point draft")
	var assets []models.Provision
	for _, b := range base {
		if b.Key == "frozen-assets" {
			assets = append(assets, b)
		}
	}
	if len(assets) != 1 || assets[0].Kind != "assets" {
		t.Fatalf("the seed's frozen-assets: %+v", assets)
	}
	text := "14. Reconstruction: frozen Russian assets go into a US-led reconstruction vehicle, and the reconstruction of Ukraine is financed from it."
	p := Text(text, Options{Parties: seedParties(t), Base: assets}).Points[0]
	if p.BaseProvision == nil || p.BaseProvision.Key != "frozen-assets" {
		t.Fatalf("not matched to frozen-assets: %+v", p)
	}
	if p.Kind != "assets" || p.Category != "economic" {
		t.Errorf("kind %s (%s), want the base key's assets: %v", p.Kind, p.Category, p.Notes)
	}
	if !strings.Contains(strings.Join(p.Notes, "; "), "as the base draft's frozen-assets") {
		t.Errorf("the review does not say why: %v", p.Notes)
	}
}
