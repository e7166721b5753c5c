package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"plantracker/models"
)

// Who agrees: the reports that check drafts against the parties' stated
// positions and lay out their stances. The store reads; models reports.

// draftRefs names every draft, by id.
func draftRefs(db *gorm.DB) (map[int64]models.PlanDraft, []models.Draft, error) {
	var plans []planRecord
	if err := db.Select("id", "title").Find(&plans).Error; err != nil {
		return nil, nil, err
	}
	titles := map[int64]string{}
	for _, p := range plans {
		titles[p.ID] = p.Title
	}
	drafts, err := loadDrafts(db.Session(&gorm.Session{NewDB: true}).Order("plan_id, number"))
	if err != nil {
		return nil, nil, err
	}
	out := map[int64]models.PlanDraft{}
	for _, d := range drafts {
		out[d.ID] = models.NewPlanDraft(d, titles[d.PlanID])
	}
	return out, drafts, nil
}

// DraftPositions checks every provision of a draft against the positions
// stated on its key.
func (s *Store) DraftPositions(ctx context.Context, draftID int64) (models.DraftPositions, error) {
	db := s.reader(ctx)
	ref, ps, err := s.draftWithProvisions(db, draftID)
	if err != nil {
		return models.DraftPositions{}, err
	}
	positions, err := loadPositions(db.Session(&gorm.Session{NewDB: true}).Order(inByteOrder(db, "key")).Order("date").Order("id"))
	if err != nil {
		return models.DraftPositions{}, err
	}
	return models.CheckDraft(ref, ps, positions), nil
}

func (s *Store) draftWithProvisions(db *gorm.DB, draftID int64) (models.PlanDraft, []models.Provision, error) {
	d, err := loadDraft(db, draftID)
	if err != nil {
		return models.PlanDraft{}, nil, err
	}
	var plan planRecord
	if err := db.Session(&gorm.Session{NewDB: true}).Select("id", "title").Where("id = ?", d.PlanID).Take(&plan).Error; err != nil {
		return models.PlanDraft{}, nil, translate(err, "plan")
	}
	ps, err := loadDraftRows(db.Session(&gorm.Session{NewDB: true}), draftID)
	if err != nil {
		return models.PlanDraft{}, nil, err
	}
	return models.NewPlanDraft(d, plan.Title), ps, nil
}

// StanceMap lays out a draft's provisions by party: each party's roles and
// stance on each provision; category and party filter ("" for all).
func (s *Store) StanceMap(ctx context.Context, draftID int64, category, party string) (models.StanceMap, error) {
	ref, ps, err := s.draftWithProvisions(s.reader(ctx), draftID)
	if err != nil {
		return models.StanceMap{}, err
	}
	return models.NewStanceMap(ref, ps, category, party), nil
}

// PartyByShortName returns the party called short.
func (s *Store) PartyByShortName(ctx context.Context, short string) (models.Party, error) {
	var recs []partyRecord
	if err := s.reader(ctx).Where("short_name = ?", short).Limit(1).Find(&recs).Error; err != nil {
		return models.Party{}, err
	}
	if len(recs) == 0 {
		return models.Party{}, fmt.Errorf("%w: no party %s", ErrNotFound, short)
	}
	return loadParty(s.reader(ctx), recs[0].ID)
}

// PartyRecord is everything the record holds of one party: the provisions
// it has a part in, in every draft, and its positions checked against every
// draft's provision on their keys.
func (s *Store) PartyRecord(ctx context.Context, partyID int64) (models.PartyRecord, error) {
	db := s.reader(ctx)
	party, err := loadParty(db, partyID)
	if err != nil {
		return models.PartyRecord{}, err
	}
	refs, _, err := draftRefs(db.Session(&gorm.Session{NewDB: true}))
	if err != nil {
		return models.PartyRecord{}, err
	}
	fresh := func() *gorm.DB { return db.Session(&gorm.Session{NewDB: true}) }
	provisions, err := loadProvisions(fresh().Where("provisions.id IN (?)",
		fresh().Model(&provisionPartyRecord{}).Select("provision_id").Where("party_id = ?", partyID)).Order("provisions.id"))
	if err != nil {
		return models.PartyRecord{}, err
	}
	positions, err := loadPositions(fresh().Where("party_id = ?", partyID).Order(inByteOrder(db, "key")).Order("date").Order("id"))
	if err != nil {
		return models.PartyRecord{}, err
	}
	var keys []string
	for _, p := range positions {
		keys = append(keys, p.Key)
	}
	var onKeys []models.Provision
	if len(keys) > 0 {
		if onKeys, err = loadProvisions(fresh().Where("provisions.key IN ?", dedupe(keys)).Order("provisions.draft_id")); err != nil {
			return models.PartyRecord{}, err
		}
	}
	stances, err := loadDraftStances(fresh().Where("party_id = ?", partyID).Order("date, id"))
	if err != nil {
		return models.PartyRecord{}, err
	}
	return models.NewPartyRecord(party, refs, provisions, positions, onKeys, stances), nil
}

// Gaps sets the positions stated on a key beside what the latest draft of
// every plan that mentions the key offers on it (the last known value where
// a partial latest draft does not report it). ErrNotFound when neither a provision nor a
// position has the key.
func (s *Store) Gaps(ctx context.Context, key string) (models.Gaps, error) {
	db := s.reader(ctx)
	fresh := func() *gorm.DB { return db.Session(&gorm.Session{NewDB: true}) }
	positions, err := loadPositions(fresh().Where("key = ?", key).Order("date").Order("id"))
	if err != nil {
		return models.Gaps{}, err
	}
	ps, err := loadProvisions(provisionsByKey(fresh(), key))
	if err != nil {
		return models.Gaps{}, err
	}
	if len(ps) == 0 && len(positions) == 0 {
		return models.Gaps{}, fmt.Errorf("%w: no provision or position has the key %q", ErrNotFound, key)
	}
	refs, drafts, err := draftRefs(fresh())
	if err != nil {
		return models.Gaps{}, err
	}
	byDraft := map[int64]*models.Provision{}
	for i := range ps {
		byDraft[ps[i].DraftID] = &ps[i]
	}
	// drafts are by plan, then number: the last of each plan is its latest.
	var sources []models.GapSource
	for i, d := range drafts {
		if i+1 < len(drafts) && drafts[i+1].PlanID == d.PlanID {
			continue
		}
		src := models.GapSource{Latest: refs[d.ID], Provision: byDraft[d.ID]}
		if src.Provision == nil && d.Partial() {
			for j := i - 1; j >= 0 && drafts[j].PlanID == d.PlanID; j-- {
				if p := byDraft[drafts[j].ID]; p != nil {
					from := refs[drafts[j].ID]
					src.From, src.Provision = &from, p
					break
				}
			}
		}
		// A plan that never mentions the key says nothing on it: left out.
		if src.Provision == nil && !planMentions(drafts, d.PlanID, byDraft) {
			continue
		}
		sources = append(sources, src)
	}
	return models.NewGaps(key, positions, sources), nil
}

func planMentions(drafts []models.Draft, planID int64, byDraft map[int64]*models.Provision) bool {
	for _, d := range drafts {
		if d.PlanID == planID && byDraft[d.ID] != nil {
			return true
		}
	}
	return false
}
