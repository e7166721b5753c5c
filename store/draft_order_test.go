package store

import (
	"strings"
	"testing"

	"gorm.io/gorm"
)

// TestDraftOrderIsAnIndex: a draft's provisions are read in its order
// through provisions_reading_order; on SQLite without sorting them (a
// sort copied every row of a 1,000-provision draft once more, a sixth of
// reading it).
func TestDraftOrderIsAnIndex(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		query := func(tx *gorm.DB) *gorm.DB {
			return inDraftOrder(tx, f.draft.ID).Model(&provisionRecord{}).Select(provisionColumns).Find(&[]provisionRecord{})
		}
		requireIndex(t, s, "provisions_reading_order", query)
		if s.Dialect() != SQLite {
			return
		}
		var plan []struct{ Detail string }
		if err := s.read.Raw("EXPLAIN QUERY PLAN " + s.read.ToSQL(query)).Scan(&plan).Error; err != nil {
			t.Fatal(err)
		}
		for _, step := range plan {
			if strings.Contains(step.Detail, "TEMP B-TREE") {
				t.Errorf("the draft's provisions are sorted: %s", step.Detail)
			}
		}
	})
}
