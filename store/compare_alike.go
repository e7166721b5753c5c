package store

import (
	"context"
	"errors"
	"fmt"
	"sync"

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
	if len(alike) > maxExcluded {
		c, err := s.ComparisonIn(ctx, aID, bID, language)
		return c.Brief(), err
	}
	fromIDs, toIDs := make([]int64, len(alike)), make([]int64, len(alike))
	for i, k := range alike {
		fromIDs[i], toIDs[i] = k.FromID, k.ToID
	}
	a, b, lineage, err := loadComparedDrafts(db, aID, bID, fromIDs, toIDs)
	if err != nil {
		return report.Comparison{}, err
	}
	return report.BriefInOrder(a, b, alike, lineage, language), nil
}

// maxExcluded bounds the ids a draft's reading leaves out by a bound list
// (NOT IN), below every database's limit on bound parameters; a comparison
// with more alike keys is read whole.
const maxExcluded = 30000

// alikeQuery selects, for each key of draft a (the second argument) alike
// in draft b (the first), both ids and the labels, of the keys whose
// provision in draft a has an id of the parity given last (see loadAlike).
// Alike is the same in every column of the row a comparison reads (the
// words in every language, the terms, the citations as stored: source
// keys, whose references come from the one sources table) and the same
// party links in the same order (the column the database keeps of them,
// party_links_column.go). Columns are NOT NULL, so = is the whole test on
// both databases. It errs one way only: a pair it misses is compared in
// full. The translations are read for a comparison in a language other
// than the main one, where they title the row (report.InLanguage).
func alikeQuery(translations bool) string {
	words := "''"
	if translations {
		words = "b.translations"
	}
	return `SELECT a.id, b.id, b.key, b.point, b.category, b.kind, b.title, ` + words + `
FROM provisions a JOIN provisions b ON b.draft_id = ? AND b.key = a.key
WHERE a.draft_id = ? AND a.id % 2 = ?
	AND a.point = b.point AND a.category = b.category AND a.kind = b.kind AND a.title = b.title
	AND a.text = b.text AND a.original_language = b.original_language AND a.translations = b.translations
	AND a.terms = b.terms AND a.status = b.status AND a.sourcing = b.sourcing AND a.sources = b.sources
	AND a.` + partyLinksColumn + ` = b.` + partyLinksColumn
}

// loadAlike reads the keys alike between drafts aID and bID, in two
// halves side by side, each on a connection of its own: reading them is
// the longest step of a comparison that nothing else can overlap, and
// this halves its wait on an idle server (the two drafts then load side
// by side too).
func loadAlike(db *gorm.DB, aID, bID int64, language string) ([]report.AlikeKey, error) {
	var halves [2][]report.AlikeKey
	var errs [2]error
	var wg sync.WaitGroup
	for parity := range 2 {
		wg.Go(func() { halves[parity], errs[parity] = loadAlikeHalf(db, aID, bID, language, parity) })
	}
	wg.Wait()
	if err := errors.Join(errs[:]...); err != nil {
		return nil, fmt.Errorf("keys alike in drafts %d and %d: %w", aID, bID, err)
	}
	return append(halves[0], halves[1]...), nil
}

func loadAlikeHalf(db *gorm.DB, aID, bID int64, language string, parity int) ([]report.AlikeKey, error) {
	translated := language != models.MainLanguage
	rows, err := db.Raw(alikeQuery(translated), bID, aID, parity).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []report.AlikeKey
	for rows.Next() {
		var k report.AlikeKey
		var translations string
		if err := rows.Scan(&k.FromID, &k.ToID, &k.Key, &k.Point, &k.Category, &k.Kind, &k.Title, &translations); err != nil {
			return nil, err
		}
		if translated {
			k.Translations = translationsOf(translations)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}
