package export

import "plantracker/models"

// statusMark is how every format marks a comparison row's status: a symbol
// that survives black-and-white printing and plain text, and the word, so
// that neither colour nor the symbol alone carries the meaning.
func statusMark(s models.DiffStatus) string {
	switch s {
	case models.StatusAdded:
		return "+ added"
	case models.StatusRemoved:
		return "− removed"
	case models.StatusChanged:
		return "~ changed"
	case models.StatusUnchanged:
		return "= unchanged"
	}
	return string(s)
}

// allChanges lists a row's changes in substance, then in sourcing only.
func allChanges(r *models.ComparisonRow) []models.FieldChange {
	return append(append([]models.FieldChange{}, r.Changes...), r.SourcingChanges...)
}
