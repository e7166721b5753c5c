package store

import "gorm.io/gorm"

// replaceLinks makes the rows of a link table that belong to one row (the
// column holding its id) one per item, in the items' order: the old rows
// go, and link makes the row of the item at position i. A draft's
// signatories, a provision's parties and an event's parties and drafts
// are written this way.
func replaceLinks[T, R any](tx *gorm.DB, column string, id int64, items []T, link func(i int, item T) R) error {
	if err := tx.Where(column+" = ?", id).Delete(new(R)).Error; err != nil {
		return err
	}
	if len(items) == 0 {
		return nil
	}
	recs := make([]R, len(items))
	for i, item := range items {
		recs[i] = link(i, item)
	}
	return tx.Create(&recs).Error
}
