// Package gen fills a store with generated data, for benchmarks and load
// tests: N plans, each of M drafts, each of K provisions. The first draft
// of a plan is new; every later one is forked from the one before, keeps
// its keys (a fifth of the provisions revised, a few dropped and replaced)
// and so has exactly K provisions too. Provisions are of every kind (a
// draft of at least as many provisions as there are kinds has each one),
// with valid typed terms, party links, and wording in English or Ukrainian.
// The same seed gives the same data.
//
//	plantracker gen -plans 10 -drafts 100 -provisions 100 -seed 1
//
// Everything goes through the store's public API, so it is validated as
// any client's data is; provisions go in batches through CreateProvisions,
// which makes 100,000 of them a matter of seconds.
package gen

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"plantracker/models"
	"plantracker/seeds"
)

// Store is what generating needs of the store; *store.Store has it.
type Store interface {
	seeds.PartyStore
	seeds.SourceStore
	CreatePlan(ctx context.Context, actor string, p models.Plan) (models.Plan, error)
	CreateDraft(ctx context.Context, actor string, d models.Draft) (models.Draft, error)
	CreateProvisions(ctx context.Context, actor string, ps []models.Provision) ([]models.Provision, error)
}

// Config says how much to generate.
type Config struct {
	Plans      int    // plans
	Drafts     int    // drafts per plan
	Provisions int    // provisions per draft
	Seed       uint64 // the same seed gives the same data
	// Progress, when set, is called after each plan.
	Progress func(Result)
}

// Actor is who the audit trail says made the generated rows.
const Actor = "gen"

// Result counts what was added.
type Result struct {
	Parties, Plans, Drafts, Provisions int
}

func (r Result) String() string {
	return fmt.Sprintf("%d parties, %d plans, %d drafts, %d provisions", r.Parties, r.Plans, r.Drafts, r.Provisions)
}

// flushAt is how many provisions are written in one CreateProvisions call
// (one transaction).
const flushAt = 5000

// Generate adds the configured plans, drafts and provisions to s, with the
// parties they name (those missing from s).
func Generate(ctx context.Context, s Store, cfg Config) (Result, error) {
	var res Result
	if cfg.Plans < 0 || cfg.Drafts < 1 || cfg.Provisions < 1 || cfg.Drafts*cfg.Provisions > 10_000_000 {
		return res, fmt.Errorf("gen: need at least one draft of at least one provision per plan, not %d × %d", cfg.Drafts, cfg.Provisions)
	}
	g, err := sampler(cfg.Seed)
	if err != nil {
		return res, err
	}
	parties, err := allParties()
	if err != nil {
		return res, err
	}
	if res.Parties, err = seeds.AddParties(ctx, s, Actor, parties); err != nil {
		return res, fmt.Errorf("gen: %w", err)
	}
	if _, err := seeds.AddSources(ctx, s, Actor, generatedSources()); err != nil {
		return res, fmt.Errorf("gen: %w", err)
	}
	var pending []models.Provision
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		if _, err := s.CreateProvisions(ctx, Actor, pending); err != nil {
			return err
		}
		res.Provisions += len(pending)
		pending = pending[:0]
		return nil
	}
	for i := range cfg.Plans {
		plan, err := s.CreatePlan(ctx, Actor, g.plan(i))
		if err != nil {
			return res, fmt.Errorf("gen: plan %d: %w", i+1, err)
		}
		res.Plans++
		var prev models.Draft
		var provisions []models.Provision
		for d := range cfg.Drafts {
			draft := g.draft(plan, d, cfg.Drafts)
			if d > 0 {
				draft.ForkedFromID = &prev.ID
			}
			if prev, err = s.CreateDraft(ctx, Actor, draft); err != nil {
				return res, fmt.Errorf("gen: plan %d, draft %d: %w", i+1, d+1, err)
			}
			res.Drafts++
			if d == 0 {
				provisions, err = g.firstDraft(i, cfg.Provisions)
			} else {
				provisions, err = g.fork(provisions, d)
			}
			if err != nil {
				return res, err
			}
			for _, p := range provisions {
				p.DraftID = prev.ID
				pending = append(pending, p)
			}
			if len(pending) >= flushAt {
				if err := flush(); err != nil {
					return res, err
				}
			}
		}
		if err := flush(); err != nil {
			return res, err
		}
		if cfg.Progress != nil {
			cfg.Progress(res)
		}
	}
	return res, flush()
}

// Sample is n new provisions of every kind in turn, as the first draft of
// a generated plan has, naming the parties Generate adds: data for
// benchmarks that need no store.
func Sample(seed uint64, n int) ([]models.Provision, error) {
	g, err := sampler(seed)
	if err != nil {
		return nil, err
	}
	return g.firstDraft(0, n)
}

// SampledDraft is a draft and its provisions, as report.DraftProvisions
// holds them (one converts to the other).
type SampledDraft struct {
	Draft      models.Draft
	Provisions []models.Provision
}

// SampleDrafts is m drafts of n provisions each of plan 1, the first as
// Sample makes it and every later one forked from the one before as
// Generate forks them (a fifth revised, about 3% replaced by new keys):
// data for tests and benchmarks of what reads drafts (comparison,
// summary, export) that need no store. Draft d (from 1) has id and number
// d; its provisions have ids (d-1)×n+1 … d×n.
func SampleDrafts(seed uint64, m, n int) ([]SampledDraft, error) {
	g, err := sampler(seed)
	if err != nil {
		return nil, err
	}
	var prev []models.Provision
	out := make([]SampledDraft, m)
	for d := range m {
		if d == 0 {
			prev, err = g.firstDraft(0, n)
		} else {
			prev, err = g.fork(prev, d)
		}
		if err != nil {
			return nil, err
		}
		id := int64(d + 1)
		ps := slices.Clone(prev)
		for j := range ps {
			ps[j].ID, ps[j].DraftID, ps[j].Version = int64(d*n+j+1), id, 1
		}
		out[d] = SampledDraft{
			Draft: models.Draft{ID: id, PlanID: 1, Number: d + 1, Label: "generated draft", Date: "2025-11-20",
				Status: "working", Coverage: "complete", RowStamps: models.RowStamps{Version: 1}},
			Provisions: ps,
		}
	}
	return out, nil
}

// TB is what SampleDraftsAs needs of a test or benchmark (testing.TB).
type TB interface {
	Helper()
	Fatal(args ...any)
}

// SampleDraftsAs is SampleDrafts as a type of the same fields (such as
// report.DraftProvisions, which this package cannot name), failing tb on
// an error.
func SampleDraftsAs[D ~struct {
	Draft      models.Draft
	Provisions []models.Provision
}](tb TB, seed uint64, m, n int) []D {
	tb.Helper()
	drafts, err := SampleDrafts(seed, m, n)
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]D, m)
	for i, d := range drafts {
		out[i] = D(d)
	}
	return out
}

// sampler is a generator drawing from every party Generate adds (the seed
// data's and extraParties).
func sampler(seed uint64) (*generator, error) {
	g := newGenerator(seed)
	parties, err := allParties()
	if err != nil {
		return nil, err
	}
	for _, p := range parties {
		g.parties = append(g.parties, p.ShortName)
	}
	return g, nil
}

// generator holds the random source and what it draws from.
type generator struct {
	rng     *rand.Rand
	text    *texts
	parties []string // short names
	kinds   []*models.Kind
}

func newGenerator(seed uint64) *generator {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	return &generator{rng: rng, text: newTexts(rng), kinds: models.Kinds()}
}

// extraParties are added to the seed data's parties, so that terms and
// links draw from a realistic cast.
var extraParties = []models.PartyInput{
	{Name: "Türkiye", ShortName: "TR", Type: "state"},
	{Name: "China", ShortName: "CN", Type: "state"},
	{Name: "Hungary", ShortName: "HU", Type: "state"},
	{Name: "Slovakia", ShortName: "SK", Type: "state"},
	{Name: "Qatar", ShortName: "QA", Type: "state"},
	{Name: "Saudi Arabia", ShortName: "SA", Type: "state"},
	{Name: "Moldova", ShortName: "MD", Type: "state"},
	{Name: "Belarus", ShortName: "BY", Type: "state"},
	{Name: "United Nations", ShortName: "UN", Type: "organisation"},
	{Name: "Organization for Security and Co-operation in Europe", ShortName: "OSCE", Type: "organisation"},
	{Name: "International Committee of the Red Cross", ShortName: "ICRC", Type: "organisation"},
	{Name: "Коаліція охочих (Coalition of the willing)", ShortName: "COALITION", Type: "group"},
}

// generatedSources are the sources generated data cites: one per outlet,
// keyed by its place in outlets.
func generatedSources() []models.Source {
	out := make([]models.Source, len(outlets))
	for i, o := range outlets {
		out[i] = models.Source{Key: "generated-" + strconv.Itoa(i+1), Publisher: o, Title: "Generated report",
			Note: "Generated by plantracker gen for load tests; not a real publication."}
	}
	return out
}

// citation cites one of the generated sources, at locator.
func (g *generator) citation(locator string) models.Citation {
	return models.Citation{Source: "generated-" + strconv.Itoa(1+g.rng.IntN(len(outlets))), Sourcing: "reported", Locator: locator}
}

// allParties are the seed data's parties and extraParties.
func allParties() ([]models.Party, error) {
	data, err := seeds.Read()
	if err != nil {
		return nil, err
	}
	var out []models.Party
	for _, in := range append(append([]models.PartyInput(nil), data.Parties...), extraParties...) {
		out = append(out, in.Party())
	}
	return out, nil
}

func (g *generator) party() string { return g.parties[g.rng.IntN(len(g.parties))] }

// someParties is lo to hi distinct parties.
func (g *generator) someParties(lo, hi int) []string {
	n := lo + g.rng.IntN(hi-lo+1)
	out := make([]string, 0, n)
	for _, i := range g.rng.Perm(len(g.parties))[:n] {
		out = append(out, g.parties[i])
	}
	return out
}

func (g *generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

var tracks = []string{"Istanbul", "Geneva", "Riyadh", "Jeddah", "Abu Dhabi", "Doha", "Vatican", "Helsinki",
	"Київський", "Женевський", "Стамбульський"}

func (g *generator) plan(i int) models.Plan {
	return models.Plan{
		Title:       fmt.Sprintf("%s track %d", g.pick(tracks), i+1),
		Origin:      g.party(),
		Description: g.text.wording(g.text.ukrainian()),
	}
}

// draft is draft number d (from 0) of m; the last is being worked on, the
// earlier ones were superseded, now and then one was rejected.
func (g *generator) draft(plan models.Plan, d, m int) models.Draft {
	status := "superseded"
	switch {
	case d == m-1:
		status = "working"
	case d == m-2:
		status = "circulated"
	case g.rng.IntN(10) == 0:
		status = "rejected"
	}
	date := time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 7*d+g.rng.IntN(7))
	label := "Draft " + strconv.Itoa(d+1)
	if g.rng.IntN(3) == 0 {
		label = "Проєкт " + strconv.Itoa(d+1)
	}
	return models.Draft{
		PlanID: plan.ID, Label: label, Date: date.Format("2006-01-02"), Status: status, Coverage: "complete",
		Description: g.text.wording(g.text.ukrainian()),
		Sources:     []models.Citation{g.citation("")},
		Signatories: g.someParties(2, 5),
	}
}

var outlets = []string{"Axios", "The Telegraph", "AP", "Reuters", "Financial Times", "Інтерфакс-Україна", "Українська правда", "Kyiv Independent"}

// firstDraft is k new provisions, of every kind in turn. Keys are the
// kind's name, then numbered: troop-cap, troop-cap-2, …
func (g *generator) firstDraft(plan, k int) ([]models.Provision, error) {
	out := make([]models.Provision, 0, k)
	used := map[string]int{}
	for j := range k {
		kind := g.kinds[(j+plan)%len(g.kinds)]
		key := keyBase(kind)
		if used[key]++; used[key] > 1 {
			key += "-" + strconv.Itoa(used[key])
		}
		p, err := g.provision(kind, key, j)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

func keyBase(k *models.Kind) string { return strings.ReplaceAll(k.Name, "_", "-") }

// provision is a new provision of kind, at place j of its draft.
func (g *generator) provision(kind *models.Kind, key string, j int) (models.Provision, error) {
	ukr := g.text.ukrainian()
	terms, err := g.terms(kind, ukr)
	if err != nil {
		return models.Provision{}, err
	}
	p := models.Provision{
		Key: key, Point: g.point(j), Kind: kind.Name, Title: g.text.title(kind.Label, ukr),
		Text: g.text.wording(ukr), Terms: terms, Status: g.status(),
		Sourcing: g.pick(models.Sourcings.Values()),
		Sources:  []models.Citation{g.citation("point " + strconv.Itoa(j+1))},
		Parties:  g.links(),
	}
	return p, p.Validate()
}

// point is mostly the place in the draft; now and then a range, as
// reporting gives them, or none.
func (g *generator) point(j int) string {
	n := j%999 + 1
	switch r := g.rng.IntN(100); {
	case r < 3:
		return ""
	case r < 8 && n < 990:
		return strconv.Itoa(n) + "–" + strconv.Itoa(n+2)
	}
	return strconv.Itoa(n)
}

func (g *generator) status() string {
	switch r := g.rng.IntN(20); {
	case r < 12:
		return "proposed"
	case r < 16:
		return "agreed"
	case r < 19:
		return "disputed"
	}
	return "withdrawn"
}

// links are zero to three parties, each in one role.
func (g *generator) links() []models.ProvisionParty {
	roles, stances := models.Roles.Values(), models.Stances.Values()
	out := []models.ProvisionParty{}
	for i, party := range g.someParties(0, 3) {
		pp := models.ProvisionParty{Party: party, Role: roles[(i+g.rng.IntN(2))%len(roles)]}
		g.restate(&pp, g.pick(stances))
		out = append(out, pp)
	}
	return out
}

// restate gives a party link its stance, with a source where the stance is
// known (a stance must say where it was reported).
func (g *generator) restate(pp *models.ProvisionParty, stance string) {
	pp.Stance, pp.StanceSources = stance, nil
	if stance != "unknown" {
		pp.StanceSources = []models.Citation{g.citation("")}
	}
}

// fork is the next draft's provisions (draft number d, from 0): the same
// keys, a fifth revised, about 3% dropped, each replaced by a new provision
// so that the count stays. A replacement's key names the draft and place it
// was added at (troop-cap-7-31), so it is new to the plan.
func (g *generator) fork(prev []models.Provision, d int) ([]models.Provision, error) {
	out := make([]models.Provision, 0, len(prev))
	for j, p := range prev {
		p.ID, p.DraftID, p.Version = 0, 0, 0
		switch r := g.rng.IntN(100); {
		case r < 3:
			kind := g.kinds[g.rng.IntN(len(g.kinds))]
			q, err := g.provision(kind, fmt.Sprintf("%s-%d-%d", keyBase(kind), d+1, j+1), j)
			if err != nil {
				return nil, err
			}
			out = append(out, q)
		case r < 23:
			q, err := g.revise(p)
			if err != nil {
				return nil, err
			}
			out = append(out, q)
		default:
			out = append(out, p)
		}
	}
	if same := slices.EqualFunc(prev, out, func(a, b models.Provision) bool { return a.Key == b.Key && a.Text == b.Text }); same {
		// A later draft changes something, however little.
		j := g.rng.IntN(len(out))
		q, err := g.revise(out[j])
		if err != nil {
			return nil, err
		}
		out[j] = q
	}
	return out, nil
}

// revise changes one to three things of a provision, as a later draft
// does; at least one of them shows (a status drawn again may come out the
// same).
func (g *generator) revise(p models.Provision) (models.Provision, error) {
	orig, _ := json.Marshal(p)
	p.Parties = append([]models.ProvisionParty(nil), p.Parties...)
	ukr := isUkrainian(p.Text)
	for n := 1 + g.rng.IntN(3); n > 0; n-- {
		switch r := g.rng.IntN(20); {
		case r < 6:
			k, _ := models.KindByName(p.Kind)
			terms, err := g.terms(k, ukr)
			if err != nil {
				return p, err
			}
			p.Terms = terms
		case r < 12:
			p.Text = g.text.edit(p.Text, ukr)
		case r < 15 && len(p.Parties) > 0:
			g.restate(&p.Parties[g.rng.IntN(len(p.Parties))], g.pick(models.Stances.Values()))
		case r < 17:
			p.Parties = g.links()
		case r < 19:
			p.Status = g.status()
		default:
			p.Title = g.text.title(kindLabel(p.Kind), ukr)
		}
		if n == 1 {
			if err := p.Validate(); err != nil {
				return p, err
			}
			if now, _ := json.Marshal(p); string(now) == string(orig) {
				n++ // nothing shows yet: one more
			}
		}
	}
	return p, nil
}

func kindLabel(name string) string {
	if k, ok := models.KindByName(name); ok {
		return k.Label
	}
	return name
}

// isUkrainian says whether a wording is in Ukrainian: whether it starts in
// Cyrillic.
func isUkrainian(s string) bool {
	for _, r := range s {
		return unicode.Is(unicode.Cyrillic, r)
	}
	return false
}
