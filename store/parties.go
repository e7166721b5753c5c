package store

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"gorm.io/gorm"

	"plantracker/models"
)

// Parties returns every party, ordered by short name.
func (s *Store) Parties(ctx context.Context) ([]models.Party, error) {
	db := s.reader(ctx)
	return findModels(db.Order(inByteOrder(db, "short_name")), partyRecord.model)
}

// Party returns the party with id.
func (s *Store) Party(ctx context.Context, id int64) (models.Party, error) {
	return loadParty(s.reader(ctx), id)
}

func loadParty(db *gorm.DB, id int64) (models.Party, error) {
	var rec partyRecord
	if err := db.First(&rec, id).Error; err != nil {
		return models.Party{}, translate(err, "party")
	}
	return rec.model(), nil
}

// CreateParty validates and stores a new party.
func (s *Store) CreateParty(ctx context.Context, actor string, p models.Party) (models.Party, error) {
	p.ID = 0 // the database gives a new party its id
	return createRow(ctx, s, actor, partyTable, p, insertParty)
}

// partyTable is how the update and delete sequences change parties.
var partyTable = entityTable[models.Party]{
	entity: "party", change: models.EntityParty, record: &partyRecord{},
	load:     loadParty,
	stamps:   func(p *models.Party) *models.RowStamps { return &p.RowStamps },
	validate: (*models.Party).Validate,
	write:    writeParty,
	reload:   true,
}

// UpdateParty applies a patch to a party, if it is still at ifVersion (0: any).
// A new short name is carried into every provision's terms that name the
// party, in the same transaction, each rewritten provision recorded.
func (s *Store) UpdateParty(ctx context.Context, actor string, id int64, ifVersion int, patch models.PartyPatch) (models.Party, error) {
	return updateRow(ctx, s, actor, models.ActionUpdate, id, ifVersion, partyTable, patched(patch.Apply))
}

// insertParty writes p's row as it stands, with its id when it has one (a
// party put back keeps its own), if its short name is free. Creating and
// undoing a deletion both write a party this way.
func insertParty(tx *gorm.DB, p models.Party) (int64, error) {
	if err := uniqueShortName(tx, p.ShortName, p.ID); err != nil {
		return 0, err
	}
	rec := partyRecordOf(p)
	err := translate(tx.Create(&rec).Error, "party")
	return rec.ID, err
}

func writeParty(s *Store, tx *gorm.DB, actor string, before, after models.Party) error {
	if err := uniqueShortName(tx, after.ShortName, before.ID); err != nil {
		return err
	}
	// A new short name: the terms that name the party by its old one are
	// read as they stand, before the rename shows in their links.
	var naming []models.Provision
	if after.ShortName != before.ShortName {
		var err error
		if naming, _, err = provisionsNamingInTerms(tx, before.ShortName); err != nil {
			return err
		}
	}
	if err := bumpVersion(tx, &partyRecord{}, "party", before.ID, before.Version, map[string]any{
		"name": after.Name, "short_name": after.ShortName, "type": after.Type, "updated_at": after.UpdatedAt,
	}); err != nil {
		return err
	}
	return s.renamePartyInTerms(tx, actor, before.ShortName, after.ShortName, naming)
}

// DeleteParty removes a party that nothing refers to any more.
func (s *Store) DeleteParty(ctx context.Context, actor string, id int64, ifVersion int) error {
	return deleteRow(ctx, s, actor, id, ifVersion, partyTable, partyNotReferenced)
}

func uniqueShortName(tx *gorm.DB, short string, exceptID int64) error {
	return unique(tx.Model(&partyRecord{}).Where("short_name = ? AND id <> ?", short, exceptID),
		"a party with short name %s already exists", short)
}

// partyNotReferenced explains, with counts, what still refers to a party.
// The foreign keys would refuse the delete anyway, but for terms, which
// name parties by short name where no foreign key sees them: those are
// listed one by one.
func partyNotReferenced(tx *gorm.DB, p models.Party) error {
	var plans, drafts, provisions int64
	if err := tx.Model(&planRecord{}).Where("origin_id = ?", p.ID).Count(&plans).Error; err != nil {
		return err
	}
	if err := tx.Model(&signatoryRecord{}).Where("party_id = ?", p.ID).Count(&drafts).Error; err != nil {
		return err
	}
	if err := tx.Model(&provisionPartyRecord{}).Where("party_id = ?", p.ID).
		Distinct("provision_id").Count(&provisions).Error; err != nil {
		return err
	}
	_, inTerms, err := provisionsNamingInTerms(tx, p.ShortName)
	if err != nil {
		return err
	}
	var uses []string
	for _, u := range []struct {
		n    int64
		what string
	}{{plans, "plan"}, {drafts, "draft"}, {provisions, "provision"}, {int64(len(inTerms)), "provision's terms"}} {
		if u.n == 1 {
			uses = append(uses, "1 "+u.what)
		} else if u.n > 1 {
			uses = append(uses, fmt.Sprintf("%d %s", u.n, plural(u.what)))
		}
	}
	if len(inTerms) > 0 {
		const shown = 10
		list := inTerms[:min(len(inTerms), shown)]
		more := ""
		if len(inTerms) > shown {
			more = fmt.Sprintf(" and %d more", len(inTerms)-shown)
		}
		uses[len(uses)-1] += " (" + strings.Join(list, "; ") + more + ")"
	}
	if len(uses) > 0 {
		return fmt.Errorf("%w: party %s is still referenced by %s; remove those references first",
			ErrInUse, p.ShortName, strings.Join(uses, ", "))
	}
	return nil
}

func plural(what string) string {
	if what == "provision's terms" {
		return "provisions' terms"
	}
	return what + "s"
}

// partyIDs resolves short names to ids. Missing names are reported as field
// errors at the paths given, so a client learns exactly which reference is
// wrong.
func partyIDs(tx *gorm.DB, refs []partyRef) (map[string]int64, error) {
	names := make([]string, 0, len(refs))
	for _, r := range refs {
		names = append(names, r.name)
	}
	ids := map[string]int64{}
	if len(names) == 0 {
		return ids, nil
	}
	var recs []partyRecord
	if err := tx.Select("id", "short_name").Where("short_name IN ?", dedupe(names)).Find(&recs).Error; err != nil {
		return nil, err
	}
	for _, r := range recs {
		ids[r.ShortName] = r.ID
	}
	verr := &models.ValidationError{}
	for _, r := range refs {
		if _, ok := ids[r.name]; !ok {
			verr.Add(r.field, "no party %s; add it under parties first", r.name)
		}
	}
	return ids, verr.Err()
}

// partyAndSources checks that the one party a row names (at the field
// "party") and the sources it cites exist, and returns the party's id: what
// a position and a stance on a draft both name.
func partyAndSources(tx *gorm.DB, party string, sources []models.SourceReference) (int64, error) {
	ids, err := partyIDs(tx, []partyRef{{"party", party}})
	if err != nil {
		return 0, err
	}
	if err := checkSources(tx, sources); err != nil {
		return 0, err
	}
	return ids[party], nil
}

// partyRef is a party short name and where in the input it was given.
type partyRef struct{ field, name string }

// partyNamesByID maps party ids to short names.
func partyNamesByID(db *gorm.DB, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(ids) == 0 {
		return out, nil
	}
	var recs []partyRecord
	if err := db.Select("id", "short_name").Where("id IN ?", ids).Find(&recs).Error; err != nil {
		return nil, err
	}
	for _, r := range recs {
		out[r.ID] = r.ShortName
	}
	return out, nil
}

// loadNamingParty runs a query for rows that each name one party by id
// (R: positionRecord, draftStanceRecord) and makes models of them (model
// gets the party's short name), with one more query for the parties' names
// and one for the references of the models' citations (sources).
func loadNamingParty[R, T any](q *gorm.DB, partyID func(R) int64, model func(r R, party string) T, sources func(T) []models.Citation) ([]T, error) {
	var recs []R
	if err := q.Find(&recs).Error; err != nil {
		return nil, err
	}
	db := q.Session(&gorm.Session{NewDB: true})
	names, err := partyNamesByID(db, idsOf(recs, partyID))
	if err != nil {
		return nil, err
	}
	return modelsOf(db, recs, func(r R) T { return model(r, names[partyID(r)]) }, sources)
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	sort.Strings(out)
	return out
}
