package store

import (
	"strings"
	"testing"

	"gorm.io/gorm"
)

// requireIndex fails the test unless the database's plan for query reads
// the index. PostgreSQL is told to avoid sequential scans, as it would on
// a table as small as a test's: the question is whether the index can
// serve the query at all.
func requireIndex(t *testing.T, s *Store, index string, query func(tx *gorm.DB) *gorm.DB) {
	t.Helper()
	sql := s.read.ToSQL(query)
	var plan []string
	err := s.write.Transaction(func(tx *gorm.DB) error {
		if s.Dialect() == SQLite {
			var rows []struct{ Detail string }
			err := tx.Raw("EXPLAIN QUERY PLAN " + sql).Scan(&rows).Error
			for _, r := range rows {
				plan = append(plan, r.Detail)
			}
			return err
		}
		if err := tx.Exec("SET LOCAL enable_seqscan = off").Error; err != nil {
			return err
		}
		return tx.Raw("EXPLAIN " + sql).Scan(&plan).Error
	})
	if err != nil {
		t.Fatalf("%v\n%s", err, sql)
	}
	if joined := strings.Join(plan, "\n"); !strings.Contains(joined, index) {
		t.Fatalf("the query does not use %s:\n%s\n%s", index, sql, joined)
	}
}
