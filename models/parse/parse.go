package parse

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"plantracker/models"
)

// Text proposes the provisions of a draft from its text: a leaked
// document, a wire story listing the points, a translation. It is a first
// pass for an analyst to check, not a judgement: it splits the numbered
// points (and lettered sub-points that name different subjects), proposes
// a kind and category from the words each kind declares, reads the terms
// the text states, and, given the provisions of a base draft, proposes for
// each point the key of the base provision on the same subject, so that
// the new draft compares with the base at once. It says how sure it is,
// and why, for every point and every term, and never proposes a value the
// text does not hold.
//
// It is pure and deterministic: no network, no model weights, no clock.
//
// Text is TextContext without a context: a text of more than MaxPoints
// points gives no points, only a note saying so.
func Text(text string, opts Options) Result {
	res, err := TextContext(context.Background(), text, opts)
	if err != nil {
		return Result{Points: []Point{}, Notes: []string{err.Error()}}
	}
	return res
}

// TextContext is Text in bounded time and memory: its work grows with the
// text and the base draft no faster than n·log n (a point is scored against
// at most maxCandidates base provisions), and it checks ctx between points
// and phases. It returns a *TooManyPointsError for a text of more than
// MaxPoints points (found before any is read), and a *StoppedError,
// wrapping ctx's error, when ctx ends first.
func TextContext(ctx context.Context, text string, opts Options) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, &StoppedError{Phase: "start", Err: err}
	}
	lex := newPartyLexicon(opts.Parties)
	raw, notes, err := splitPoints(text)
	if err != nil {
		return Result{}, err
	}
	res := Result{Points: []Point{}, Notes: notes}
	if len(raw) == 0 {
		res.Notes = append(res.Notes, "no numbered points found: number them (1., 2) …, Point 3:, п. 4) and try again")
		return res, nil
	}
	var props []*proposal
	for i, rp := range raw {
		if i%16 == 0 {
			if err := ctx.Err(); err != nil {
				return Result{}, &StoppedError{Phase: "reading points", Done: i, Of: len(raw), Err: err}
			}
		}
		props = append(props, proposePoint(rp, lex)...)
		if len(props) > MaxPoints {
			// Sub-points that name different subjects are provisions
			// ("21a", "21d"), and count as points.
			return Result{}, &TooManyPointsError{Max: MaxPoints}
		}
	}
	if err := matchBase(ctx, props, opts.Base); err != nil {
		return Result{}, err
	}
	matchByKey(props, opts.Base)
	agreeWithBase(props)
	assignKeys(props, opts.Base)
	for _, p := range props {
		res.Points = append(res.Points, p.result())
	}
	return res, nil
}

// Timeout is how long the API and the UI give one reading of a text
// (TextContext with a deadline): a text of MaxText bytes reads in a few
// seconds, and a busy server answers "try again" rather than holding a
// worker.
const Timeout = 15 * time.Second

// MaxPoints bounds the points one text may have, sub-points read as
// provisions of their own included: ten times the longest draft tracked,
// and what keeps a text of bare markers ("1.\n" × 66,000) from costing
// minutes.
const MaxPoints = 2000

// TooManyPointsError is TextContext's answer to a text of more than
// MaxPoints points: the client's mistake, a field error on text.
type TooManyPointsError struct{ Max int }

func (e *TooManyPointsError) Error() string {
	return fmt.Sprintf("the text has more than %d points; send the draft in parts", e.Max)
}

// Validation is the error as a field error on text.
func (e *TooManyPointsError) Validation() *models.ValidationError {
	verr := &models.ValidationError{}
	verr.Add("text", "has more than %d points; send the draft in parts", e.Max)
	return verr
}

// StoppedError is TextContext's answer when its context ends before the
// text is read: the client went away, the deadline passed, or the server
// is shutting down. It wraps ctx's error (context.Canceled or
// context.DeadlineExceeded).
type StoppedError struct {
	Phase    string // what it was doing
	Done, Of int    // points read of the text's, when reading points
	Err      error
}

func (e *StoppedError) Error() string {
	if e.Of > 0 {
		return fmt.Sprintf("parse stopped while %s (%d of %d): %v", e.Phase, e.Done, e.Of, e.Err)
	}
	return fmt.Sprintf("parse stopped while %s: %v", e.Phase, e.Err)
}

func (e *StoppedError) Unwrap() error { return e.Err }

// Options is what the parser reads a text against.
type Options struct {
	// Parties are the parties it recognises, by short name, name and the
	// aliases of parties.go.
	Parties []models.Party
	// Base is the provisions of the draft the new one revises, if any.
	Base []models.Provision
}

// Result is the proposed provisions of a text, in its order.
type Result struct {
	Points []Point `json:"points"`
	// Notes are about the text as a whole: lines left out, numbering that
	// skips or repeats.
	Notes []string `json:"notes,omitempty"`
}

// Point is one proposed provision: a numbered point, or one of its
// sub-points.
type Point struct {
	Point    string `json:"point"`
	Title    string `json:"title"`
	Text     string `json:"text"` // the point's own words, as the text gives them
	Kind     string `json:"kind"`
	Category string `json:"category"`
	// Terms are the kind's terms the text states, in the kind's canonical
	// form; a required term the text does not state is missing here and
	// noted in TermNotes.
	Terms     json.RawMessage     `json:"terms"`
	TermNotes map[string]TermNote `json:"term_notes"`
	// Key is the proposed key: the matched base provision's, or a new one.
	Key           string     `json:"key"`
	BaseProvision *BaseMatch `json:"base_provision"`
	// Confidence, from 0 to 1, is how sure the parser is of the kind and
	// the terms; Notes say why.
	Confidence float64  `json:"confidence"`
	Notes      []string `json:"notes"`
}

// BaseMatch is the base draft's provision a point is matched to.
type BaseMatch struct {
	ID    int64   `json:"id"`
	Key   string  `json:"key"`
	Point string  `json:"point,omitempty"`
	Kind  string  `json:"kind"`
	Title string  `json:"title"`
	Score float64 `json:"score"` // how alike, from 0 to 1
}

// LowConfidence reports whether a term's note asks for a check.
func (n TermNote) LowConfidence() bool { return n.Confidence < lowTermConfidence }

// proposal is one provision being proposed.
type proposal struct {
	point string
	text  string
	doc   *pdoc
	guess kindGuess
	reads []termRead
	terms json.RawMessage
	tnote map[string]TermNote
	notes []string
	key   string
	base  *BaseMatch // the base provision it matches, if any
}

// proposePoint reads one numbered point: one provision, or several where
// its lettered sub-points name different subjects. With a lead-in of a
// kind ("The US gives a security guarantee: (a) … (b) …"), sub-points of
// that kind, or of none, are details of it and stay with it; a sub-point
// of another kind, or about another region, party or place than its
// siblings, is a provision of its own ("21a", "21d").
func proposePoint(rp rawPoint, lex *partyLexicon) []*proposal {
	lead, subs := splitSubPoints(rp.text)
	if len(subs) == 0 {
		return []*proposal{newProposal(rp.number, rp.text, lex, "")}
	}
	leadKind := ""
	if g := guessKind(newPDoc(lead, lex), ""); g.kind.Name != "other" {
		leadKind = g.kind.Name
	}
	var parts []*proposal
	for _, s := range subs {
		parts = append(parts, newProposal(rp.number+string(s.letter), s.text, lex, leadKind))
	}
	// A lead-in that says more than a heading ("The US gives Ukraine a
	// security guarantee: …") has sub-points that state its terms ("(c)
	// sanctions are reinstated" is the guarantee's snap-back, not a
	// sanctions provision); a heading ("Territory:") lists subjects.
	statement := leadKind != "" && len(strings.Fields(lead)) > 6
	var own, kept []*proposal
	for i, p := range parts {
		stays := leadKind != "" && (p.guess.kind.Name == "other" ||
			p.guess.kind.Name == leadKind && !subjectDiffersFromSiblings(p, parts, i) ||
			statement && statesTermOf(leadKind, p.doc))
		if stays {
			kept = append(kept, p)
		} else {
			own = append(own, p)
		}
	}
	if leadKind == "" && !differentSubjects(parts) || leadKind != "" && len(own) == 0 {
		whole := newProposal(rp.number, rp.text, lex, "")
		whole.notes = append(whole.notes, fmt.Sprintf("its %d sub-points name one subject: one provision", len(subs)))
		return []*proposal{whole}
	}
	if leadKind == "" {
		own, kept = parts, nil
	}
	var out []*proposal
	// The lead-in is a provision of its own where it says more than a
	// heading, or keeps sub-points with it.
	if leadKind != "" && (len(kept) > 0 || statement) {
		texts := []string{lead}
		for _, p := range kept {
			texts = append(texts, p.text)
		}
		head := newProposal(rp.number, strings.Join(texts, "\n"), lex, "")
		if len(kept) > 0 {
			head.notes = append(head.notes, fmt.Sprintf("keeps %d of its sub-points, which add to its subject", len(kept)))
		}
		out = append(out, head)
	}
	for _, p := range own {
		p.notes = append(p.notes, fmt.Sprintf("a sub-point of point %s, which names several subjects", rp.number))
		out = append(out, p)
	}
	return out
}

// differentSubjects reports whether sub-points name different subjects:
// different kinds, or one kind about different things (two regions).
func differentSubjects(parts []*proposal) bool {
	for i, p := range parts {
		for _, q := range parts[i+1:] {
			if p.guess.kind.Name != q.guess.kind.Name || subjectsDiffer(p, q) {
				return true
			}
		}
	}
	return false
}

// subjectDiffersFromSiblings: the sub-point names a subject (a region, a
// party) and a sibling of its kind names another.
func subjectDiffersFromSiblings(p *proposal, parts []*proposal, i int) bool {
	for j, q := range parts {
		if j != i && q.guess.kind.Name == p.guess.kind.Name && subjectsDiffer(p, q) {
			return true
		}
	}
	return false
}

// statesTermOf reports whether d states a term of the kind by one of the
// term's own cues (not a number, not a label).
func statesTermOf(kind string, d *pdoc) bool {
	k, _ := models.KindByName(kind)
	for _, f := range k.Fields {
		fc := cuesOf(k).fields[f.Name]
		if fc == nil || fc.derived {
			continue
		}
		for i := range fc.cues {
			if len(d.find(&fc.cues[i])) > 0 {
				return true
			}
		}
	}
	return false
}

// subjectFields are what a provision is about: its required party and
// text terms (a territorial provision's region, a troop cap's party).
func subjectFields(k *models.Kind) []models.Field {
	var out []models.Field
	for _, f := range k.Fields {
		if f.Required && (f.Type == models.FieldText || f.Type == models.FieldParty) {
			out = append(out, f)
		}
	}
	return out
}

func subjectsDiffer(p, q *proposal) bool {
	a, b := models.TermValues(p.terms), models.TermValues(q.terms)
	for _, f := range subjectFields(p.guess.kind) {
		x, okx := a[f.Name]
		y, oky := b[f.Name]
		if okx && oky && !strings.EqualFold(string(x), string(y)) {
			return true
		}
	}
	return false
}

// newProposal reads one provision's text: its kind, terms and title.
func newProposal(point, text string, lex *partyLexicon, bias string) *proposal {
	p := &proposal{point: point, text: text, doc: newPDoc(text, lex)}
	p.guess = guessKind(p.doc, bias)
	p.reads = readTerms(p.guess.kind, p.doc)
	p.terms, p.tnote = encodeTerms(p.guess.kind, p.reads)
	p.notes = append(p.notes, p.guess.notes...)
	return p
}

// confidence is the point's: its kind's, pulled down by unsure or
// missing terms.
func (p *proposal) confidence() float64 {
	c := p.guess.confidence
	if len(p.tnote) > 0 {
		sum := 0.0
		for _, n := range p.tnote {
			sum += n.Confidence
		}
		c = 0.7*c + 0.3*(sum/float64(len(p.tnote)))
	}
	return round2(c)
}

func (p *proposal) result() Point {
	notes := append([]string{}, p.notes...)
	for _, f := range p.guess.kind.Fields {
		if n, ok := p.tnote[f.Name]; ok && n.Note != "" {
			notes = append(notes, f.Name+": "+n.Note)
		}
	}
	return Point{Point: p.point, Title: proposeTitle(p.doc), Text: p.text, Kind: p.guess.kind.Name,
		Category: p.guess.category, Terms: p.terms, TermNotes: p.tnote, Key: p.key, BaseProvision: p.base,
		Confidence: p.confidence(), Notes: notes}
}

// Input is what a client sends to have a draft's text read: the text,
// and the draft it revises (0: none).
type Input struct {
	Text      string `json:"text"`
	BaseDraft int64  `json:"base_draft,omitempty"`
}

// MaxText bounds the text one request may have read: a draft of a
// hundred pages, well within the time a request may take.
const MaxText = 200_000

// Validate checks the input before anything is read.
func (in Input) Validate() error {
	verr := &models.ValidationError{}
	switch {
	case strings.TrimSpace(in.Text) == "":
		verr.Add("text", "is required: the draft's text, its points numbered")
	case len(in.Text) > MaxText:
		verr.Add("text", "is longer than %d bytes; send the draft in parts", MaxText)
	case models.TextProblem(in.Text) != "":
		// The points become provisions' wording, which refuses them too.
		verr.Add("text", "%s", models.TextProblem(in.Text))
	}
	if in.BaseDraft < 0 {
		verr.Add("base_draft", "must be a draft's id")
	}
	return verr.Err()
}
