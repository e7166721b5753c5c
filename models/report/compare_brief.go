package report

// UnchangedRow is an unchanged key listed without its two sides: what the
// API answers for it unless asked for unchanged rows in full. Its two
// provisions are alike in substance; what differs in form, sourcing or
// labels (and what the later draft does not record) is in Changes and
// SourcingChanges, as in a full row, so nothing is lost but the repetition.
type UnchangedRow struct {
	Key string `json:"key"`
	KeyLabels
	// FromID and ToID are the key's provision in each draft.
	FromID int64  `json:"from_id"`
	ToID   int64  `json:"to_id"`
	Note   string `json:"note,omitempty"`
	// Changes are the row's changes that do not count (not_recorded,
	// form_only); SourcingChanges its sourcing and labels, as in a row.
	Changes         []FieldChange `json:"changes"`
	SourcingChanges []FieldChange `json:"sourcing_changes"`
}

// Brief is the comparison as the API answers it by default: the rows of
// every status but unchanged in full, in their order, and the unchanged
// keys in Unchanged, in theirs, without their two sides. Between two long
// drafts most keys are unchanged, and their two sides, alike in
// substance, are two thirds of the answer (2.1 of 3.3 MB for two
// 1,000-provision drafts). Counts stay those of every key, and Sources
// become those of the rows in full.
func (c Comparison) Brief() Comparison {
	kept := make([]ComparisonRow, 0, len(c.Rows)-c.Counts.Unchanged)
	c.Unchanged = make([]UnchangedRow, 0, c.Counts.Unchanged)
	for i := range c.Rows {
		row := &c.Rows[i]
		if row.Status != StatusUnchanged {
			kept = append(kept, *row)
			continue
		}
		c.Unchanged = append(c.Unchanged, unchangedRow(row))
	}
	c.Rows = kept
	c.Sources = c.sourcesShown()
	return c
}

// unchangedRow is row, unchanged, listed without its two sides.
func unchangedRow(row *ComparisonRow) UnchangedRow {
	return UnchangedRow{Key: row.Key, KeyLabels: row.KeyLabels, FromID: row.ids[0], ToID: row.ids[1], Note: row.Note,
		Changes: row.Changes, SourcingChanges: row.SourcingChanges}
}
