package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// migrate brings the schema up to date. GORM creates and extends the tables
// from the records (portable across SQLite and PostgreSQL); what GORM cannot
// express, full-text search, is created per dialect with idempotent SQL.
func (s *Store) migrate(ctx context.Context) error {
	db := s.write.WithContext(ctx)
	if err := db.AutoMigrate(&partyRecord{}, &sourceRecord{}, &planRecord{}, &draftRecord{}, &signatoryRecord{},
		&provisionRecord{}, &provisionPartyRecord{}, &changeRecord{},
		&userRecord{}, &sessionRecord{}, &tokenRecord{},
		&positionRecord{}, &implementationStepRecord{},
		&draftStanceRecord{}, &eventRecord{}, &eventPartyRecord{}, &eventDraftRecord{}); err != nil {
		return err
	}
	if err := dropOldSearchIndex(db, s.dialect); err != nil {
		return err
	}
	// provisions_reading_order (draft, number, key) serves what the old
	// index (draft, number) did and the draft's order whole.
	if err := db.Exec(`DROP INDEX IF EXISTS provisions_draft_order`).Error; err != nil {
		return err
	}
	var stmts []string
	switch s.dialect {
	case SQLite:
		if err := ensureSearchFacets(db); err != nil {
			return err
		}
		stmts = sqliteSearchSchema
	case Postgres:
		stmts = postgresSearchSchema
	}
	for _, stmt := range stmts {
		if err := db.Exec(stmt).Error; err != nil {
			return fmt.Errorf("%w (in %.60s…)", err, stmt)
		}
	}
	if s.dialect == SQLite {
		if err := ensureTermsSchema(db); err != nil {
			return err
		}
	}
	if err := ensurePartyLinksColumn(db, s.dialect); err != nil {
		return err
	}
	if err := ensureAuthEpoch(db); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *gorm.DB) error { return s.migrateLegacyCitations(tx) })
}

// SQLite: an external-content FTS5 index over the provisions, kept in step by
// triggers (which also fire for rows removed by ON DELETE CASCADE). The
// words of the provision's translations are indexed too (column 4,
// translation_words), so a search in either language finds it, and so are
// the values a search filters on (column 5, search_facets: see
// search_facets.go), which no typed word is looked for in.
var sqliteSearchSchema = []string{
	`CREATE VIRTUAL TABLE IF NOT EXISTS provisions_fts USING fts5(
		key, title, text, terms, translation_words, search_facets,
		content='provisions', content_rowid='id',
		tokenize='unicode61 remove_diacritics 2')`,
	`CREATE TRIGGER IF NOT EXISTS provisions_fts_insert AFTER INSERT ON provisions BEGIN
		INSERT INTO provisions_fts(rowid, key, title, text, terms, translation_words, search_facets)
			VALUES (new.id, new.key, new.title, new.text, new.terms, new.translation_words, new.search_facets);
	END`,
	`CREATE TRIGGER IF NOT EXISTS provisions_fts_delete AFTER DELETE ON provisions BEGIN
		INSERT INTO provisions_fts(provisions_fts, rowid, key, title, text, terms, translation_words, search_facets)
			VALUES ('delete', old.id, old.key, old.title, old.text, old.terms, old.translation_words, old.search_facets);
	END`,
	`CREATE TRIGGER IF NOT EXISTS provisions_fts_update AFTER UPDATE OF key, title, text, terms, translation_words,
			category, kind, status, sourcing ON provisions BEGIN
		INSERT INTO provisions_fts(provisions_fts, rowid, key, title, text, terms, translation_words, search_facets)
			VALUES ('delete', old.id, old.key, old.title, old.text, old.terms, old.translation_words, old.search_facets);
		INSERT INTO provisions_fts(rowid, key, title, text, terms, translation_words, search_facets)
			VALUES (new.id, new.key, new.title, new.text, new.terms, new.translation_words, new.search_facets);
	END`,
	// Fills an index just (re)created from the rows; a no-op on one in step.
	`INSERT INTO provisions_fts(provisions_fts) SELECT 'rebuild' WHERE NOT EXISTS (SELECT 1 FROM provisions_fts_docsize)
		AND EXISTS (SELECT 1 FROM provisions)`,
}

// PostgreSQL: a GIN index over the same columns' text search vector. The
// 'simple' configuration folds case without stemming, like FTS5's unicode61,
// so both stores find the same rows for the same query.
var postgresSearchSchema = []string{
	`CREATE INDEX IF NOT EXISTS provisions_search_words ON provisions USING GIN (` + postgresSearchVector + `)`,
}

const postgresSearchVector = `to_tsvector('simple', key || ' ' || title || ' ' || text || ' ' || terms || ' ' || translation_words)`
