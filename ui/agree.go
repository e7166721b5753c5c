package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/store"
	"plantracker/ui/export"
)

// Who agrees: a party's page (what binds, guarantees and benefits it in
// every draft, its stances and its stated positions checked), a draft's
// stance map (provisions by parties) with its CSV and Markdown, and the
// gaps of one key (what each party asked beside what each plan's latest
// draft offers).

// AgreeStore is what these pages need of the store.
type AgreeStore interface {
	PartyByShortName(ctx context.Context, short string) (models.Party, error)
	PartyRecord(ctx context.Context, partyID int64) (models.PartyRecord, error)
	StanceMap(ctx context.Context, draftID int64, category, party string) (models.StanceMap, error)
	Gaps(ctx context.Context, key string) (models.Gaps, error)
	ImplementationSteps(ctx context.Context, f store.ImplementationFilter) ([]models.ImplementationStep, error)
	Positions(ctx context.Context, f store.PositionFilter) ([]models.Position, error)
}

// partyURL is a party's page: /parties/UA.
func partyURL(short string) string { return "/parties/" + url.PathEscape(short) }

type partyPage struct {
	Page
	Record models.PartyRecord
}

// showParty serves GET /parties/:id, where :id is the party's short name
// (a number is taken as its id, and redirected to the short name).
func (u *UI) showParty(c *gin.Context) {
	ctx := c.Request.Context()
	name := c.Param("id")
	if n, err := strconv.ParseInt(name, 10, 64); err == nil {
		p, err := u.store.Party(ctx, n)
		if err != nil {
			fail(c, err)
			return
		}
		c.Redirect(http.StatusMovedPermanently, partyURL(p.ShortName))
		return
	}
	p, err := u.store.PartyByShortName(ctx, strings.ToUpper(name))
	if err != nil {
		fail(c, err)
		return
	}
	rec, err := u.store.PartyRecord(ctx, p.ID)
	if err != nil {
		fail(c, err)
		return
	}
	render(c, http.StatusOK, "party", &partyPage{Page: Page{Title: p.ShortName + " — " + p.Name, Section: "parties"}, Record: rec})
}

type stancesPage struct {
	Page
	Map        models.StanceMap
	Categories models.Vocabulary
	Parties    []string // every party with a part in the draft, for the filter
	Query      string   // the filter as a query string, for the exports
}

// stanceFilter reads ?category= and ?party=; unknown values are ignored,
// as the draft page ignores them.
func stanceFilter(c *gin.Context) (category, party string) {
	if cat := c.Query("category"); models.Categories.Has(cat) {
		category = cat
	}
	return category, strings.ToUpper(strings.TrimSpace(c.Query("party")))
}

// showStances serves GET /drafts/:id/stances.
func (u *UI) showStances(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	ctx := c.Request.Context()
	category, party := stanceFilter(c)
	m, err := u.store.StanceMap(ctx, id, category, party)
	if err != nil {
		fail(c, err)
		return
	}
	all := m
	if category != "" || party != "" {
		if all, err = u.store.StanceMap(ctx, id, "", ""); err != nil {
			fail(c, err)
			return
		}
	}
	q := url.Values{}
	if category != "" {
		q.Set("category", category)
	}
	if party != "" {
		q.Set("party", party)
	}
	query := ""
	if len(q) > 0 {
		query = "?" + q.Encode()
	}
	render(c, http.StatusOK, "stances", &stancesPage{Page: Page{Title: loc(c).T("stances.title") + " " + loc(c).T("stances.on", "Draft", m.Draft.Name()), Section: "home"},
		Map: m, Categories: models.Categories, Parties: all.Parties, Query: query})
}

// exportStances serves GET /drafts/:id/stances.{csv,md}.
func (u *UI) exportStances(format string) gin.HandlerFunc {
	return func(c *gin.Context) {
		id, ok := pathID(c, "id")
		if !ok {
			return
		}
		category, party := stanceFilter(c)
		m, err := u.store.StanceMap(c.Request.Context(), id, category, party)
		if err != nil {
			fail(c, err)
			return
		}
		var buf bytes.Buffer
		if format == "csv" {
			err = export.StanceMapCSV(&buf, m, loc(c))
		} else {
			err = export.StanceMapMarkdown(&buf, m, loc(c))
		}
		if err != nil {
			serverError(c, err)
			return
		}
		sendFile(c, format, export.StanceMapFilename(m, format), "stances", buf.Bytes())
	}
}

type gapsPage struct {
	Page
	Gaps models.Gaps
}

// showGaps serves GET /gaps/:key.
func (u *UI) showGaps(c *gin.Context) {
	key := c.Param("key")
	if !models.IsKey(key) {
		showError(c, http.StatusNotFound, "Not found", "No provision has this key: keys are lower case words joined by hyphens, such as troop-cap.")
		return
	}
	g, err := u.store.Gaps(c.Request.Context(), key)
	if err != nil {
		fail(c, err)
		return
	}
	render(c, http.StatusOK, "gaps", &gapsPage{Page: Page{Title: loc(c).T("gaps.title") + " " + key, Section: "timeline"}, Gaps: g})
}

// implementationOf is what was carried out of provisions on key, for the
// timeline page; a failure to read it leaves the section out rather than
// the page.
func (u *UI) implementationOf(c *gin.Context, key string) []models.ImplementationStep {
	steps, err := u.store.ImplementationSteps(c.Request.Context(), store.ImplementationFilter{Key: key})
	if err != nil {
		return nil
	}
	return steps
}

// verdictLabel is a verdict in words.
func verdictLabel(v string) string {
	switch v {
	case models.VerdictMeets:
		return "Meets"
	case models.VerdictCrosses:
		return "Crosses"
	case models.VerdictSilent:
		return "Silent"
	case models.VerdictUnchecked:
		return "In words"
	}
	return v
}

// relationLabel says what a provision does to a party.
func relationLabel(r string) string {
	switch r {
	case "binds":
		return "Binds it"
	case "guarantees":
		return "Guarantees its security"
	case "benefits":
		return "Benefits it"
	}
	return models.Roles.Label(r)
}

// scoreLabel is a Peace Accords Matrix score in words.
func scoreLabel(score int) string { return models.ImplementationScores.Label(strconv.Itoa(score)) }

// agreeChangeName names a change of a position ("UA: troop-cap", linked
// to the party's page) or of an implementation step (its event's key or
// its provision key) in the audit trail; the entity's label, in the
// reader's language, says which.
func agreeChangeName(v *changeView, entity string, raw []byte, id string) {
	var snap struct {
		Party string `json:"party"`
		Key   string `json:"key"`
		Event string `json:"event"`
	}
	_ = json.Unmarshal(raw, &snap) // a record that does not decode is shown by its entity and id
	switch entity {
	case models.EntityPosition:
		if snap.Party != "" {
			v.Name = snap.Party + ": " + snap.Key
			v.URL = partyURL(snap.Party) + "#position-" + id
		}
	case models.EntityImplementation:
		switch {
		case snap.Event != "":
			v.Name = snap.Event
		case snap.Key != "":
			v.Name = snap.Key
			v.URL = timelineURL(snap.Key)
		}
	}
}

// positionChecks checks a provision against the positions stated on its
// key, for its page; a failure to read them leaves the section out.
func (u *UI) positionChecks(c *gin.Context, p models.Provision) []models.PositionCheck {
	positions, err := u.store.Positions(c.Request.Context(), store.PositionFilter{Key: p.Key})
	if err != nil {
		return nil
	}
	out := make([]models.PositionCheck, len(positions))
	for i, pos := range positions {
		out[i] = models.PositionCheck{Position: pos, Verdict: pos.Check(p)}
	}
	return out
}
