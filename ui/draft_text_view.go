package ui

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/models/parse"
	"plantracker/ui/form"
)

// The pages of a new draft from its text: the form to paste or upload it,
// and the review of what the parser proposes.

type draftTextPage struct {
	Page
	Plan      models.Plan
	Text      fieldView
	Base      fieldView
	FileError string
	Errors    []summaryItem
}

// showDraftTextForm renders the first step, with errs beside their fields.
func (u *UI) showDraftTextForm(c *gin.Context, status int, plan models.Plan, in draftTextForm, errs form.Errors) {
	plans, _, err := u.catalog(c.Request.Context())
	if err != nil {
		fail(c, err)
		return
	}
	if in.BaseDraft == 0 && c.Request.Method == http.MethodGet {
		in.BaseDraft = latestDraft(plans, plan.ID)
	}
	s := newFieldSet(errs)
	page := &draftTextPage{Page: Page{Title: loc(c).T("draft_text.title", "Plan", plan.Title), Section: "home"}, Plan: plan}
	page.Text = s.textarea("text", "The draft's text", in.Text, 18)
	page.Text.Spell = "false"
	page.Text.Help = "Paste it, points numbered as the text numbers them (1., 2), Point 3:, п. 4), one a line; " +
		"lettered sub-points (a), b) are read too. Lines outside the points are left out."
	page.Base = s.field("base_draft", "Compare with", "select", "")
	page.Base.Groups = draftGroups(plans, in.BaseDraft)
	page.Base.Help = "The draft this text revises: each point is matched to its provision on the same subject, " +
		"and keeps its key, so the two drafts compare at once."
	s.labels["file"] = "Or upload a file"
	page.FileError = errs.For("file")
	page.Errors = s.summary()
	render(c, status, "draft_text", page)
}

// latestDraft is the plan's newest draft, which a new one most often
// revises; 0 when it has none.
func latestDraft(plans []planDrafts, planID int64) int64 {
	for _, p := range plans {
		if p.Plan.ID == planID && len(p.Drafts) > 0 {
			return p.Drafts[len(p.Drafts)-1].ID
		}
	}
	return 0
}

// draftGroups lists every draft by plan, for choosing a base draft.
func draftGroups(plans []planDrafts, selected int64) []optionGroup {
	out := []optionGroup{{Options: []optionView{{Value: "", Label: "None: read the text on its own", Selected: selected == 0}}}}
	for _, p := range plans {
		g := optionGroup{Label: p.Plan.Title}
		for _, d := range p.Drafts {
			g.Options = append(g.Options, optionView{Value: idString(d.ID), Label: d.Name(), Selected: d.ID == selected})
		}
		if len(g.Options) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// newReviewForm is the review form as the parser proposes it: every
// provision accepted, as read.
func newReviewForm(text string, base int64, res parse.Result) form.DraftText {
	f := form.DraftText{SourceText: text, BaseDraft: base, Label: titleLine(text), Coverage: "partial", Sourcing: "reported"}
	for _, p := range res.Points {
		prov := form.FromProvision(models.Provision{Key: p.Key, Point: p.Point, Kind: p.Kind, Title: p.Title, Text: p.Text, Terms: p.Terms})
		f.Rows = append(f.Rows, form.ReviewRow{Accept: true, Parsed: p.Kind, Category: p.Category, Provision: prov})
	}
	return f
}

// titleLine proposes the new draft's label: the text's first line, where
// that is a title rather than a point.
func titleLine(text string) string {
	for _, line := range strings.Split(text, "\n") {
		line = strings.Trim(strings.TrimSpace(line), "#*_ ")
		if line == "" {
			continue
		}
		if len([]rune(line)) > 120 || strings.ContainsAny(line[:1], "0123456789") {
			break
		}
		return line
	}
	return "Read from its text"
}

type reviewPage struct {
	Page
	Plan       models.Plan
	Base       *models.Draft
	SourceText string
	BaseDraft  int64
	Label      fieldView
	Date       fieldView
	Coverage   fieldView
	Standing   fieldView
	Sourcing   fieldView
	Source     fieldView
	// NewSource are the inputs of a source made on the page itself
	// (draft_text_source.go): publisher, title, date, address.
	NewSource     []fieldView
	NewSourceOpen bool // something was typed there, or refused
	NoSources     bool
	Rows          []reviewRowView
	Accepted      int
	Notes         []string
	FormError     string
	Errors        []summaryItem
	// UpdateButton is the id of the button that lays the page out again
	// for a kind chosen in a row; kind selects click it when JavaScript runs.
	UpdateButton string
}

// reviewRowView is one proposed provision beside the words it was read
// from.
type reviewRowView struct {
	Index      int
	Prefix     string // "p.3."
	Accept     bool
	Point      string
	SourceText string
	Kind       fieldView
	Key        fieldView
	PointField fieldView
	Title      fieldView
	Terms      []reviewTermView
	Hidden     []hiddenInput
	KindLabel  string
	// Base is the base draft's provision the point matches, with its
	// headline terms.
	Base         *parse.BaseMatch
	BaseScore    int // percent
	BaseHeadline string
	Confidence   int // percent
	Unsure       bool
	Notes        []string
}

// reviewTermView is one term's input, marked when the parser is unsure of
// it.
type reviewTermView struct {
	Field fieldView
	Low   bool
}

const reviewUpdateButton = "review-update"

// showReview renders the review page of f, with what the parser said of
// each point (res) and errs beside their inputs.
func (u *UI) showReview(c *gin.Context, status int, plan models.Plan, f form.DraftText, res parse.Result, errs form.Errors) {
	ctx := c.Request.Context()
	page, err := u.newReviewPage(ctx, plan, f, res, errs)
	if err != nil {
		fail(c, err)
		return
	}
	page.Title = loc(c).T("review.title")
	page.addInlineSource(parseInlineSource(c.Request.PostForm), errs)
	render(c, status, "draft_review", page)
}

func (u *UI) newReviewPage(ctx context.Context, plan models.Plan, f form.DraftText, res parse.Result, errs form.Errors) (*reviewPage, error) {
	parties, sources, err := u.partiesAndSources(ctx)
	if err != nil {
		return nil, err
	}
	page := &reviewPage{Page: Page{Section: "home"}, Plan: plan,
		SourceText: f.SourceText, BaseDraft: f.BaseDraft, Notes: res.Notes, UpdateButton: reviewUpdateButton,
		NoSources: len(sources) == 0, FormError: errs.For("form")}
	headlines := map[int64]string{}
	if f.BaseDraft != 0 {
		base, err := u.store.Draft(ctx, f.BaseDraft)
		if err != nil {
			return nil, err
		}
		page.Base = &base
		ps, err := u.store.DraftProvisions(ctx, f.BaseDraft)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			headlines[p.ID] = p.Headline()
		}
	}
	s := newFieldSet(errs)
	page.Label = s.text("label", "Label of the new draft", f.Label)
	page.Label.Required = true
	page.Date = s.field("date", "Date", "date", f.Date)
	page.Coverage = s.choice("coverage", "Coverage", f.Coverage, "", models.Coverages)
	page.Coverage.Help = "Complete only if this is the draft's whole text: a point it lacks then reads as removed."
	page.Standing = s.choice("standing", "Standing", cmp.Or(f.Standing, models.StandingScenario), "", models.Standings)
	page.Standing.Help = "A pasted text is a scenario (an analyst's own) unless it is a published or reported draft."
	page.Sourcing = s.choice("sourcing", "Sourcing", f.Sourcing, "", models.Sourcings)
	page.Source = s.choice("source", "Source of the text", f.Source, "Choose…", sourceTerms(sources, f.Source))
	page.Source.Required = true
	page.Source.Help = "Every provision cites it, at its point."
	for i, r := range f.Rows {
		var parsed *parse.Point
		if i < len(res.Points) {
			parsed = &res.Points[i]
		}
		row := reviewRow(i, r, parsed, errs.Row(i), parties, headlines)
		for name, label := range row.labels {
			s.labels[name] = label
		}
		if row.view.Accept {
			page.Accepted++
		}
		page.Rows = append(page.Rows, row.view)
	}
	page.Errors = s.summary()
	return page, nil
}

type builtRow struct {
	view   reviewRowView
	labels map[string]string // input name → label, for the error summary
}

// reviewRow lays out one row: its inputs named "p.<i>.…", its terms those
// of the kind chosen now, marked where the parser was unsure of them.
func reviewRow(i int, r form.ReviewRow, parsed *parse.Point, errs form.Errors, parties []models.Party, headlines map[int64]string) builtRow {
	prefix := form.RowPrefix + strconv.Itoa(i) + "."
	s := newFieldSet(errs)
	p := r.Provision
	v := reviewRowView{Index: i, Prefix: prefix, Accept: r.Accept, Point: p.Point}
	v.Kind = s.field("kind", "Kind", "select", p.Kind)
	v.Kind.Groups = kindGroups(p.Kind)
	v.Kind.AutoSubmitButton = reviewUpdateButton
	v.Key = s.text("key", "Key", p.Key)
	v.Key.Spell = "false"
	v.PointField = s.text("point", "Point", p.Point)
	v.Title = s.text("title", "Title", p.Title)
	v.Hidden = []hiddenInput{{prefix + "parsed_kind", r.Parsed}, {prefix + "category", r.Category}, {prefix + "text", p.Text}}
	k, hasKind := models.KindByName(p.Kind)
	if hasKind {
		v.KindLabel = k.Label
		for _, fd := range k.Fields {
			t := reviewTermView{Field: termField(s, fd, p, parties)}
			if parsed != nil && parsed.Kind == p.Kind {
				if n, ok := parsed.TermNotes[fd.Name]; ok {
					t.Low = n.LowConfidence()
					t.Field.Help = termNoteHelp(n)
				}
			}
			v.Terms = append(v.Terms, t)
		}
	}
	if parsed != nil {
		v.SourceText = parsed.Text
		v.Base = parsed.BaseProvision
		if v.Base != nil {
			if h := headlines[v.Base.ID]; h != v.Base.Title {
				v.BaseHeadline = h
			}
			v.BaseScore = int(v.Base.Score*100 + 0.5)
		}
		v.Confidence = int(parsed.Confidence*100 + 0.5)
		v.Unsure = parsed.Confidence < 0.6
		v.Notes = parsed.Notes
	} else {
		v.SourceText = p.Text
	}
	// Every input carries the row's prefix; the labels say which point.
	labels := map[string]string{}
	name := func(f *fieldView) {
		labels[prefix+f.Name] = "Point " + p.Point + ": " + f.Label
		f.Name = prefix + f.Name
		f.ID = inputID(f.Name)
	}
	for _, f := range []*fieldView{&v.Kind, &v.Key, &v.PointField, &v.Title} {
		name(f)
	}
	for j := range v.Terms {
		name(&v.Terms[j].Field)
	}
	return builtRow{view: v, labels: labels}
}

// termNoteHelp says what a term was read from, and why to check it.
func termNoteHelp(n parse.TermNote) string {
	var parts []string
	if n.Evidence != "" {
		parts = append(parts, fmt.Sprintf("Read from “%s”.", n.Evidence))
	}
	if n.Note != "" {
		parts = append(parts, capitalize(n.Note)+".")
	}
	if n.LowConfidence() && n.Evidence != "" {
		parts = append([]string{"Check:"}, parts...)
	}
	return strings.Join(parts, " ")
}

// addInlineSource lays out the inputs of a new source, as typed.
func (page *reviewPage) addInlineSource(ns inlineSource, errs form.Errors) {
	s := newFieldSet(errs)
	page.NewSource = []fieldView{
		s.text(inlineSourcePrefix+"publisher", "Publisher", ns.Publisher),
		s.text(inlineSourcePrefix+"title", "Title", ns.Title),
		s.field(inlineSourcePrefix+"date", "Date", "date", ns.Date),
		s.field(inlineSourcePrefix+"url", "Address (URL)", "url", ns.URL),
	}
	for _, f := range page.NewSource {
		if f.Error != "" || f.Value != "" {
			page.NewSourceOpen = true
		}
	}
	if page.NoSources {
		page.NewSourceOpen = true
	}
	// The summary names these inputs by their labels and links to them.
	for _, fe := range errs.All() {
		if !strings.HasPrefix(fe.Input, inlineSourcePrefix) {
			continue
		}
		for i := range page.Errors {
			if it := &page.Errors[i]; it.Message == fe.Message && it.Anchor == "" {
				it.Label, it.Anchor = "New source: "+s.labels[fe.Input], inputID(fe.Input)
				break
			}
		}
	}
}
