package store

import (
	"context"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gorm.io/gorm"

	"plantracker/models"
)

// MaxPageSize bounds one page of a list.
const MaxPageSize = 500

// DefaultPageSize is a page's size when the caller does not say.
const DefaultPageSize = 50

// ProvisionFilter selects provisions. Zero fields do not filter.
type ProvisionFilter struct {
	DraftID  int64
	PlanID   int64 // provisions of this plan's drafts
	Category string
	Kind     string
	Status   string
	Sourcing string
	Party    string // short name: provisions where the party has any role
	Query    string // full-text search over key, title, wording and terms
	// Language: the language Search gives the hits' titles in, where a
	// provision has a title in it ("" for the main titles alone, as ever).
	// The list of whole provisions has every language already.
	Language string
	Limit    int
	// Either Cursor (from the previous page's NextCursor) or Offset.
	Cursor string
	Offset int
}

// Page is one page of a list. NextCursor is empty on the last page.
type Page[T any] struct {
	Items []T `json:"items"`
	// Total is how many match in all, unless TotalUnknown: a list that
	// would cost more to count than to page leaves it uncounted (see
	// Store.Provisions).
	Total        int64  `json:"total"`
	TotalUnknown bool   `json:"-"`
	Limit        int    `json:"limit"`
	Offset       int    `json:"offset,omitempty"`
	NextCursor   string `json:"next_cursor,omitempty"`
}

// ErrBadCursor: a cursor this store did not hand out.
var ErrBadCursor = fmt.Errorf("%w: the cursor is not one this server handed out", ErrInvalidQuery)

// Provisions lists provisions matching the filter, one page at a time, with
// keyset pagination: pages stay stable while rows are added.
//
// Within one draft (DraftID set) they come in the draft's order, by point
// (sort key, then id), and Total is always counted: an index range no
// larger than the draft.
//
// Across drafts they come in the order they were added (by id). That is
// the order a full-text index holds them in, so a search across every
// draft reads its page straight out of the index, stopping after one page
// however many provisions match, and each filter's index holds its rows in
// that order too. Counting every match of a common word among 100,000
// provisions would cost many pages' worth, so across drafts Total is
// counted only for the unfiltered list (a table count, which is cheap);
// for a filtered list it is known when the whole list fits on its first
// page, and TotalUnknown is set otherwise: follow NextCursor.
func (s *Store) Provisions(ctx context.Context, f ProvisionFilter) (Page[models.Provision], error) {
	release, err := s.takeSearchTurn(ctx, f)
	if err != nil {
		return Page[models.Provision]{}, err
	}
	defer release()
	page, q, err := listPage[models.Provision](s, ctx, f)
	if err != nil || q == nil {
		return page, err
	}
	items, err := loadProvisions(q)
	if err != nil {
		return page, err
	}
	return endPage(page, f, items, func(p models.Provision) string { return encodeCursor(p.DraftID, p.SortKey(), p.ID) }), nil
}

// listPage checks a filter and builds the query of its page, with one row
// more than the page holds (which tells whether there is a next), and the
// page's Total where it is counted (see Provisions). The query is nil when
// the filter can match nothing. Across drafts on SQLite, a search's page
// is read out of the full-text index first (acrossDrafts).
func listPage[T any](s *Store, ctx context.Context, f ProvisionFilter) (Page[T], *gorm.DB, error) {
	page := Page[T]{Limit: f.Limit, Offset: f.Offset, Items: []T{}}
	if page.Limit <= 0 {
		page.Limit = DefaultPageSize
	}
	if page.Limit > MaxPageSize {
		page.Limit = MaxPageSize
	}
	if err := checkFilterText(map[string]string{"party": f.Party, "q": f.Query, "cursor": f.Cursor}); err != nil {
		return page, nil, err
	}
	var cursorID, cursorDraft int64
	var cursorSort int
	if f.Cursor != "" {
		var err error
		if cursorDraft, cursorSort, cursorID, err = decodeCursor(f.Cursor); err != nil {
			return page, nil, err
		}
	}
	db := s.reader(ctx)
	n := page.Limit + 1 // one more than asked tells whether there is a next page
	offset := 0
	if f.Cursor == "" {
		offset = f.Offset
	}
	var q *gorm.DB
	var ok bool
	if f.DraftID != 0 {
		if q, ok = s.provisionQuery(db, f); !ok { // a search with no searchable words matches nothing
			return page, nil, nil
		}
		if err := q.Session(&gorm.Session{}).Count(&page.Total).Error; err != nil {
			return page, nil, err
		}
		q = q.Session(&gorm.Session{})
		if f.Cursor != "" {
			if cursorDraft != f.DraftID {
				return page, nil, ErrBadCursor
			}
			q = q.Where("(provisions.sort_key > ?) OR (provisions.sort_key = ? AND provisions.id > ?)", cursorSort, cursorSort, cursorID)
		}
		q = q.Order("provisions.sort_key, provisions.id").Offset(offset).Limit(n)
	} else {
		var err error
		if q, ok, err = s.acrossDrafts(db, f, cursorID, offset, n); err != nil || !ok {
			return page, nil, err
		}
		if !f.filtered() {
			if err := db.Model(&provisionRecord{}).Count(&page.Total).Error; err != nil {
				return page, nil, err
			}
		}
	}
	return page, q, nil
}

// endPage puts a page's rows (one more than the page holds, if there is a
// next page) on it, with the cursor of the next page (cursor: a row's) and
// Total where the page alone tells it.
func endPage[T any](page Page[T], f ProvisionFilter, items []T, cursor func(T) string) Page[T] {
	if len(items) > page.Limit {
		items = items[:page.Limit]
		page.NextCursor = cursor(items[len(items)-1])
	}
	page.Items = items
	if f.DraftID == 0 && f.filtered() {
		// The whole list is on this page when it starts at the beginning
		// and has no next.
		if page.TotalUnknown = f.Cursor != "" || f.Offset > 0 || page.NextCursor != ""; !page.TotalUnknown {
			page.Total = int64(len(items))
		}
	}
	return page
}

// ProvisionCounts returns how many provisions each draft has (drafts with
// none are absent): one pass over the drafts' index, where asking each
// draft's list for its total would be a query per draft.
func (s *Store) ProvisionCounts(ctx context.Context) (map[int64]int64, error) {
	rows, err := s.reader(ctx).Model(&provisionRecord{}).Select("draft_id, COUNT(*)").Group("draft_id").Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	counts := map[int64]int64{}
	for rows.Next() {
		var draft, n int64
		if err := rows.Scan(&draft, &n); err != nil {
			return nil, err
		}
		counts[draft] = n
	}
	return counts, rows.Err()
}

func (f ProvisionFilter) filtered() bool {
	return f.PlanID != 0 || f.Category != "" || f.Kind != "" || f.Status != "" || f.Sourcing != "" || f.Party != "" ||
		strings.TrimSpace(f.Query) != ""
}

// provisionQuery builds the WHERE clauses of a filter. It reports false when
// the filter can match nothing.
func (s *Store) provisionQuery(db *gorm.DB, f ProvisionFilter) (*gorm.DB, bool) {
	q := db.Model(&provisionRecord{})
	if f.DraftID != 0 {
		q = q.Where("provisions.draft_id = ?", f.DraftID)
	}
	if f.PlanID != 0 {
		q = q.Where("provisions.draft_id IN (SELECT id FROM drafts WHERE plan_id = ?)", f.PlanID)
	}
	q = columnFilters(q, f)
	if f.Party != "" {
		q = q.Where("provisions.id IN (SELECT pp.provision_id FROM provision_parties pp JOIN parties p ON p.id = pp.party_id WHERE p.short_name = ?)", f.Party)
	}
	if strings.TrimSpace(f.Query) != "" {
		words := searchWords(f.Query)
		if len(words) == 0 {
			return q, false
		}
		switch s.dialect {
		case SQLite:
			q = q.Where("provisions.id IN (SELECT rowid FROM provisions_fts WHERE provisions_fts MATCH ?)", s.fts5Match(db, words))
		case Postgres:
			q = q.Where(postgresSearchVector+" @@ to_tsquery('simple', ?)", tsQuery(words))
		}
	}
	return q, true
}

// acrossDrafts builds the query of a page of a list across drafts: the
// provisions after the one with id after (the cursor), by id.
//
// On SQLite a search reads the full-text index first, in the index's own
// order (rowid), and stops at the page's end. The filters on the
// provision's columns are words of the index too (search_facets.go), so
// FTS5 skips along the words' matches and the filters' together; a plan
// or party is checked match by match with lookups in indexes alone
// (EXISTS), never in the table's rows; only the page's own rows are read.
// So a search costs as many index lookups as it takes to fill the page,
// however many provisions match, and no more rows than it shows. (FTS5
// itself gathers every entry of a word searched as a prefix before it
// hands out the first; fts5Match asks for the terms the word begins
// instead where it can.) ok is false when the filter can match nothing.
func (s *Store) acrossDrafts(db *gorm.DB, f ProvisionFilter, after int64, offset, limit int) (*gorm.DB, bool, error) {
	if s.dialect != SQLite || strings.TrimSpace(f.Query) == "" {
		q, ok := s.provisionQuery(db, f)
		return q.Where("provisions.id > ?", after).Order("provisions.id").Offset(offset).Limit(limit), ok, nil
	}
	words := searchWords(f.Query)
	if len(words) == 0 {
		return nil, false, nil
	}
	match := s.fts5Match(db, words)
	if facets := facetsMatch(f); facets != "" {
		match += " AND " + facets
	}
	page := db.Table("provisions_fts").Where("provisions_fts MATCH ?", match)
	if f.PlanID != 0 {
		page = page.Where("EXISTS (SELECT 1 FROM provisions x JOIN drafts d ON d.id = x.draft_id WHERE x.id = provisions_fts.rowid AND d.plan_id = ?)", f.PlanID)
	}
	if f.Party != "" {
		// The party's id is read first: as a subquery inside the check
		// made for every match, it cost a third of the check (0.4 of
		// 1.3 ms for a word with 1,700 matches).
		var partyIDs []int64
		if err := db.Session(&gorm.Session{NewDB: true}).Table("parties").Where("short_name = ?", f.Party).
			Limit(1).Pluck("id", &partyIDs).Error; err != nil {
			return nil, false, err
		}
		if len(partyIDs) == 0 {
			return nil, false, nil // no such party: nothing matches
		}
		page = page.Where("EXISTS (SELECT 1 FROM provision_parties pp WHERE pp.provision_id = provisions_fts.rowid AND pp.party_id = ?)", partyIDs[0])
	}
	page = page.Where("provisions_fts.rowid > ?", after).Order("provisions_fts.rowid").Offset(offset).Limit(limit)
	// The page joined, not asked IN: searches of the load ran 13 % slower
	// asked IN it (wrk against both builds in turn, four rounds).
	return db.Table("(?) AS hits", page.Select("provisions_fts.rowid AS id")).
		Joins("JOIN provisions ON provisions.id = hits.id").Order("hits.id"), true, nil
}

// columnFilters adds the filters on the provision's own columns, each of
// which has an index.
func columnFilters(q *gorm.DB, f ProvisionFilter) *gorm.DB {
	for _, c := range f.columnValues() {
		if c.value != "" {
			q = q.Where("provisions."+c.column+" = ?", c.value)
		}
	}
	return q
}

// columnValue is a filter on one of the provision's own columns: the
// column and the value asked for ("" for any).
type columnValue struct{ column, value string }

// columnValues are the filter's values for the provision's own columns,
// every column named whether the filter asks for it or not. SQLite's
// full-text index holds these columns' values as words
// (search_facets.go): a column added here needs the generated column of
// existing databases made again, or their searches filtered by it find
// nothing.
func (f ProvisionFilter) columnValues() []columnValue {
	return []columnValue{{"category", f.Category}, {"kind", f.Kind}, {"status", f.Status}, {"sourcing", f.Sourcing}}
}

// inByteOrder is an ORDER BY term that sorts a text column the same way on
// both databases: by bytes, which for UTF-8 is by code point. SQLite
// compares text so by default (BINARY); PostgreSQL would use the database's
// collation, which depends on how the server was set up (en-US puts "alpha"
// and "Élysée" before "Zeta"; byte order puts them after).
func inByteOrder(db *gorm.DB, column string) string {
	if db.Dialector.Name() == "postgres" {
		return column + ` COLLATE "C"`
	}
	return column
}

// searchWords splits what a person typed into the words a full-text index
// holds. Everything else (quotes, operators, punctuation) is dropped, so no
// input can be a syntax error in the index's query language.
func searchWords(q string) []string {
	words := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) > 16 {
		words = words[:16]
	}
	return words
}

// tsQuery: every word must occur, each as a prefix ("troop cap" finds
// "troop-cap" and "capped"; see wholeWord for the exception), on
// PostgreSQL (fts5Match is SQLite's).
func tsQuery(words []string) string {
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = w
		if !wholeWord(w) {
			parts[i] += ":*"
		}
	}
	return strings.Join(parts, " & ")
}

// wholeWord says whether a search word is matched as a whole word rather
// than as a prefix: a single letter or digit is. As a prefix it would
// match nearly every provision, and the full-text index gathers every
// entry of every word a prefix begins before it hands out the first: "a"
// took 33 ms among 102,000 provisions (a common word 0.6 ms), enough to
// stall every search queued behind it; matched whole it is as quick as
// any rare word.
func wholeWord(w string) bool {
	return utf8.RuneCountInString(w) == 1
}

func encodeCursor(draftID int64, sortKey int, id int64) string {
	raw := fmt.Sprintf("%d.%d.%d", draftID, sortKey, id)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

func decodeCursor(c string) (draftID int64, sortKey int, id int64, err error) {
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return 0, 0, 0, ErrBadCursor
	}
	parts := strings.Split(string(raw), ".")
	if len(parts) != 3 {
		return 0, 0, 0, ErrBadCursor
	}
	draftID, err1 := strconv.ParseInt(parts[0], 10, 64)
	sk, err2 := strconv.Atoi(parts[1])
	id, err3 := strconv.ParseInt(parts[2], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return 0, 0, 0, ErrBadCursor
	}
	return draftID, sk, id, nil
}
