package seeds

import (
	"context"
	"fmt"
	"strconv"

	"plantracker/models"
)

// Store is what loading needs of the store.
type Store interface {
	PartyStore
	SourceStore
	Plans(ctx context.Context) ([]models.Plan, error)
	Drafts(ctx context.Context, planID int64) ([]models.Draft, error)
	CreatePlan(ctx context.Context, actor string, p models.Plan) (models.Plan, error)
	CreateDraft(ctx context.Context, actor string, d models.Draft) (models.Draft, error)
	CreateProvision(ctx context.Context, actor string, p models.Provision) (models.Provision, error)
	RecordStore
}

// Actor is who the audit trail says loaded the seed data.
const Actor = "seed"

// Result counts what a load added.
type Result struct {
	Parties, Sources, Plans, Drafts, Provisions int
	DraftStances, Events                        int
}

func (r Result) String() string {
	return fmt.Sprintf("%d parties, %d sources, %d plans, %d drafts, %d provisions, %d draft stances, %d events",
		r.Parties, r.Sources, r.Plans, r.Drafts, r.Provisions, r.DraftStances, r.Events)
}

// Load adds whatever of the seed data the store lacks: parties by short
// name, sources by key, plans by title, drafts by number within their plan. Loading twice
// adds nothing the second time. A draft that already exists is left as it
// is, with its provisions, so a seeded draft an analyst has edited is never
// overwritten.
func Load(ctx context.Context, s Store) (Result, error) {
	var res Result
	data, err := Read()
	if err != nil {
		return res, err
	}
	if res.Parties, err = AddParties(ctx, s, Actor, convert(data.Parties, models.PartyInput.Party)); err != nil {
		return res, fmt.Errorf("seeds: %w", err)
	}
	if res.Sources, err = AddSources(ctx, s, Actor, convert(data.Sources, models.SourceInput.Source)); err != nil {
		return res, fmt.Errorf("seeds: %w", err)
	}
	plans, err := loadPlans(ctx, s, data.Plans, &res)
	if err != nil {
		return res, err
	}
	// Drafts may be forked from drafts of other plans, so they are created
	// in rounds: each round creates every draft whose origin exists.
	ids := map[string]int64{} // "<plan slug>/<number>" → draft id
	for _, pf := range data.Plans {
		existing, err := s.Drafts(ctx, plans[pf.Plan.Title].ID)
		if err != nil {
			return res, err
		}
		for _, d := range existing {
			ids[draftRef(pf, d.Number)] = d.ID
		}
	}
	pending := pendingDrafts(data.Plans, ids)
	for len(pending) > 0 {
		var next []planDraft
		blocked := map[string]bool{} // a plan's drafts are numbered in order: one waits, all after it wait
		for _, pd := range pending {
			var forkedFrom *int64
			if pd.draft.ForkedFrom != "" {
				if id, ok := ids[pd.draft.ForkedFrom]; ok {
					forkedFrom = &id
				}
			}
			if blocked[pd.plan.Plan.Title] || (pd.draft.ForkedFrom != "" && forkedFrom == nil) {
				blocked[pd.plan.Plan.Title] = true
				next = append(next, pd)
				continue
			}
			id, err := loadDraft(ctx, s, plans[pd.plan.Plan.Title], pd.draft, forkedFrom, &res)
			if err != nil {
				return res, err
			}
			ids[draftRef(pd.plan, pd.draft.Number)] = id
		}
		if len(next) == len(pending) {
			return res, fmt.Errorf("seeds: draft %s is forked from %s, which no seed file has",
				draftRef(next[0].plan, next[0].draft.Number), next[0].draft.ForkedFrom)
		}
		pending = next
	}
	if err := loadDraftStances(ctx, s, data.DraftStances, ids, &res); err != nil {
		return res, err
	}
	if err := loadEvents(ctx, s, data.Events, ids, &res); err != nil {
		return res, err
	}
	// Positions and implementation steps come last: a step names an event.
	if as, ok := s.(AgreeStore); ok {
		if err := loadAgree(ctx, as, ids); err != nil {
			return res, err
		}
	}
	return res, nil
}

type planDraft struct {
	plan  PlanFile
	draft DraftSeed
}

func pendingDrafts(plans []PlanFile, existing map[string]int64) []planDraft {
	var out []planDraft
	for _, pf := range plans {
		for _, d := range pf.Drafts {
			if _, ok := existing[draftRef(pf, d.Number)]; !ok {
				out = append(out, planDraft{pf, d})
			}
		}
	}
	return out
}

func draftRef(pf PlanFile, number int) string {
	return models.Slugify(pf.Plan.Title) + "/" + strconv.Itoa(number)
}

func loadPlans(ctx context.Context, s Store, files []PlanFile, res *Result) (map[string]models.Plan, error) {
	existing, err := s.Plans(ctx)
	if err != nil {
		return nil, err
	}
	byTitle := map[string]models.Plan{}
	for _, p := range existing {
		byTitle[p.Title] = p
	}
	for _, pf := range files {
		if _, ok := byTitle[pf.Plan.Title]; ok {
			continue
		}
		p, err := s.CreatePlan(ctx, Actor, pf.Plan.Plan())
		if err != nil {
			return nil, fmt.Errorf("seeds: plan %q: %w", pf.Plan.Title, err)
		}
		byTitle[p.Title] = p
		res.Plans++
	}
	return byTitle, nil
}

func loadDraft(ctx context.Context, s Store, plan models.Plan, ds DraftSeed, forkedFrom *int64, res *Result) (int64, error) {
	d := ds.Draft(plan.ID)
	d.ForkedFromID = forkedFrom
	created, err := s.CreateDraft(ctx, Actor, d)
	if err != nil {
		return 0, fmt.Errorf("seeds: draft %q of %q: %w", ds.Label, plan.Title, err)
	}
	if created.Number != ds.Number {
		return 0, fmt.Errorf("seeds: draft %q of %q was numbered %d, not %d: seed drafts must be numbered 1, 2, … in order",
			ds.Label, plan.Title, created.Number, ds.Number)
	}
	res.Drafts++
	for _, in := range ds.Provisions {
		if _, err := s.CreateProvision(ctx, Actor, in.Provision(created.ID)); err != nil {
			return 0, fmt.Errorf("seeds: provision %s of draft %q: %w", in.Key, ds.Label, err)
		}
		res.Provisions++
	}
	return created.ID, nil
}
