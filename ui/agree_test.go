package ui_test

import (
	"strings"
	"testing"
)

// The pages of who agrees: a party's page with its positions checked, a
// draft's stance map with its filter and exports, the gaps of a key, and
// the implementation steps on a timeline.
func TestAgreePages(t *testing.T) {
	a := newApp(t)
	d28, d20 := id(seeded.draft28), id(seeded.draft20)
	tests := []struct {
		name       string
		path       string
		wantStatus int
		want       []string
		wantNot    []string
	}{
		{"a party's page", "/parties/UA", 200, []string{"Ukraine", "Stated positions", `href="/gaps/troop-cap"`,
			"crosses UA&#39;s stated position: limit 600,000 people, asked ≥ 800,000", "meets UA&#39;s stated position: limit 800,000 people",
			"Binds it", `data-key="troop-cap" data-relation="binds"`, "Guarantees its security"}, nil},
		{"a party's stances on drafts as a whole", "/parties/RU", 200, []string{"Stances on drafts as a whole",
			`<a href="/drafts/` + id(seeded.e3) + `">v1 E3 counter-proposal</a>`, "<strong>Rejects</strong>"}, nil},
		{"a party by id goes to its short name", "/parties/" + id(seeded.partyUA), 301, nil, nil},
		{"an unknown party", "/parties/ZZ", 404, nil, nil},
		{"the parties link their pages", "/parties", 200, []string{`href="/parties/UA"`}, nil},
		{"the draft links its stance map", "/drafts/" + d28, 200, []string{`href="/drafts/` + d28 + `/stances"`, `href="/parties/UA"`}, nil},
		{"a stance map", "/drafts/" + d28 + "/stances", 200, []string{`id="stance-map"`, `data-key="troop-cap"`, `<th scope="col"><a href="/parties/UA">UA</a></th>`,
			"not recorded", `href="/drafts/` + d28 + `/stances.csv"`}, nil},
		{"a stance map filtered", "/drafts/" + d28 + "/stances?category=territory&party=RU", 200,
			[]string{`<option value="territory" selected>`, `<option value="RU" selected>`, `href="/drafts/` + d28 + `/stances.csv?category=territory&amp;party=RU"`},
			[]string{`data-key="troop-cap"`, `<th scope="col"><a href="/parties/UA">`}},
		{"a stance map of an unknown draft", "/drafts/9999/stances", 404, nil, nil},
		{"the stance map as CSV", "/drafts/" + d28 + "/stances.csv", 200, []string{"draft,point,key,title,category,party,roles,stance,stance_date,sources", "troop-cap"}, nil},
		{"the stance map as Markdown", "/drafts/" + d20 + "/stances.md", 200, []string{"# Stances: US peace framework v3 20-point framework", "| Point | Provision |"}, nil},
		{"gaps of the troop cap", "/gaps/troop-cap", 200, []string{"Who asked what on", "UA</strong></a>: limit ≥ 800,000", "20-point framework", "Meets"}, nil},
		{"gaps of the guarantee's term", "/gaps/guarantee-term", 200, []string{"duration_years ≥ 30", "Crosses", "15 years"}, nil},
		{"gaps of an unknown key", "/gaps/no-such-key", 404, nil, nil},
		{"the timeline links the gaps", "/timeline/troop-cap", 200, []string{`href="/gaps/troop-cap"`}, nil},
		{"a provision's page checks it against the positions on its key", "/provisions/" + id(seeded.troopCap28), 200,
			[]string{"Stated positions on this key", `href="/parties/UA#position-1"`, "crosses UA&#39;s stated position"}, nil},
		{"a party's page cites inline", "/parties/UA", 200, []string{"Ukrinform, 24 Dec 2025"}, []string{`<ul class="citations">`}},
		{"the home page names seeded positions' changes", "/", 200, []string{"RU: zaporizhzhia-npp", `href="/parties/RU#position-5"`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := a.get(tt.path)
			if res.StatusCode != tt.wantStatus {
				t.Fatalf("status %d, want %d\n%.2000s", res.StatusCode, tt.wantStatus, body)
			}
			checkContains(t, "body", body, tt.want...)
			for _, w := range tt.wantNot {
				if strings.Contains(body, w) {
					t.Errorf("body has %q", w)
				}
			}
		})
	}
}
