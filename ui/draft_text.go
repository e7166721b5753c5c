package ui

import (
	"context"
	"errors"
	"io"
	"net/http"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/models/parse"
	"plantracker/ui/form"
)

// A new draft from its text, in three steps: paste the text (or upload a
// .txt or .md file) and choose the draft it revises; review what the
// parser proposes, point by point, beside the words each was read from,
// and correct kinds and terms in place; create the draft with the accepted
// provisions, citing the chosen source, and open its comparison with the
// base. Nothing is saved before the last step, and the last step is one
// transaction.

// DraftTextStore is what a new draft from its text needs of the store.
type DraftTextStore interface {
	DraftProvisions(ctx context.Context, draftID int64) ([]models.Provision, error)
	ParseDraftText(ctx context.Context, in parse.Input) (parse.Result, error)
	CreateDraftWithProvisions(ctx context.Context, actor string, d models.Draft, ps []models.Provision) (models.Draft, error)
}

// draftTextForm is the first step's form.
type draftTextForm struct {
	Text      string
	BaseDraft int64
}

// newDraftFromText serves GET /plans/:id/drafts/new-from-text: the form to
// paste or upload a draft's text.
func (u *UI) newDraftFromText(c *gin.Context) {
	plan, ok := u.planFromPath(c)
	if !ok {
		return
	}
	u.showDraftTextForm(c, http.StatusOK, plan, draftTextForm{BaseDraft: queryID(c, "base")}, form.Errors{})
}

// reviewDraftText serves POST /plans/:id/drafts/review: the text read, and
// the review page of what it proposes. It saves nothing.
func (u *UI) reviewDraftText(c *gin.Context) {
	plan, ok := u.planFromPath(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	in := draftTextForm{Text: c.PostForm("text"), BaseDraft: atoiID(c.PostForm("base_draft"))}
	text, errs := uploadedText(c, in.Text)
	if !errs.Any() {
		in.Text = text
		res, err := u.parseText(ctx, parse.Input{Text: text, BaseDraft: in.BaseDraft})
		var verr *models.ValidationError
		var tooMany *parse.TooManyPointsError
		switch {
		case errors.As(err, &verr):
			errs = form.ErrorsFrom(verr)
		case errors.As(err, &tooMany):
			errs = form.ErrorsFrom(tooMany.Validation())
		case err != nil:
			failParse(c, err)
			return
		case len(res.Points) == 0:
			errs.Add("text", "no numbered points found: number them (1., 2) …, Point 3:, п. 4), one a line")
		default:
			u.showReview(c, http.StatusOK, plan, newReviewForm(text, in.BaseDraft, res), res, form.Errors{})
			return
		}
	}
	u.showDraftTextForm(c, http.StatusUnprocessableEntity, plan, in, errs)
}

// parseText reads a text within parse.Timeout; the reading stops when
// the client goes or the server shuts down.
func (u *UI) parseText(ctx context.Context, in parse.Input) (parse.Result, error) {
	ctx, cancel := context.WithTimeout(ctx, parse.Timeout)
	defer cancel()
	return u.store.ParseDraftText(ctx, in)
}

// failParse answers the parser's own errors with the reason: a text of
// too many points, a reading out of time (503, try again later); the
// rest go to fail, a client gone to serverError, which answers nothing.
func failParse(c *gin.Context, err error) {
	var tooMany *parse.TooManyPointsError
	switch {
	case errors.As(err, &tooMany):
		c.Header("Cache-Control", "no-store")
		showError(c, http.StatusUnprocessableEntity, "Text too long to read",
			capitalize(tooMany.Error())+".")
	case errors.Is(err, context.DeadlineExceeded) && !web.ClientGone(c):
		web.Logger(c.Request.Context()).Warn("parse ran out of time", "err", err)
		c.Header("Retry-After", "30")
		showError(c, http.StatusServiceUnavailable, "The text could not be read in time",
			"Reading the text took longer than a request may ("+parse.Timeout.String()+"); the server may be busy. Nothing was saved: try again in a minute, or send the draft in parts.")
	case errors.Is(err, context.Canceled):
		serverError(c, err)
	default:
		fail(c, err)
	}
}

// createDraftFromText serves POST /plans/:id/drafts/from-text, the review
// form's target: "Update" lays the review out again (another kind was
// chosen); "Create draft" saves the accepted provisions with the draft and
// opens the comparison with the base draft.
func (u *UI) createDraftFromText(c *gin.Context) {
	plan, ok := u.planFromPath(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	if !postedForm(c) {
		return
	}
	f := form.ParseDraftText(c.Request.PostForm)
	// The parse is deterministic: reading the text again gives, row by
	// row, what the parser said, to show beside the analyst's edits.
	res, err := u.parseText(ctx, parse.Input{Text: f.SourceText, BaseDraft: f.BaseDraft})
	if err != nil {
		failParse(c, err)
		return
	}
	action := c.PostForm("action")
	// A source typed on the review page is created first: by "Add this
	// source", or by "Create draft" with no source chosen.
	if ns := parseInlineSource(c.Request.PostForm); action == "add_source" || action == "create" && f.Source == "" && !ns.Empty() {
		if ns.Empty() {
			var errs form.Errors
			errs.Add(inlineSourcePrefix+"publisher", "type the publisher and title of the new source")
			u.showReview(c, http.StatusUnprocessableEntity, plan, f, res, errs)
			return
		}
		src, errs, err := createInlineSource(ctx, u.store, web.Actor(c), ns)
		if err != nil {
			fail(c, err)
			return
		}
		if errs.Any() {
			u.showReview(c, http.StatusUnprocessableEntity, plan, f, res, errs)
			return
		}
		f.Source = src.Key
		for _, name := range []string{"publisher", "title", "date", "url"} { // made: its inputs clear
			c.Request.PostForm.Del(inlineSourcePrefix + name)
		}
		if action == "add_source" {
			u.showReview(c, http.StatusOK, plan, f, res, form.Errors{})
			return
		}
	}
	if action != "create" {
		u.showReview(c, http.StatusOK, plan, f, res, form.Errors{})
		return
	}
	provisions, rows := f.Provisions()
	var errs form.Errors
	if len(provisions) == 0 {
		errs.Add("form", "no provision is accepted: tick the ones to save")
	}
	if f.Source == "" {
		errs.Add("source", "choose the source the text comes from, or add it below")
	}
	if errs.Any() {
		u.showReview(c, http.StatusUnprocessableEntity, plan, f, res, errs)
		return
	}
	d, err := u.store.CreateDraftWithProvisions(ctx, web.Actor(c), f.Draft(plan.ID), provisions)
	var verr *models.ValidationError
	if errors.As(err, &verr) {
		u.showReview(c, http.StatusUnprocessableEntity, plan, f, res, form.ReviewErrors(verr, rows))
		return
	}
	if err != nil {
		fail(c, err)
		return
	}
	target := "/drafts/" + idString(d.ID)
	if f.BaseDraft != 0 {
		target = "/compare?from=" + idString(f.BaseDraft) + "&to=" + idString(d.ID)
	}
	seeOtherSaying(c, target, "Created "+d.Name()+" from its text, with "+plural(len(provisions), "provision", "provisions")+".")
}

// uploadedText is the uploaded file's text where one was chosen, else the
// pasted text. A file must be a .txt or .md of UTF-8 text.
func uploadedText(c *gin.Context, pasted string) (string, form.Errors) {
	var errs form.Errors
	fh, err := c.FormFile("file")
	if errors.Is(err, http.ErrMissingFile) || errors.Is(err, http.ErrNotMultipart) || err == nil && fh.Filename == "" {
		return pasted, errs
	}
	if err != nil {
		errs.Add("file", "could not be read; try again, or paste the text")
		return "", errs
	}
	switch strings.ToLower(path.Ext(fh.Filename)) {
	case ".txt", ".md", ".markdown", ".text":
	default:
		errs.Add("file", "must be a .txt or .md file; paste other text instead")
		return "", errs
	}
	if fh.Size > parse.MaxText {
		errs.Add("file", "is larger than the 200 kB one draft may have")
		return "", errs
	}
	r, err := fh.Open()
	if err != nil {
		errs.Add("file", "could not be read; try again, or paste the text")
		return "", errs
	}
	defer r.Close()
	raw, err := io.ReadAll(io.LimitReader(r, parse.MaxText+1))
	if err != nil || !utf8.Valid(raw) {
		errs.Add("file", "is not UTF-8 text; save it as UTF-8, or paste the text")
		return "", errs
	}
	text := strings.TrimPrefix(string(raw), "\ufeff")
	if p := models.TextProblem(text); p != "" {
		// A form feed copied from a PDF, say: the wording of a provision
		// refuses it, so the file is refused by name.
		errs.Add("file", p)
		return "", errs
	}
	return text, errs
}

// atoiID reads a form's id, 0 when empty or malformed.
func atoiID(s string) int64 {
	var n int64
	for _, r := range strings.TrimSpace(s) {
		if r < '0' || r > '9' || n > 1e15 {
			return 0
		}
		n = n*10 + int64(r-'0')
	}
	return n
}
