package report

import (
	"cmp"
	"slices"

	"plantracker/models"
)

// TimelineKey is one provision key as the timelines index lists it: "all
// troop caps" are the keys of kind troop_cap.
type TimelineKey struct {
	Key       string `json:"key"`
	Kind      string `json:"kind"`
	KindLabel string `json:"kind_label"`
	Title     string `json:"title"`  // of its most recently added provision
	Drafts    int    `json:"drafts"` // how many drafts mention it
}

// NewTimelineKey describes key, with its kind's label.
func NewTimelineKey(key, kind, title string, drafts int) TimelineKey {
	k := TimelineKey{Key: key, Kind: kind, KindLabel: kind, Title: title, Drafts: drafts}
	if kd, ok := models.KindByName(kind); ok {
		k.KindLabel = kd.Label
	}
	return k
}

// SortTimelineKeys orders keys by kind label, then key (byte-wise, as on
// every database).
func SortTimelineKeys(keys []TimelineKey) {
	slices.SortFunc(keys, func(a, b TimelineKey) int {
		return cmp.Or(cmp.Compare(a.KindLabel, b.KindLabel), cmp.Compare(a.Key, b.Key))
	})
}
