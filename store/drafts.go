package store

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"plantracker/models"
)

// Drafts returns the drafts of a plan, in order.
func (s *Store) Drafts(ctx context.Context, planID int64) ([]models.Draft, error) {
	db := s.reader(ctx)
	if _, err := loadPlan(db, planID); err != nil {
		return nil, err
	}
	return loadDrafts(db.Where("plan_id = ?", planID).Order("number"))
}

// AllDrafts returns every draft of every plan, by plan and number.
func (s *Store) AllDrafts(ctx context.Context) ([]models.Draft, error) {
	return loadDrafts(s.reader(ctx).Order("plan_id, number"))
}

// Draft returns the draft with id.
func (s *Store) Draft(ctx context.Context, id int64) (models.Draft, error) {
	return loadDraft(s.reader(ctx), id)
}

func loadDraft(db *gorm.DB, id int64) (models.Draft, error) {
	return loadByID(db, "draft", id, loadDrafts)
}

// loadDrafts runs a query for drafts and fills in their signatories with
// one more query.
func loadDrafts(q *gorm.DB) ([]models.Draft, error) {
	var recs []draftRecord
	if err := q.Find(&recs).Error; err != nil {
		return nil, err
	}
	ids := idsOf(recs, func(r draftRecord) int64 { return r.ID })
	var sigs []struct {
		DraftID   int64
		ShortName string
	}
	if len(ids) > 0 {
		err := q.Session(&gorm.Session{NewDB: true}).Table("draft_signatories ds").
			Select("ds.draft_id, p.short_name").Joins("JOIN parties p ON p.id = ds.party_id").
			Where("ds.draft_id IN ?", ids).Order("ds.draft_id, ds.position").Scan(&sigs).Error
		if err != nil {
			return nil, err
		}
	}
	byDraft := map[int64][]string{}
	for _, s := range sigs {
		byDraft[s.DraftID] = append(byDraft[s.DraftID], s.ShortName)
	}
	return modelsOf(q.Session(&gorm.Session{NewDB: true}), recs, func(r draftRecord) models.Draft { return r.model(byDraft[r.ID]) },
		func(d models.Draft) []models.Citation { return d.Sources })
}

// CreateDraft validates and stores a new draft as the next number of its
// plan. ForkedFromID, when set, must name an existing draft.
func (s *Store) CreateDraft(ctx context.Context, actor string, d models.Draft) (models.Draft, error) {
	return createAlone(ctx, s, actor, d, (*models.Draft).Validate, s.createDraft)
}

func (s *Store) createDraft(tx *gorm.DB, actor string, d models.Draft) (models.Draft, error) {
	// The new draft's number is the plan's highest plus one: drafts created
	// at once in one plan take turns, or two would read the same highest.
	if err := lockForUpdate(tx, &planRecord{}, d.PlanID); err != nil {
		return d, err
	}
	if _, err := loadPlan(tx, d.PlanID); err != nil {
		return d, err
	}
	if d.ForkedFromID != nil {
		if _, err := loadDraft(tx, *d.ForkedFromID); err != nil {
			return d, models.Invalid("forked_from", "no draft %d", *d.ForkedFromID)
		}
	}
	number, err := nextDraftNumber(tx, d.PlanID)
	if err != nil {
		return d, err
	}
	// A new row: the database gives it its id.
	d.ID, d.Number, d.Version = 0, number, 1
	d.CreatedAt = s.now()
	d.UpdatedAt = d.CreatedAt
	id, err := insertDraft(tx, d)
	if err != nil {
		return d, err
	}
	if d, err = loadDraft(tx, id); err != nil {
		return d, err
	}
	return d, s.recordChange(tx, actor, models.EntityDraft, d.ID, models.ActionCreate, nil, d)
}

// nextDraftNumber is the number after the highest of the plan's drafts.
func nextDraftNumber(tx *gorm.DB, planID int64) (int, error) {
	var n int
	err := tx.Model(&draftRecord{}).Where("plan_id = ?", planID).Select("COALESCE(MAX(number), 0) + 1").Scan(&n).Error
	return n, err
}

// insertDraft writes d's row as it stands, with its signatories, if they
// and its sources exist. Creating and undoing a deletion both write a
// draft this way.
func insertDraft(tx *gorm.DB, d models.Draft) (int64, error) {
	ids, err := signatoriesAndSources(tx, d)
	if err != nil {
		return 0, err
	}
	rec := draftRecordOf(d)
	if err := tx.Create(&rec).Error; err != nil {
		return 0, translate(err, "draft")
	}
	return rec.ID, writeSignatories(tx, rec.ID, d.Signatories, ids)
}

// signatoriesAndSources checks that the draft's signatories and sources
// exist and returns the signatories' party ids, as a draft is created,
// changed or put back.
func signatoriesAndSources(tx *gorm.DB, d models.Draft) (map[string]int64, error) {
	ids, err := partyIDs(tx, signatoryRefs(d.Signatories))
	if err != nil {
		return nil, err
	}
	if err := checkSources(tx, d.SourceReferences()); err != nil {
		return nil, err
	}
	return ids, nil
}

func signatoryRefs(names []string) []partyRef {
	refs := make([]partyRef, len(names))
	for i, n := range names {
		refs[i] = partyRef{fmt.Sprintf("signatories[%d]", i), n}
	}
	return refs
}

func writeSignatories(tx *gorm.DB, draftID int64, names []string, ids map[string]int64) error {
	return replaceLinks(tx, "draft_id", draftID, names, func(i int, n string) signatoryRecord {
		return signatoryRecord{DraftID: draftID, PartyID: ids[n], Position: i}
	})
}

// draftTable is how the update sequence changes drafts.
var draftTable = entityTable[models.Draft]{
	entity: "draft", change: models.EntityDraft, record: &draftRecord{},
	load:     loadDraft,
	stamps:   func(d *models.Draft) *models.RowStamps { return &d.RowStamps },
	validate: (*models.Draft).Validate,
	sources:  func(d *models.Draft) *[]models.Citation { return &d.Sources },
	write:    writeDraft,
	reload:   true,
}

// UpdateDraft applies a patch to a draft, if it is still at ifVersion (0: any).
func (s *Store) UpdateDraft(ctx context.Context, actor string, id int64, ifVersion int, patch models.DraftPatch) (models.Draft, error) {
	return updateRow(ctx, s, actor, models.ActionUpdate, id, ifVersion, draftTable, patched(patch.Apply))
}

func writeDraft(_ *Store, tx *gorm.DB, _ string, before, after models.Draft) error {
	ids, err := signatoriesAndSources(tx, after)
	if err != nil {
		return err
	}
	if err := bumpVersion(tx, &draftRecord{}, "draft", before.ID, before.Version, map[string]any{
		"label": after.Label, "date": after.Date, "status": after.Status, "coverage": after.Coverage, "stage": after.Stage, "standing": after.Standing, "description": after.Description,
		"sources": citationsJSON(after.Sources), "updated_at": after.UpdatedAt,
	}); err != nil {
		return err
	}
	return writeSignatories(tx, before.ID, after.Signatories, ids)
}

// DeleteDraft removes a draft and its provisions. A draft that other
// drafts were forked from stays: deleting it would cut their lineage, so
// the store refuses (ErrInUse) and names them.
func (s *Store) DeleteDraft(ctx context.Context, actor string, id int64, ifVersion int) error {
	return s.inTx(ctx, func(tx *gorm.DB) error {
		if err := draftNotForked(tx, []int64{id}); err != nil {
			return err
		}
		_, err := s.deleteDraft(tx, actor, id, ifVersion)
		return err
	})
}

// deleteDraft records the removal of each of the draft's provisions and of
// the draft with all of them (the whole record, so that the deletion can be
// undone), then deletes the draft, if it is still at ifVersion (0: any);
// the foreign keys cascade to the rest. It returns what it recorded.
func (s *Store) deleteDraft(tx *gorm.DB, actor string, id int64, ifVersion int) (models.DraftSnapshot, error) {
	before, err := loadDraft(tx, id)
	if err != nil {
		return models.DraftSnapshot{}, err
	}
	if err := checkVersion("draft", id, ifVersion, before.Version); err != nil {
		return models.DraftSnapshot{}, err
	}
	provisions, err := loadProvisions(tx.Where("draft_id = ?", id).Order("sort_key, id"))
	if err != nil {
		return models.DraftSnapshot{}, err
	}
	for _, p := range provisions {
		if err := s.recordChange(tx, actor, models.EntityProvision, p.ID, models.ActionDelete, p, nil); err != nil {
			return models.DraftSnapshot{}, err
		}
	}
	stances, err := loadDraftStances(tx.Where("draft_id = ?", id).Order("date, id")) // they go with it (CASCADE)
	if err != nil {
		return models.DraftSnapshot{}, err
	}
	if err := deleteVersion(tx, &draftRecord{}, "draft", id, before.Version); err != nil {
		return models.DraftSnapshot{}, err
	}
	if provisions == nil {
		provisions = []models.Provision{}
	}
	snap := models.DraftSnapshot{Draft: before, Provisions: provisions, Stances: stances}
	return snap, s.recordChange(tx, actor, models.EntityDraft, id, models.ActionDelete, snap, nil)
}

// draftNotForked refuses (ErrInUse) when a draft outside ids was forked
// from one of ids, naming those forks: a deletion would leave them without
// the draft they descend from.
func draftNotForked(tx *gorm.DB, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	var forks []draftRecord
	if err := tx.Where("forked_from_id IN ? AND id NOT IN ?", ids, ids).Order("id").Find(&forks).Error; err != nil {
		return err
	}
	if len(forks) == 0 {
		return nil
	}
	names := make([]string, 0, len(forks))
	for _, f := range forks {
		name := fmt.Sprintf("v%d %s", f.Number, f.Label)
		var plan planRecord
		if err := tx.Select("id", "title").First(&plan, f.PlanID).Error; err == nil {
			name += " (" + plan.Title + ")"
		}
		names = append(names, name)
	}
	return fmt.Errorf("%w: %s forked from it; delete %s first, or keep it", ErrInUse,
		strings.Join(names, ", "), map[bool]string{true: "that draft", false: "those drafts"}[len(forks) == 1])
}

// ForkDraft starts a new draft of the same plan, numbered next, with a
// copy of every provision and party link of the original. Label and date
// default to the original's label and today, status to working; the
// description is the input's, never the original's silently.
func (s *Store) ForkDraft(ctx context.Context, actor string, id int64, in models.ForkInput) (models.Draft, error) {
	var fork models.Draft
	err := s.inTx(ctx, func(tx *gorm.DB) error {
		orig, err := loadDraft(tx, id)
		if err != nil {
			return err
		}
		fork = orig
		fork.ID, fork.Version, fork.Status, fork.ForkedFromID = 0, 0, in.Status, &orig.ID
		fork.Label, fork.Date, fork.Description = in.Label, in.Date, ""
		if in.Description != nil {
			fork.Description = *in.Description
		}
		if fork.Status == "" {
			fork.Status = "working"
		}
		if fork.Standing = in.Standing; fork.Standing == "" {
			fork.Standing = models.StandingScenario // an analyst's own until said otherwise
		}
		if fork.Label == "" {
			fork.Label = orig.Label
		}
		if fork.Date == "" {
			fork.Date = s.now().Format("2006-01-02")
		}
		if err := fork.Validate(); err != nil {
			return err
		}
		if fork, err = s.createDraft(tx, actor, fork); err != nil {
			return err
		}
		provisions, err := loadProvisions(tx.Where("draft_id = ?", id).Order("sort_key, id"))
		if err != nil {
			return err
		}
		for _, p := range provisions {
			p.ID, p.DraftID, p.Version = 0, fork.ID, 0
			if _, err := s.createProvision(tx, actor, p); err != nil {
				return err
			}
		}
		return nil
	})
	return fork, err
}
