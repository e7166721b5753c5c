package api

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/store"
)

// SearchStore is what the search needs of the store.
type SearchStore interface {
	Search(ctx context.Context, f store.ProvisionFilter) (store.Page[store.SearchHit], error)
}

// searchDescription is the search route's description in the OpenAPI
// document: what a hit is, and that its snippet marks nothing.
const searchDescription = "The same filters, hits, order and paging as GET /provisions (its cursors serve both), " +
	"but each hit is what a result list shows: the provision's id, key, point, title, kind, category, status and sourcing, " +
	"its draft's id, number and label, its plan's title, and a snippet: a few words of the wording around the matched words, " +
	"plain text with no marks around them (… where the wording is cut; empty without q). " +
	"Not the wording, terms, parties or citations: GET /provisions/{id} has them. " +
	"Given lang, each hit's title is in that language where the provision has a title in it, title_language says which, " +
	"and title_en keeps the English title; the snippet is from the words in whichever language matched."

// searchPage is the page of hits the search answers with (named for the
// OpenAPI document).
type searchPage struct {
	Items []store.SearchHit `json:"items"`
	pageInfo
}

// search serves GET /search: GET /provisions' filters and paging,
// answered with hits, their titles in lang where it is given.
func (a *API) search(c *gin.Context) {
	q := newQueryReader(c)
	f := acrossDraftsFilter(q)
	f.Language = q.oneOf("lang", models.TextLanguages.Values())
	if !q.ok() {
		return
	}
	if page, ok := load(c, a.store.Search, f); ok {
		c.JSON(http.StatusOK, searchPage{Items: page.Items, pageInfo: pageInfoOf(page)})
	}
}
