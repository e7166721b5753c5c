package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"
)

// The full-text index's terms, for searching a word as the words it begins.
//
// A search finds each word as a prefix ("guarantee" finds "guarantees").
// FTS5 answers a prefix query by gathering every entry of every term the
// prefix begins into one list before it hands out the first match, so a
// common prefix costs in proportion to all its matches even for a page of
// 50: "guarantee"* was 0.9 ms of index work among 102,000 provisions,
// where "guarantee" OR "guaranteed" OR "guarantees" (the same matches, read
// as needed) was 0.08 ms. So a search asks for the terms the word begins,
// when the store knows them for certain, and for the prefix otherwise.
//
// The store knows them for certain by an epoch, as the token cache does
// (auth_epoch.go): one row, raised by triggers on every insert of a
// provision and every change of the columns the index holds, in the
// transaction that writes them, by any process; and raised past its old
// value by a restore. The list is read together with the epoch in one read
// transaction, and used only while the epoch a search reads is the same.
// Terms only vanish otherwise (a provision deleted), and a term without
// matches in the list matches nothing. A stale list is read again in the
// background, at most once per ten times the last read took (at least a
// second), and searches ask for prefixes until it is.
//
// A word is looked up only where it is what the index holds: lower-case
// ASCII letters and digits, and Cyrillic letters, which the tokenizer
// keeps as they are (it drops the diacritics of Latin letters: "Élysée" is
// indexed "elysee", and such a word is asked as a prefix).
const termsEpochTable = "search_terms_epoch"

var sqliteTermsSchema = append(epochSchema(termsEpochTable),
	`CREATE TRIGGER IF NOT EXISTS provisions_terms_insert AFTER INSERT ON provisions BEGIN
		UPDATE `+termsEpochTable+` SET epoch = epoch + 1 WHERE id = 1;
	END`,
	`CREATE TRIGGER IF NOT EXISTS provisions_terms_update AFTER UPDATE OF key, title, text, terms, translation_words ON provisions BEGIN
		UPDATE `+termsEpochTable+` SET epoch = epoch + 1 WHERE id = 1;
	END`,
	// The index's vocabulary, one row per term in term order.
	`CREATE VIRTUAL TABLE IF NOT EXISTS provisions_fts_terms USING fts5vocab(provisions_fts, 'row')`,
)

// maxTermsPerWord bounds how many terms a word is asked as; a word that
// begins more is asked as a prefix.
const maxTermsPerWord = 64

// searchTerms is the index's terms as last read, and when to read them
// again.
type searchTerms struct {
	mu      sync.Mutex
	epoch   int64    // the epoch the terms were read at; 0: never read
	terms   []string // sorted
	reading bool
	// notBefore is when the terms may next be read: reading costs in
	// proportion to the index.
	notBefore time.Time
}

// errNoTermsEpoch: the epoch could not be read, so neither are the terms.
var errNoTermsEpoch = errors.New("no search terms epoch")

// ensureTermsSchema makes the epoch, its triggers and the vocabulary
// table where they are missing (SQLite only).
func ensureTermsSchema(tx *gorm.DB) error {
	for _, stmt := range sqliteTermsSchema {
		if err := tx.Exec(stmt).Error; err != nil {
			return fmt.Errorf("%w (in %.60s…)", err, stmt)
		}
	}
	return nil
}

// raiseTermsEpochPast sets the epoch above both before and its present
// value, after a restore has replaced it with a backup's: every
// instance's terms are read again.
func (s *Store) raiseTermsEpochPast(ctx context.Context, before int64) error {
	return s.inTx(ctx, func(tx *gorm.DB) error {
		if err := ensureTermsSchema(tx); err != nil {
			return err
		}
		return raiseEpochPast(tx, termsEpochTable, before)
	})
}

// termsEpoch reads the epoch; ok is false where it cannot be read (a
// restored database without the row until it is raised).
func termsEpoch(db *gorm.DB) (epoch int64, ok bool) { return readEpoch(db, termsEpochTable) }

// fts5Match is the full-text query of words for db's database: every word
// must occur, each as the terms it begins where they are known (see
// above), else as a prefix; see wholeWord for the exception. The words
// are looked for in every column but the filters' (search_facets.go).
func (s *Store) fts5Match(db *gorm.DB, words []string) string {
	var known []string // the index's terms, where current
	if s.dialect == SQLite && slices.ContainsFunc(words, lookedUp) {
		if epoch, ok := termsEpoch(db); ok {
			known = s.terms.current(epoch, s.readSearchTerms)
		}
	}
	parts := make([]string, len(words))
	for i, w := range words {
		var begun string // the terms w begins, where known
		if known != nil && lookedUp(w) {
			begun = termsBegunBy(known, w)
		}
		switch {
		case begun != "":
			parts[i] = begun
		case wholeWord(w):
			parts[i] = `"` + w + `"`
		default:
			parts[i] = `"` + w + `"*`
		}
	}
	return "- {" + facetsColumn + "} : (" + strings.Join(parts, " AND ") + ")"
}

// termsBegunBy is the OR of the terms w begins, or "" where none does or
// too many do: the word is then asked as a prefix (which matches nothing
// as quickly where no term begins with it).
func termsBegunBy(terms []string, w string) string {
	i, _ := slices.BinarySearch(terms, w)
	j := i
	for j < len(terms) && strings.HasPrefix(terms[j], w) {
		j++
		if j-i > maxTermsPerWord {
			return ""
		}
	}
	if j == i {
		return ""
	}
	quoted := make([]string, j-i)
	for n, t := range terms[i:j] {
		quoted[n] = `"` + t + `"`
	}
	return "(" + strings.Join(quoted, " OR ") + ")"
}

// lookedUp says whether a word is asked as the terms it begins when they
// are known: it is as the index holds it (lower-case ASCII letters and
// digits, Cyrillic letters), and not matched whole.
func lookedUp(w string) bool {
	if wholeWord(w) {
		return false
	}
	for _, r := range w {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
		case 0x430 <= r && r <= 0x45f, r == 'ґ':
		default:
			return false
		}
	}
	return true
}

// current is the terms if they were read at epoch, else nil; a stale or
// unread list is read again in the background by read, when it may be.
func (t *searchTerms) current(epoch int64, read func() (int64, []string, error)) []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.epoch == epoch {
		return t.terms
	}
	if !t.reading && !time.Now().Before(t.notBefore) {
		t.reading = true
		go t.refresh(read)
	}
	return nil
}

// refresh reads the terms and keeps them with the epoch they were read at.
func (t *searchTerms) refresh(read func() (int64, []string, error)) {
	started := time.Now()
	epoch, terms, err := read()
	took := time.Since(started)
	t.mu.Lock()
	defer t.mu.Unlock()
	t.reading = false
	t.notBefore = time.Now().Add(max(time.Second, 10*took))
	if err == nil {
		t.epoch, t.terms = epoch, terms
	}
}

// readSearchTerms reads the epoch and the index's terms in one read
// transaction, so that the terms are those of that epoch.
func (s *Store) readSearchTerms() (epoch int64, terms []string, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err = s.read.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var ok bool
		if epoch, ok = termsEpoch(tx); !ok {
			return errNoTermsEpoch
		}
		rows, err := queryRows(tx, `SELECT term FROM provisions_fts_terms`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var term string
			if err := rows.Scan(&term); err != nil {
				return err
			}
			terms = append(terms, term)
		}
		return rows.Err()
	})
	// fts5vocab gives the terms in the index's order, which is byte
	// order; sorted again all the same, as the lookup depends on it.
	if !slices.IsSorted(terms) {
		slices.Sort(terms)
	}
	return epoch, terms, err
}
