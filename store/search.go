package store

import (
	"context"
	"strings"

	"gorm.io/gorm"
)

// SearchHit is one provision as a list of search results shows it: where
// it stands (plan, draft, point), what it is, and a snippet of its wording
// around the matched words. Not its wording, terms, parties or citations:
// a page of 50 whole provisions is some 56 KB, and reading and encoding
// them was most of a search's cost.
type SearchHit struct {
	ID          int64  `json:"id"`
	DraftID     int64  `json:"draft_id"`
	PlanTitle   string `json:"plan_title"`
	DraftNumber int    `json:"draft_number"`
	DraftLabel  string `json:"draft_label"`
	Key         string `json:"key"`
	Point       string `json:"point"`
	Title       string `json:"title"`
	Kind        string `json:"kind"`
	Category    string `json:"category"`
	Status      string `json:"status"`
	Sourcing    string `json:"sourcing"`
	// Snippet is a few words of the wording around the matched words,
	// plain text without marks ("…" where it is cut); empty without q.
	Snippet string `json:"snippet,omitempty"`
	sortKey int    // for the next page's cursor
}

// hitColumns are what a hit reads of its provision, draft and plan, in the
// order scanHit reads them; never the wording, which only the snippet
// reads.
const hitColumns = "provisions.id, provisions.draft_id, draft.plan_title, draft.number, draft.label, provisions.key, " +
	"provisions.point, provisions.title, provisions.kind, provisions.category, provisions.status, provisions.sourcing, " +
	"provisions.sort_key"

// hitDraft joins a hit with its draft and plan. A subquery, so that the
// plan's title column does not make the provision's ambiguous where the
// search names it unqualified (PostgreSQL's search vector).
const hitDraft = "JOIN (SELECT drafts.id, drafts.number, drafts.label, plans.title AS plan_title " +
	"FROM drafts JOIN plans ON plans.id = drafts.plan_id) AS draft ON draft.id = provisions.draft_id"

// The snippets: about 16 words of the wording, the matched words
// unmarked. On SQLite the wording is FTS5's column 2, or column 4, the
// translations' words, where only they match (a search in Ukrainian shows
// the Ukrainian words it found); PostgreSQL's headline picks the best
// passage of the wording and the translations' words together.
const (
	sqliteSnippet = "CASE WHEN instr(highlight(provisions_fts, 4, char(1), ''), char(1)) > 0 " +
		"AND instr(highlight(provisions_fts, 2, char(1), ''), char(1)) = 0 " +
		"THEN snippet(provisions_fts, 4, '', '', '…', 16) ELSE snippet(provisions_fts, 2, '', '', '…', 16) END"
	postgresSnippet = "ts_headline('simple', provisions.text || E'\\n' || provisions.translation_words, to_tsquery('simple', ?), " +
		"'StartSel=\"\", StopSel=\"\", MinWords=8, MaxWords=16')"
)

// Search is Provisions' search answered with hits (SearchHit) instead of
// whole provisions: the same filter, the same hits in the same order, the
// same paging (cursors of either serve both).
//
// Across drafts on SQLite the snippets are made in the same read of the
// full-text index that finds the page, so only the page's rows are
// snippeted; elsewhere the page's rows are joined with the index (SQLite)
// or headlined (PostgreSQL's ts_headline).
func (s *Store) Search(ctx context.Context, f ProvisionFilter) (Page[SearchHit], error) {
	words := searchWords(f.Query)
	inIndex := false // the snippet came with the page, out of the full-text index
	snippetInIndex := func(page *gorm.DB) *gorm.DB {
		inIndex = true
		return page.Select("provisions_fts.rowid AS id, " + sqliteSnippet + " AS snippet")
	}
	page, q, err := listPage[SearchHit](s, ctx, f, snippetInIndex)
	if err != nil || q == nil {
		return page, err
	}
	q = q.Joins(hitDraft)
	switch {
	case inIndex:
		q = q.Select(hitColumns + ", hits.snippet")
	case strings.TrimSpace(f.Query) == "":
		q = q.Select(hitColumns + ", ''")
	case s.dialect == SQLite:
		q = q.Joins("JOIN provisions_fts ON provisions_fts.rowid = provisions.id").
			Where("provisions_fts MATCH ?", fts5Query(words)).Select(hitColumns + ", " + sqliteSnippet)
	default:
		q = q.Select(hitColumns+", "+postgresSnippet, tsQuery(words))
	}
	hits, err := scanHits(q)
	if err != nil {
		return page, err
	}
	return endPage(page, f, hits, func(h SearchHit) string { return encodeCursor(h.DraftID, h.sortKey, h.ID) }), nil
}

// scanHits reads the rows of a query selecting hitColumns and a snippet.
func scanHits(q *gorm.DB) ([]SearchHit, error) {
	rows, err := q.Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	hits := []SearchHit{}
	for rows.Next() {
		var h SearchHit
		if err := rows.Scan(&h.ID, &h.DraftID, &h.PlanTitle, &h.DraftNumber, &h.DraftLabel, &h.Key, &h.Point, &h.Title,
			&h.Kind, &h.Category, &h.Status, &h.Sourcing, &h.sortKey, &h.Snippet); err != nil {
			return nil, err
		}
		hits = append(hits, h)
	}
	return hits, rows.Err()
}
