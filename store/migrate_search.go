package store

import (
	"strings"

	"gorm.io/gorm"
)

// dropOldSearchIndex removes a full-text index made before the
// translations' words and the filters' values (search_facets) were
// indexed, so that migrate makes it anew with them (and, on SQLite, fills
// it from the rows): on SQLite the FTS5 table and its triggers, which
// CREATE … IF NOT EXISTS would otherwise keep as they were; on
// PostgreSQL the index over the old search vector, which searches no
// longer use.
func dropOldSearchIndex(db *gorm.DB, dialect Dialect) error {
	if dialect == Postgres {
		return db.Exec(`DROP INDEX IF EXISTS provisions_search`).Error
	}
	var definition string
	if err := db.Raw(`SELECT COALESCE(MAX(sql), '') FROM sqlite_master WHERE name = 'provisions_fts'`).
		Scan(&definition).Error; err != nil {
		return err
	}
	if definition == "" || strings.Contains(definition, facetsColumn) {
		return nil
	}
	for _, stmt := range []string{
		`DROP TRIGGER IF EXISTS provisions_fts_insert`,
		`DROP TRIGGER IF EXISTS provisions_fts_delete`,
		`DROP TRIGGER IF EXISTS provisions_fts_update`,
		`DROP TABLE provisions_fts`,
	} {
		if err := db.Exec(stmt).Error; err != nil {
			return err
		}
	}
	return nil
}
