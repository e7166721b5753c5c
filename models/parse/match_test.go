package parse

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"plantracker/models"
)

func baseProvision(id int64, key, kind, point, title, terms string) models.Provision {
	k, _ := models.KindByName(kind)
	return models.Provision{ID: id, Key: key, Kind: kind, Category: k.Category, Point: point, Title: title, Text: title + ".", Terms: json.RawMessage(terms)}
}

func TestMatchBase(t *testing.T) {
	base := []models.Provision{
		baseProvision(1, "crimea", "territorial", "21", "Crimea recognised de facto as Russian", `{"region":"Crimea","disposition":"recognized_de_facto"}`),
		baseProvision(2, "donbas", "territorial", "21", "Luhansk and Donetsk recognised de facto as Russian", `{"region":"Donetsk and Luhansk","disposition":"recognized_de_facto"}`),
		baseProvision(3, "troop-cap", "troop_cap", "6", "Cap on the Armed Forces of Ukraine", `{"party":"UA","limit":600000}`),
		baseProvision(4, "g8", "other", "11–13", "Russia back in the G8", `{}`),
	}
	text := strings.Join([]string{
		"1. Donetsk and Luhansk are recognised de facto as Russian.",
		"2. The Armed Forces of Ukraine are capped at 800,000.",
		"3. The navy of Ukraine is capped at 20,000 sailors.",
		"4. Russia returns to the G8.",
		"5. Crimea is recognised de facto as Russian.",
		"6. A ceasefire takes effect on signing.",
	}, "\n")
	res := Text(text, Options{Parties: seedParties(t), Base: base})
	want := []struct {
		key  string
		base int64 // 0: none
	}{{"donbas", 2}, {"troop-cap", 3}, {"troop-cap-2", 0}, {"g8", 4}, {"crimea", 1}, {"ceasefire", 0}}
	if len(res.Points) != len(want) {
		t.Fatalf("%d points", len(res.Points))
	}
	for i, w := range want {
		p := res.Points[i]
		got := int64(0)
		if p.BaseProvision != nil {
			got = p.BaseProvision.ID
			if p.BaseProvision.Score <= 0 || p.BaseProvision.Score > 1 {
				t.Errorf("point %s: score %v", p.Point, p.BaseProvision.Score)
			}
		}
		if p.Key != w.key || got != w.base {
			t.Errorf("point %s: key %s, base %d; want %s, %d (%v)", p.Point, p.Key, got, w.key, w.base, p.Notes)
		}
	}
}

// Without a base, keys come from the subject or the kind, each once.
func TestKeysWithoutBase(t *testing.T) {
	text := "1. Crimea is recognised de facto as Russian.\n2. Kherson and Zaporizhzhia are frozen along the line of contact.\n" +
		"3. Ukraine holds elections within 100 days.\n4. Elections are held again after five years.\n5. The parties meet in spring."
	var keys []string
	for _, p := range Text(text, Options{Parties: seedParties(t)}).Points {
		keys = append(keys, p.Key)
		if !models.IsKey(p.Key) {
			t.Errorf("key %q is not a key", p.Key)
		}
		if p.BaseProvision != nil {
			t.Errorf("point %s matched %+v without a base", p.Point, p.BaseProvision)
		}
	}
	if got := strings.Join(keys, " "); got != "crimea kherson-zaporizhzhia elections elections-2 parties-meet-spring" {
		t.Errorf("keys %s", got)
	}
}

// The text of the seeded 28-point draft, one numbered point per
// provision, proposes every provision's own key: what the seed says is
// found again when the wording is the same.
func TestParseSeededDraftTextFindsItsKeys(t *testing.T) {
	base := seedDraft(t, "US peace framework", "28-point draft")
	var b strings.Builder
	for i, p := range base {
		text := p.Text
		if text == "" {
			text = p.Title
		}
		b.WriteString(strconv.Itoa(i+1) + ". " + strings.ReplaceAll(text, "\n", " ") + "\n")
	}
	res := Text(b.String(), Options{Parties: seedParties(t), Base: base})
	if len(res.Points) != len(base) {
		t.Fatalf("%d points for %d provisions", len(res.Points), len(base))
	}
	for i, p := range res.Points {
		if p.Key != base[i].Key {
			t.Errorf("point %s (%s): key %s, want %s", p.Point, base[i].Title, p.Key, base[i].Key)
		}
	}
}
