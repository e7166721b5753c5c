package store

import (
	"context"
	"encoding/json"

	"gorm.io/gorm"

	"plantracker/models"
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
	// Asked for a language (ProvisionFilter.Language), Title is in it where
	// the provision has a title in it, TitleLanguage says which language
	// Title is in, and TitleEN keeps the main (English) title. Neither is
	// set otherwise.
	TitleLanguage string `json:"title_language,omitempty"`
	TitleEN       string `json:"title_en,omitempty"`
	sortKey       int    // for the next page's cursor
}

// hitColumns are what a hit reads of its provision, draft and plan, in the
// order scanHits reads them; the wording is read after them, for the
// snippet only.
const hitColumns = "provisions.id, provisions.draft_id, draft.plan_title, draft.number, draft.label, provisions.key, " +
	"provisions.point, provisions.title, provisions.kind, provisions.category, provisions.status, provisions.sourcing, " +
	"provisions.sort_key"

// hitDraft joins a hit with its draft and plan. A subquery, so that the
// plan's title column does not make the provision's ambiguous where the
// search names it unqualified (PostgreSQL's search vector).
const hitDraft = "JOIN (SELECT drafts.id, drafts.number, drafts.label, plans.title AS plan_title " +
	"FROM drafts JOIN plans ON plans.id = drafts.plan_id) AS draft ON draft.id = provisions.draft_id"

// The hit's titles in other languages, a JSON object by language: only
// the translations' titles, never their wording; read only when the search
// asks for a language.
const (
	sqliteHitTitles   = "(SELECT json_group_object(t.value ->> 'language', t.value ->> 'title') FROM json_each(provisions.translations) t)"
	postgresHitTitles = "(SELECT COALESCE(json_object_agg(t ->> 'language', t ->> 'title'), '{}')::text " +
		"FROM json_array_elements(provisions.translations::json) t)"
)

// Search is Provisions' search answered with hits (SearchHit) instead of
// whole provisions: the same filter, the same hits in the same order, the
// same paging (cursors of either serve both). A hit's snippet is made from
// its wording here (snippets), on either database.
func (s *Store) Search(ctx context.Context, f ProvisionFilter) (Page[SearchHit], error) {
	release, err := s.takeSearchTurn(ctx, f)
	if err != nil {
		return Page[SearchHit]{}, err
	}
	defer release()
	page, q, err := listPage[SearchHit](s, ctx, f)
	if err != nil || q == nil {
		return page, err
	}
	titles := ", '{}'"
	switch {
	case f.Language == "":
	case s.dialect == SQLite:
		titles = ", " + sqliteHitTitles
	default:
		titles = ", " + postgresHitTitles
	}
	q = q.Joins(hitDraft).Select(hitColumns + ", provisions.text, provisions.translation_words" + titles)
	hits, err := scanHits(q, f.Language, searchWords(f.Query))
	if err != nil {
		return page, err
	}
	return endPage(page, f, hits, func(h SearchHit) string { return encodeCursor(h.DraftID, h.sortKey, h.ID) }), nil
}

// scanHits reads the rows of a query selecting hitColumns, the wording
// (text and translations' words) and the titles by language, giving each
// hit its snippet of the words searched for, and its title in language
// where one was asked for.
func scanHits(q *gorm.DB, language string, words []string) ([]SearchHit, error) {
	rows, err := q.Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	hits := []SearchHit{}
	snippets := newSnippets(words)
	for rows.Next() {
		var h SearchHit
		var text, translated, titles string
		if err := rows.Scan(&h.ID, &h.DraftID, &h.PlanTitle, &h.DraftNumber, &h.DraftLabel, &h.Key, &h.Point, &h.Title,
			&h.Kind, &h.Category, &h.Status, &h.Sourcing, &h.sortKey, &text, &translated, &titles); err != nil {
			return nil, err
		}
		h.Snippet = snippets.of(text, translated)
		if language != "" {
			if err := h.titleIn(language, titles); err != nil {
				return nil, err
			}
		}
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// titleIn gives the hit its title in language, from its titles by
// language (JSON), keeping the main title apart.
func (h *SearchHit) titleIn(language, titles string) error {
	var byLanguage map[string]string
	if err := json.Unmarshal([]byte(titles), &byLanguage); err != nil {
		return err
	}
	h.TitleEN, h.TitleLanguage = h.Title, models.MainLanguage
	if t := byLanguage[language]; t != "" && language != models.MainLanguage {
		h.Title, h.TitleLanguage = t, language
	}
	return nil
}
