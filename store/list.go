package store

import (
	"context"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"unicode"

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
	Category string
	Kind     string
	Status   string
	Sourcing string
	Party    string // short name: provisions where the party has any role
	Query    string // full-text search over key, title, wording and terms
	Limit    int
	// Either Cursor (from the previous page's NextCursor) or Offset.
	Cursor string
	Offset int
}

// Page is one page of a list. NextCursor is empty on the last page.
type Page[T any] struct {
	Items      []T    `json:"items"`
	Total      int64  `json:"total"`
	Limit      int    `json:"limit"`
	Offset     int    `json:"offset,omitempty"`
	NextCursor string `json:"next_cursor,omitempty"`
}

// ErrBadCursor: a cursor this store did not hand out.
var ErrBadCursor = fmt.Errorf("%w: the cursor is not one this server handed out", ErrInvalidQuery)

// Provisions lists provisions matching the filter, ordered by draft and
// within a draft by point, one page at a time. Pagination is by keyset
// (draft, sort key, id): pages stay stable while rows are added.
func (s *Store) Provisions(ctx context.Context, f ProvisionFilter) (Page[models.Provision], error) {
	page := Page[models.Provision]{Limit: f.Limit, Offset: f.Offset, Items: []models.Provision{}}
	if page.Limit <= 0 {
		page.Limit = DefaultPageSize
	}
	if page.Limit > MaxPageSize {
		page.Limit = MaxPageSize
	}
	db := s.reader(ctx)
	q, ok := s.provisionQuery(db, f)
	if !ok { // a search with no searchable words matches nothing
		return page, nil
	}
	if err := q.Session(&gorm.Session{}).Model(&provisionRecord{}).Count(&page.Total).Error; err != nil {
		return page, err
	}
	q = q.Session(&gorm.Session{})
	if f.Cursor != "" {
		d, k, id, err := decodeCursor(f.Cursor)
		if err != nil {
			return page, err
		}
		q = q.Where("(draft_id > ?) OR (draft_id = ? AND sort_key > ?) OR (draft_id = ? AND sort_key = ? AND id > ?)",
			d, d, k, d, k, id)
	} else if f.Offset > 0 {
		q = q.Offset(f.Offset)
	}
	// One more than asked tells whether there is a next page.
	items, err := loadProvisions(q.Order("draft_id, sort_key, id").Limit(page.Limit + 1))
	if err != nil {
		return page, err
	}
	if len(items) > page.Limit {
		items = items[:page.Limit]
		last := items[len(items)-1]
		page.NextCursor = encodeCursor(last.DraftID, last.SortKey(), last.ID)
	}
	page.Items = items
	return page, nil
}

// provisionQuery builds the WHERE clauses of a filter. It reports false when
// the filter can match nothing.
func (s *Store) provisionQuery(db *gorm.DB, f ProvisionFilter) (*gorm.DB, bool) {
	q := db.Model(&provisionRecord{})
	if f.DraftID != 0 {
		q = q.Where("draft_id = ?", f.DraftID)
	}
	if f.Category != "" {
		q = q.Where("category = ?", f.Category)
	}
	if f.Kind != "" {
		q = q.Where("kind = ?", f.Kind)
	}
	if f.Status != "" {
		q = q.Where("status = ?", f.Status)
	}
	if f.Sourcing != "" {
		q = q.Where("sourcing = ?", f.Sourcing)
	}
	if f.Party != "" {
		q = q.Where("id IN (SELECT pp.provision_id FROM provision_parties pp JOIN parties p ON p.id = pp.party_id WHERE p.short_name = ?)", f.Party)
	}
	if strings.TrimSpace(f.Query) != "" {
		words := searchWords(f.Query)
		if len(words) == 0 {
			return q, false
		}
		switch s.dialect {
		case SQLite:
			q = q.Where("id IN (SELECT rowid FROM provisions_fts WHERE provisions_fts MATCH ?)", fts5Query(words))
		case Postgres:
			q = q.Where(postgresSearchVector+" @@ to_tsquery('simple', ?)", tsQuery(words))
		}
	}
	return q, true
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

// fts5Query: every word must occur, each as a prefix ("troop cap" finds
// "troop-cap" and "capped").
func fts5Query(words []string) string {
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = `"` + w + `"*`
	}
	return strings.Join(parts, " AND ")
}

func tsQuery(words []string) string {
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = w + ":*"
	}
	return strings.Join(parts, " & ")
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
