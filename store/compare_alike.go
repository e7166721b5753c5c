package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"plantracker/models"
	"plantracker/models/report"
)

// BriefComparisonIn is ComparisonIn(...).Brief(), the comparison as the API
// answers it by default, without reading in full the keys it lists only by
// their labels: a key whose two provisions are alike in every column a
// comparison reads, party links included, is found in SQL (alikeQuery) and
// read as its labels alone (report.BriefInOrder). Between the bench's two
// 1,000-provision drafts that is three keys in four, and reading them in
// full was most of the comparison's time.
func (s *Store) BriefComparisonIn(ctx context.Context, aID, bID int64, language string) (report.Comparison, error) {
	db := s.reader(ctx)
	alike, err := loadAlike(db, aID, bID, language)
	if err != nil {
		return report.Comparison{}, err
	}
	if len(alike.from) > maxExcluded {
		c, err := s.ComparisonIn(ctx, aID, bID, language)
		return c.Brief(), err
	}
	a, b, lineage, err := loadComparedDrafts(db, aID, bID, alike.fromIDs, alike.toIDs)
	if err != nil {
		return report.Comparison{}, err
	}
	a.Provisions = append(a.Provisions, alike.from...)
	b.Provisions = append(b.Provisions, alike.to...)
	a, b = report.InLanguage(a, b, language)
	return report.BriefInOrder(a, b, lineage, alike.ids), nil
}

// maxExcluded bounds the ids a draft's reading leaves out by a bound list
// (NOT IN), below every database's limit on bound parameters; a comparison
// with more alike keys is read whole.
const maxExcluded = 30000

// alikeRows are the keys alike between two drafts: each key's provision in
// the first draft (from) and in the second (to), with only what places and
// labels a row, and the ids of both.
type alikeRows struct {
	from, to       []models.Provision
	fromIDs, toIDs []int64
	ids            report.Alike
}

// alikeQuery selects, for each key of draft a (the second argument) alike
// in draft b (the first), both ids and the labels. Alike is the same in
// every column of the row a comparison reads (the words in every
// language, the terms, the citations as stored: source keys, whose
// references come from the one sources table), and the same party links
// in the same order: as many, and each of a's matched by one of b's in
// every column (a link is unique by provision, party and role). Columns
// are NOT NULL, so = is the whole test on both databases. It errs one
// way only: a pair it misses is compared in full.
const alikeQuery = `SELECT a.id, b.id, b.key, b.point, b.category, b.kind, b.title, b.status, b.translations
FROM provisions a JOIN provisions b ON b.draft_id = ? AND b.key = a.key
WHERE a.draft_id = ?
	AND a.point = b.point AND a.category = b.category AND a.kind = b.kind AND a.title = b.title
	AND a.text = b.text AND a.original_language = b.original_language AND a.translations = b.translations
	AND a.terms = b.terms AND a.status = b.status AND a.sourcing = b.sourcing AND a.sources = b.sources
	AND (SELECT count(*) FROM provision_parties x WHERE x.provision_id = a.id) =
		(SELECT count(*) FROM provision_parties y WHERE y.provision_id = b.id)
	AND NOT EXISTS (SELECT 1 FROM provision_parties x WHERE x.provision_id = a.id AND NOT EXISTS (
		SELECT 1 FROM provision_parties y WHERE y.provision_id = b.id AND y.party_id = x.party_id
			AND y.role = x.role AND y.position = x.position AND y.stance = x.stance
			AND y.stance_date = x.stance_date AND y.stance_sources = x.stance_sources))`

// loadAlike reads the keys alike between drafts aID and bID. Their
// translations are read only for a comparison in another language than
// the main one, where the row is titled in it (report.InLanguage).
func loadAlike(db *gorm.DB, aID, bID int64, language string) (alikeRows, error) {
	rows, err := db.Raw(alikeQuery, bID, aID).Rows()
	if err != nil {
		return alikeRows{}, fmt.Errorf("keys alike in drafts %d and %d: %w", aID, bID, err)
	}
	defer rows.Close()
	out := alikeRows{ids: report.Alike{}}
	for rows.Next() {
		var fromID, toID int64
		var p models.Provision
		var translations string
		if err := rows.Scan(&fromID, &toID, &p.Key, &p.Point, &p.Category, &p.Kind, &p.Title, &p.Status, &translations); err != nil {
			return alikeRows{}, fmt.Errorf("keys alike in drafts %d and %d: %w", aID, bID, err)
		}
		if language != models.MainLanguage {
			p.Translations = translationsOf(translations)
		}
		from, to := p, p
		from.ID, from.DraftID, to.ID, to.DraftID = fromID, aID, toID, bID
		out.from, out.to = append(out.from, from), append(out.to, to)
		out.fromIDs, out.toIDs = append(out.fromIDs, fromID), append(out.toIDs, toID)
		out.ids[fromID], out.ids[toID] = true, true
	}
	if err := rows.Err(); err != nil {
		return alikeRows{}, fmt.Errorf("keys alike in drafts %d and %d: %w", aID, bID, err)
	}
	return out, nil
}
