package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"

	"gorm.io/gorm"

	"plantracker/models"
	"plantracker/models/report"
)

// BriefComparisonIn is ComparisonIn(...).Brief(), the comparison as the API
// answers it by default, without reading what it does not show: a key
// whose two provisions are the same in substance (alikeQuery) is read
// without its wording, terms and party links, which the brief would only
// find equal (report.BriefInOrder). Between the bench's two
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
	ids := make(report.Alike, 2*len(alike))
	for i, k := range alike {
		fromIDs[i], toIDs[i] = k.from.id, k.to.id
		ids[k.from.id], ids[k.to.id] = true, true
	}
	a, b, lineage, err := loadComparedDrafts(db, aID, bID, fromIDs, toIDs)
	if err != nil {
		return report.Comparison{}, err
	}
	a.Provisions, b.Provisions = withAlike(a.Provisions, alike, aID, true), withAlike(b.Provisions, alike, bID, false)
	// The citations of the alike keys whose citations differ, as the
	// comparison lists them (a sourcing change), with their references.
	cited := append(models.CitationLists(a.Provisions[len(a.Provisions)-len(alike):]...),
		models.CitationLists(b.Provisions[len(b.Provisions)-len(alike):]...)...)
	if err := fillReferences(db, cited...); err != nil {
		return report.Comparison{}, err
	}
	return report.BriefInOrder(a, b, lineage, ids, language), nil
}

// maxExcluded bounds the ids a draft's reading leaves out by a bound list
// (NOT IN), below every database's limit on bound parameters; a comparison
// with more alike keys is read whole.
const maxExcluded = 30000

// alikeKey is a key alike in substance between two drafts: what a
// comparison reads of its provision in each besides their substance, and
// the substance it needs even of an unchanged key (kind, status) and its
// translations.
type alikeKey struct {
	from, to          alikeSide
	key, kind, status string
	translations      []models.Translation
}

// alikeSide is what a comparison reads of an alike key's provision in one
// draft: its id, labels and sourcing, its citations as stored. Where the
// key's two provisions differ in none of these, the sourcing and the
// citations are left empty on both sides: the same, as the comparison
// needs them.
type alikeSide struct {
	id                               int64
	point, category, title, sourcing string
	sources                          string
}

// withAlike is ps with the alike keys' provisions in draftID after them,
// from their sides in the first draft (from) or in the second; in one
// allocation (a provision is some 400 bytes). Their citations are decoded
// where the key's two differ: the comparison lists the change.
func withAlike(ps []models.Provision, alike []alikeKey, draftID int64, from bool) []models.Provision {
	out := make([]models.Provision, len(ps), len(ps)+len(alike))
	copy(out, ps)
	for _, k := range alike {
		side := k.to
		if from {
			side = k.from
		}
		p := models.Provision{ID: side.id, DraftID: draftID, Key: k.key, Point: side.point, Category: side.category,
			Kind: k.kind, Title: side.title, Status: k.status, Sourcing: side.sourcing, Translations: k.translations}
		if k.from.sources != k.to.sources {
			p.Sources = citationsOf(side.sources)
		}
		out = append(out, p)
	}
	return out
}

// alikeQuery selects, for each key of draft a (the second argument) the
// same in substance in draft b (the first), of the keys whose provision in
// draft a has an id of the parity given last (see loadAlike): the two
// provisions' ids, the key with what a comparison reads of its substance
// even when unchanged (kind, status) and the later provision's labels
// (point, category, title), its translations, then, only where the two
// differ in sourcing or labels (NULL where they do not: most keys), the
// earlier provision's labels and both provisions' sourcing and citations.
// The same in substance is the same kind, wording in every language,
// terms, status, and party links in the same order (the column the
// database keeps of them, party_links_column.go), compared as stored; the
// columns are NOT NULL, so = is the whole test on both databases. It errs
// one way only: a pair it misses is read in full. The translations are
// read for a comparison in a language other than the main one, where they
// give the row its title (report.InLanguage).
func alikeQuery(translations bool) string {
	words := "''"
	if translations {
		words = "b.translations"
	}
	const sameSourcing = `a.point = b.point AND a.category = b.category AND a.title = b.title
		AND a.sourcing = b.sourcing AND a.sources = b.sources`
	var differing []string
	for _, col := range []string{"a.point", "a.category", "a.title", "a.sourcing", "a.sources", "b.sourcing", "b.sources"} {
		differing = append(differing, `CASE WHEN `+sameSourcing+` THEN NULL ELSE `+col+` END`)
	}
	return `SELECT a.id, b.id, b.key, b.kind, b.status, b.point, b.category, b.title, ` + words + `,
	` + strings.Join(differing, ",\n\t") + `
FROM provisions a JOIN provisions b ON b.draft_id = ? AND b.key = a.key
WHERE a.draft_id = ? AND a.id % 2 = ?
	AND a.kind = b.kind AND a.text = b.text AND a.original_language = b.original_language
	AND a.translations = b.translations AND a.terms = b.terms AND a.status = b.status
	AND a.` + partyLinksColumn + ` = b.` + partyLinksColumn
}

// loadAlike reads the keys alike in substance between drafts aID and bID,
// in two halves side by side, each on a connection of its own: reading
// them is the longest step of a comparison that nothing else can overlap,
// and this halves its wait on an idle server (the two drafts then load
// side by side too).
func loadAlike(db *gorm.DB, aID, bID int64, language string) ([]alikeKey, error) {
	var halves [2][]alikeKey
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

func loadAlikeHalf(db *gorm.DB, aID, bID int64, language string, parity int) ([]alikeKey, error) {
	translated := language != models.MainLanguage
	rows, err := db.Raw(alikeQuery(translated), bID, aID, parity).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []alikeKey
	for rows.Next() {
		var k alikeKey
		a, b := &k.from, &k.to
		var translations string
		var point, category, title, aSourcing, aSources, bSourcing, bSources sql.NullString
		if err := rows.Scan(&a.id, &b.id, &k.key, &k.kind, &k.status, &b.point, &b.category, &b.title, &translations,
			&point, &category, &title, &aSourcing, &aSources, &bSourcing, &bSources); err != nil {
			return nil, err
		}
		a.point, a.category, a.title = b.point, b.category, b.title
		if point.Valid { // they differ in sourcing or labels
			a.point, a.category, a.title = point.String, category.String, title.String
			a.sourcing, a.sources, b.sourcing, b.sources = aSourcing.String, aSources.String, bSourcing.String, bSources.String
		}
		if translated {
			k.translations = translationsOf(translations)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}
