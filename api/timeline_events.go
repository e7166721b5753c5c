package api

import (
	"plantracker/models"
	"plantracker/models/report"
)

// KeyTimeline is a key's timeline with the events that concern the key,
// by date. The events are beside the drafts' entries, not among them: the
// timeline is of the key's value, draft by draft.
type KeyTimeline struct {
	report.Timeline
	Events []models.Event `json:"events"`
}
