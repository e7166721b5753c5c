package api

import "plantracker/store"

// pageInfo is what a page of a list says beside its items. Total is how
// many match in all where the store counted them (see store.Provisions):
// left out, not 0, where it did not.
type pageInfo struct {
	Total      *int64 `json:"total,omitempty"`
	Limit      int    `json:"limit"`
	Offset     int    `json:"offset,omitempty"`
	NextCursor string `json:"next_cursor,omitempty"`
}

func pageInfoOf[T any](page store.Page[T]) pageInfo {
	info := pageInfo{Limit: page.Limit, Offset: page.Offset, NextCursor: page.NextCursor}
	if !page.TotalUnknown {
		info.Total = &page.Total
	}
	return info
}
