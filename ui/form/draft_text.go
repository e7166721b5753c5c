package form

import (
	"net/url"
	"strconv"
	"strings"

	"plantracker/models"
)

// The review form of a draft read from its text: the new draft's fields,
// the sourcing and source every provision cites, and one row per proposed
// provision, its inputs named "p.<row>.<field>" ("p.3.kind",
// "p.3.terms.limit"). The text itself rides along (source_text), so that
// the page can be laid out again with what the parser said of each point.

// RowPrefix starts the name of every input of a provision row.
const RowPrefix = "p."

// DraftText is the review form as typed.
type DraftText struct {
	SourceText string
	BaseDraft  int64
	Label      string
	Date       string
	Coverage   string
	Sourcing   string
	Source     string
	// Standing is the new draft's; a text pasted in is a scenario unless
	// the analyst says it is a reported or official text.
	Standing string
	Rows     []ReviewRow
}

// ReviewRow is one proposed provision as reviewed: whether to save it, and
// the provision as edited.
type ReviewRow struct {
	Accept bool
	// Parsed is the kind the parser proposed, so that a changed kind is
	// seen (its category is then the new kind's).
	Parsed    string
	Category  string
	Provision Provision
}

// ParseDraftText reads a posted review form.
func ParseDraftText(v url.Values) DraftText {
	f := DraftText{
		SourceText: v.Get("source_text"),
		Label:      strings.TrimSpace(v.Get("label")),
		Date:       strings.TrimSpace(v.Get("date")),
		Coverage:   v.Get("coverage"),
		Sourcing:   v.Get("sourcing"),
		Source:     v.Get("source"),
		Standing:   v.Get("standing"),
	}
	f.BaseDraft, _ = strconv.ParseInt(v.Get("base_draft"), 10, 64)
	rows := 0
	for name := range v {
		rows = max(rows, rowCount(name, RowPrefix))
	}
	for i := range rows {
		prefix := RowPrefix + strconv.Itoa(i) + "."
		sub := url.Values{}
		for name, values := range v {
			if rest, ok := strings.CutPrefix(name, prefix); ok {
				sub[rest] = values
			}
		}
		f.Rows = append(f.Rows, ReviewRow{Accept: sub.Get("accept") == "on", Parsed: sub.Get("parsed_kind"),
			Category: sub.Get("category"), Provision: ParseProvision(sub)})
	}
	return f
}

// Draft is the new draft the form describes, citing its source.
func (f DraftText) Draft(planID int64) models.Draft {
	in := models.DraftInput{Label: f.Label, Date: f.Date, Coverage: f.Coverage, Standing: f.Standing, Description: "Read from its text and reviewed."}
	if in.Standing == "" {
		in.Standing = models.StandingScenario
	}
	if f.Source != "" {
		in.Sources = []models.Citation{{Source: f.Source, Sourcing: f.Sourcing}}
	}
	return in.Draft(planID)
}

// Provisions are the accepted rows as provisions, each citing the source
// at its point, and the row each came from.
func (f DraftText) Provisions() ([]models.Provision, []int) {
	var out []models.Provision
	var rows []int
	for i, r := range f.Rows {
		if !r.Accept {
			continue
		}
		p := r.Provision
		category := r.Category
		if p.Kind != r.Parsed {
			category = "" // the new kind's
		}
		var sources []models.Citation
		if f.Source != "" {
			c := models.Citation{Source: f.Source, Sourcing: f.Sourcing}
			if p.Point != "" {
				c.Locator = "point " + p.Point
			}
			sources = []models.Citation{c}
		}
		out = append(out, models.Provision{Key: p.Key, Point: p.Point, Category: category, Kind: p.Kind, Title: p.Title,
			Text: p.Text, Terms: p.TermsJSON(), Sourcing: f.Sourcing, Sources: sources})
		rows = append(rows, i)
	}
	return out, rows
}

// ReviewErrors maps the store's errors on a draft with its provisions
// onto the review form: "provisions[2].terms.limit" onto the limit of the
// row the third accepted provision came from ("p.5.terms.limit"); a
// provision's sourcing and sources onto the form's one sourcing and source
// input, once. rows[i] is the row of the i-th provision.
func ReviewErrors(verr *models.ValidationError, rows []int) Errors {
	var e Errors
	seen := map[string]bool{}
	add := func(input, message string) {
		if !seen[input+"\x00"+message] {
			seen[input+"\x00"+message] = true
			e.Add(input, message)
		}
	}
	for _, fe := range verr.Errors {
		rest, ok := strings.CutPrefix(fe.Field, "provisions[")
		if !ok {
			add(inputName(fe.Field), fe.Message)
			continue
		}
		n, field, _ := strings.Cut(rest, "]")
		field = strings.TrimPrefix(field, ".")
		i, err := strconv.Atoi(n)
		if err != nil || i < 0 || i >= len(rows) {
			add("form", fe.Message)
			continue
		}
		switch {
		case field == "sourcing":
			add("sourcing", fe.Message)
		case field == "sources" || strings.HasPrefix(field, "sources["):
			add("source", fe.Message)
		default:
			add(RowPrefix+strconv.Itoa(rows[i])+"."+inputName(field), fe.Message)
		}
	}
	return e
}

// Row returns the errors of one row, named as within the row ("kind",
// "terms.limit"), for laying its inputs out.
func (e Errors) Row(row int) Errors {
	var out Errors
	prefix := RowPrefix + strconv.Itoa(row) + "."
	for _, fe := range e.list {
		if rest, ok := strings.CutPrefix(fe.Input, prefix); ok {
			out.Add(rest, fe.Message)
		}
	}
	return out
}
