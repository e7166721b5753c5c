package report

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"plantracker/models"
	"plantracker/models/worddiff"
)

// A generated data set for the benchmarks: drafts of mixed kinds with valid
// canonical terms, Latin and Cyrillic wording of 30–80 words, and later
// drafts in which about a fifth of the provisions change (terms, wording,
// parties, status, sometimes the kind) and a few are added or removed.

var (
	benchParties = []string{"UA", "RU", "US", "EU", "NATO", "UK", "FR", "DE", "PL", "TR", "IAEA", "CN"}
	latinWords   = strings.Fields(`the parties agree that all forces shall withdraw from the line of contact
		within days after signing this agreement security guarantees for Ukraine Russia Europe and the United
		States a monitoring mission will oversee implementation sanctions are lifted in stages reconstruction
		fund frozen assets nuclear plant Zaporizhzhia under IAEA supervision elections held humanitarian
		exchange of prisoners all for all civilians children returned amnesty no claims`)
	cyrillicWords = strings.Fields(`сторони погоджуються що всі війська мають відійти від лінії зіткнення
		протягом днів після підписання цієї угоди гарантії безпеки для України Росії Європи та Сполучених
		Штатів моніторингова місія наглядатиме за виконанням санкції скасовуються поетапно фонд відбудови
		заморожені активи Запорізька АЕС під наглядом МАГАТЕ вибори обмін полоненими всіх на всіх цивільні
		діти повертаються амністія п'ять м’який`)
)

type gen struct{ rng *rand.Rand }

func (g gen) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func (g gen) parties(min, max int) []string {
	n := min + g.rng.IntN(max-min+1)
	perm := g.rng.Perm(len(benchParties))
	out := make([]string, n)
	for i := range out {
		out[i] = benchParties[perm[i]]
	}
	return out
}

// text is 30–80 words of Latin or Cyrillic wording with some punctuation.
func (g gen) text() string {
	words := latinWords
	if g.rng.IntN(2) == 0 {
		words = cyrillicWords
	}
	n := 30 + g.rng.IntN(51)
	var b strings.Builder
	for i := range n {
		if i > 0 {
			if g.rng.IntN(12) == 0 {
				b.WriteByte(',')
			}
			b.WriteByte(' ')
		}
		b.WriteString(g.pick(words))
	}
	b.WriteByte('.')
	return b.String()
}

// editText replaces, inserts or deletes a few words.
func (g gen) editText(s string) string {
	words := strings.Split(s, " ")
	for range 1 + g.rng.IntN(3) {
		i := g.rng.IntN(len(words))
		switch g.rng.IntN(3) {
		case 0:
			words[i] = g.pick(cyrillicWords)
		case 1:
			words = append(words[:i], append([]string{g.pick(latinWords)}, words[i:]...)...)
		default:
			if len(words) > 2 {
				words = append(words[:i], words[i+1:]...)
			}
		}
	}
	return strings.Join(words, " ")
}

var benchKinds = []string{"troop_cap", "security_guarantee", "territorial", "sanctions", "assets", "elections",
	"nuclear_facility", "humanitarian", "ceasefire", "demilitarized_zone", "alliance_membership", "other"}

// terms returns valid terms of kind.
func (g gen) terms(kind string) map[string]any {
	yes := func() any { return g.rng.IntN(2) == 0 }
	switch kind {
	case "troop_cap":
		return map[string]any{"party": g.pick(benchParties), "limit": 100000 * (1 + g.rng.IntN(9)), "peacetime_only": yes()}
	case "security_guarantee":
		return map[string]any{"model": g.pick([]string{"article5_like", "bilateral_commitment", "reassurance_force"}),
			"guarantors": g.parties(1, 5), "duration_years": 1 + g.rng.IntN(30), "renewable": yes()}
	case "territorial":
		return map[string]any{"region": g.pick([]string{"Donetsk", "Luhansk", "Crimea", "Kherson", "Запоріжжя"}),
			"disposition":   g.pick([]string{"ceded", "recognized_de_facto", "frozen_at_line_of_contact", "negotiable"}),
			"recognized_by": g.parties(0, 3)}
	case "sanctions":
		return map[string]any{"target": "RU", "action": g.pick([]string{"lifted", "lifted_in_stages", "maintained", "snapback"}),
			"conditions": "if the ceasefire holds for " + fmt.Sprint(g.rng.IntN(300)) + " days"}
	case "assets":
		return map[string]any{"owner": "RU", "amount_usd_bn": float64(g.rng.IntN(3000)) / 10,
			"disposition": g.pick([]string{"reconstruction_vehicle", "joint_vehicle", "remain_frozen"}), "profit_share_pct": 50}
	case "elections":
		return map[string]any{"country": "UA", "within_days": 30 + g.rng.IntN(300)}
	case "nuclear_facility":
		return map[string]any{"facility": "Zaporizhzhia NPP", "management": g.pick([]string{"iaea_supervised", "joint", "national"}),
			"supervised_by": g.parties(1, 2), "output_split": "50/50"}
	case "humanitarian":
		return map[string]any{"measure": g.pick([]string{"prisoner_exchange", "civilian_return"}), "scope": "all_for_all", "includes_children": yes()}
	case "ceasefire":
		return map[string]any{"trigger": "on signature", "monitored_by": g.parties(0, 3), "minimum_days": 1 + g.rng.IntN(100)}
	case "demilitarized_zone":
		return map[string]any{"area": "Donetsk oblast west of the line", "excluded_forces": g.parties(1, 2), "width_km": float64(g.rng.IntN(500)) / 10}
	case "alliance_membership":
		return map[string]any{"alliance": "NATO", "candidate": "UA", "membership": g.pick([]string{"renounced", "barred", "open"})}
	default:
		return map[string]any{"parties": g.parties(0, 4)}
	}
}

func (g gen) provision(tb testing.TB, key string, point int) models.Provision {
	kind := g.pick(benchKinds)
	p := models.Provision{Key: key, Kind: kind, Title: "Provision " + key, Text: g.text(),
		Sourcing: g.pick([]string{"reported", "official-text", "unconfirmed"}), Sources: cite("Axios, 20 Nov 2025, " + key[:len(key)-1])}
	if point > 0 {
		p.Point = fmt.Sprint(point % 1000)
	}
	p.Terms = mustJSON(tb, g.terms(kind))
	for i, party := range g.parties(1, 3) {
		pp := models.ProvisionParty{Party: party, Role: models.Roles[i%len(models.Roles)].Value, Stance: g.pick(models.Stances.Values())}
		if pp.Stance != "unknown" {
			pp.StanceSources = cite("Generated stance source")
		}
		p.Parties = append(p.Parties, pp)
	}
	mustValidate(tb, &p)
	return p
}

// mutate returns a later version of p with one to three things changed.
func (g gen) mutate(tb testing.TB, p models.Provision) models.Provision {
	p.Parties = append([]models.ProvisionParty(nil), p.Parties...)
	for range 1 + g.rng.IntN(3) {
		switch g.rng.IntN(10) {
		case 0, 1, 2:
			p.Terms = mustJSON(tb, g.terms(p.Kind))
		case 3, 4, 5:
			p.Text = g.editText(p.Text)
		case 6:
			p.Parties[0].Stance = g.pick(models.Stances.Values())
		case 7:
			p.Status = g.pick(models.ProvisionStatuses.Values())
		case 8:
			isTR := func(pp models.ProvisionParty) bool { return pp.Party == "TR" && pp.Role == "monitor" }
			if slices.ContainsFunc(p.Parties, isTR) {
				p.Parties = slices.DeleteFunc(p.Parties, isTR)
			} else {
				p.Parties = append(p.Parties, models.ProvisionParty{Party: "TR", Role: "monitor", Stance: "supports", StanceSources: cite("Generated stance source")})
			}
		default:
			if g.rng.IntN(4) == 0 {
				p.Kind, p.Category = g.pick(benchKinds), ""
				p.Terms = mustJSON(tb, g.terms(p.Kind))
			} else {
				p.Title += " (revised)"
			}
		}
	}
	mustValidate(tb, &p)
	return p
}

func mustJSON(tb testing.TB, v any) json.RawMessage {
	raw, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return raw
}

func mustValidate(tb testing.TB, p *models.Provision) {
	for i := range p.Parties { // a stance revised to a known one names its source
		if pp := &p.Parties[i]; pp.Stance != "unknown" && len(pp.StanceSources) == 0 {
			pp.StanceSources = cite("Generated stance source")
		}
	}
	if err := p.Validate(); err != nil {
		tb.Fatalf("generated provision %s is invalid: %v", p.Key, err)
	}
}

// genDraft is n new provisions.
func genDraft(tb testing.TB, g gen, id int64, n int) DraftProvisions {
	d := DraftProvisions{Draft: models.Draft{ID: id, PlanID: 1, Number: int(id), Label: "generated", Status: "working",
		Sources: cite("generated source")}}
	for i := range n {
		point := i + 1
		if g.rng.IntN(20) == 0 {
			point = 0
		}
		p := g.provision(tb, fmt.Sprintf("p-%06d", i), point)
		p.ID = id*10_000_000 + int64(i)
		d.Provisions = append(d.Provisions, p)
	}
	return d
}

// nextDraft derives a later draft: ~20% of provisions changed, ~2% removed,
// ~2% added.
func nextDraft(tb testing.TB, g gen, prev DraftProvisions, id int64) DraftProvisions {
	d := DraftProvisions{Draft: prev.Draft}
	d.Draft.ID, d.Draft.Number = id, int(id)
	for _, p := range prev.Provisions {
		switch r := g.rng.IntN(100); {
		case r < 2: // removed
		case r < 22:
			q := g.mutate(tb, p)
			q.ID = p.ID + 1_000_000
			d.Provisions = append(d.Provisions, q)
		default:
			p.ID += 1_000_000
			d.Provisions = append(d.Provisions, p)
		}
	}
	for i := range len(prev.Provisions) / 50 {
		d.Provisions = append(d.Provisions, g.provision(tb, fmt.Sprintf("n%d-%06d", id, i), 0))
	}
	return d
}

var (
	benchOnce    sync.Once
	benchFrom    DraftProvisions
	benchTo      DraftProvisions
	benchColumns []DraftProvisions
)

func benchData(tb testing.TB) {
	benchOnce.Do(func() {
		g := gen{rand.New(rand.NewPCG(2025, 11))}
		benchFrom = genDraft(tb, g, 1, 10_000)
		benchTo = nextDraft(tb, g, benchFrom, 2)
		benchColumns = []DraftProvisions{genDraft(tb, g, 1, 1_000)}
		for i := 1; i < 20; i++ {
			benchColumns = append(benchColumns, nextDraft(tb, g, benchColumns[i-1], int64(i+1)))
		}
	})
}

func TestGeneratedDataIsRealistic(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 40,000 provisions")
	}
	benchData(t)
	c := Compare(benchFrom, benchTo)
	if pct := 100 * c.Counts.Changed / c.Counts.Total; pct < 15 || pct > 25 {
		t.Errorf("%d%% of provisions changed, want about 20%%: %+v", pct, c.Counts)
	}
	if c.Counts.Added < 100 || c.Counts.Removed < 100 {
		t.Errorf("too few added or removed keys: %+v", c.Counts)
	}
	// The fast term reader must say exactly what TermLines and Headline say.
	for _, d := range append([]DraftProvisions{benchFrom, benchTo}, benchColumns...) {
		for i := range d.Provisions {
			checkProvInfo(t, &d.Provisions[i])
		}
	}
}

func BenchmarkCompare10000(b *testing.B) {
	benchData(b)
	b.ReportAllocs()
	for b.Loop() {
		Compare(benchFrom, benchTo)
	}
}

func BenchmarkMatrix20x1000(b *testing.B) {
	benchData(b)
	b.ReportAllocs()
	for b.Loop() {
		NewMatrix(benchColumns, nil)
	}
}

func BenchmarkSummarize1000(b *testing.B) {
	benchData(b)
	d := benchColumns[0]
	b.ReportAllocs()
	for b.Loop() {
		Summarize(models.Plan{ID: 1, Title: "Generated"}, d.Draft, d.Provisions, nil)
	}
}

func BenchmarkWordDiff80Words(b *testing.B) {
	g := gen{rand.New(rand.NewPCG(7, 7))}
	before := g.text()
	for len(strings.Fields(before)) < 70 {
		before = g.text()
	}
	after := g.editText(before)
	b.ReportAllocs()
	for b.Loop() {
		worddiff.Diff(before, after)
	}
}
