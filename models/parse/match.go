package parse

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"plantracker/models"
)

// Matching a parsed draft to its base draft. Each proposed provision is
// scored against each base provision on what makes them one subject:
// the same kind (or at least category), their wording (tf-idf weighted
// words shared, so that "600,000" and "capped" count for more than
// "Ukraine"), equal terms and the same point number; a subject term that
// differs (another region) counts against. The pairs are then taken best
// first, each base provision at most once, and a point whose best score
// is below matchThreshold is a new provision.

const matchThreshold = 0.33

type baseDoc struct {
	p     models.Provision
	words map[string]float64
}

// Bounding the work against a large base draft: a point is scored (by
// matchScore) against at most maxCandidates base provisions, found through
// the words they share and their kind; a word in more than maxPosting base
// provisions, and a kind with more, find no more than maxPosting of them.
// A base draft of up to maxCandidates provisions is scored whole, as before.
const (
	maxCandidates = 48
	maxPosting    = 256
)

// matchBase matches proposals to base provisions and records the match.
// It stops with a *StoppedError when ctx ends.
func matchBase(ctx context.Context, props []*proposal, base []models.Provision) error {
	if len(base) == 0 {
		return nil
	}
	// Term frequencies, then idf over both drafts.
	pw := make([]map[string]float64, len(props))
	bw := make([]baseDoc, len(base))
	df := map[string]int{}
	for i, p := range props {
		pw[i] = wordBag(p.doc.toks)
		for w := range pw[i] {
			df[w]++
		}
	}
	for i, b := range base {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return &StoppedError{Phase: "reading the base draft", Err: err}
			}
		}
		text := b.Title + ". " + b.Text + ". " + strings.ReplaceAll(b.Key, "-", " ")
		bw[i] = baseDoc{p: b, words: wordBag(parseTokens(text))}
		for w := range bw[i].words {
			df[w]++
		}
	}
	n := float64(len(props) + len(base))
	weigh := func(bag map[string]float64) map[string]float64 {
		out := make(map[string]float64, len(bag))
		for w, tf := range bag {
			out[w] = (1 + math.Log(tf)) * math.Log(1+n/float64(df[w]))
		}
		return out
	}
	for i := range pw {
		pw[i] = weigh(pw[i])
	}
	for i := range bw {
		bw[i].words = weigh(bw[i].words)
	}
	cands, err := baseCandidates(ctx, props, pw, bw)
	if err != nil {
		return err
	}
	// Point numbers speak only where the two texts share a numbering (a
	// revision of the base, or an edit of it point by point): matched
	// first on everything else, the pairs say whether they do. A text
	// numbered afresh (20 points read against 28) would otherwise pull
	// its point 5 towards the base's point 5 whatever either says.
	first, err := assign(ctx, props, pw, bw, cands, false)
	if err != nil {
		return err
	}
	numbered := sharesNumbering(props, base, first)
	choices, err := assign(ctx, props, pw, bw, cands, numbered)
	if err != nil {
		return err
	}
	for i, j := range choices {
		p := props[i]
		if j.b < 0 {
			p.notes = append(p.notes, "no provision of the base draft on this subject: a new key")
			continue
		}
		b := base[j.b]
		p.base = &BaseMatch{ID: b.ID, Key: b.Key, Point: b.Point, Kind: b.Kind, Title: b.Title, Score: round2(math.Min(1, j.score))}
		p.notes = append(p.notes, fmt.Sprintf("matched to the base draft's %s (“%s”): %s", b.Key, b.Title, strings.Join(j.reasons, ", ")))
	}
	return nil
}

// baseCandidates lists, per proposal, the base provisions worth scoring:
// nil (all of them) where the base has at most maxCandidates; else the
// maxCandidates with the best cheap estimate of matchScore, from the words
// they share (through an index of the base's words, each word's postings
// cut at maxPosting) and their kind or category. A base provision sharing
// no word and no kind with a point cannot reach matchThreshold, so for a
// base of ordinary size nothing is lost.
func baseCandidates(ctx context.Context, props []*proposal, pw []map[string]float64, bw []baseDoc) ([][]int, error) {
	if len(bw) <= maxCandidates {
		return nil, nil
	}
	postings := map[string][]int{}
	byKind := map[string][]int{}
	byCategory := map[string][]int{}
	norm := make([]float64, len(bw))
	for j, b := range bw {
		for w, x := range b.words {
			norm[j] += x * x
			if ps := postings[w]; len(ps) <= maxPosting {
				postings[w] = append(ps, j)
			}
		}
		norm[j] = math.Sqrt(norm[j])
		if ps := byKind[b.p.Kind]; len(ps) < maxPosting {
			byKind[b.p.Kind] = append(ps, j)
		}
		if ps := byCategory[b.p.Category]; b.p.Category != "" && len(ps) < maxPosting {
			byCategory[b.p.Category] = append(ps, j)
		}
	}
	est := make([]float64, len(bw)) // reused: zero outside touched
	var touched []int
	touch := func(j int, add float64) {
		if est[j] == 0 {
			touched = append(touched, j)
		}
		est[j] += add
	}
	out := make([][]int, len(props))
	for i, p := range props {
		if i%16 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, &StoppedError{Phase: "matching to the base draft", Done: i, Of: len(props), Err: err}
			}
		}
		pn := 0.0
		for _, x := range pw[i] {
			pn += x * x
		}
		pn = math.Sqrt(pn)
		for w, x := range pw[i] {
			ps := postings[w]
			if len(ps) > maxPosting || pn == 0 {
				continue
			}
			for _, j := range ps {
				if norm[j] > 0 {
					touch(j, 0.55*x*bw[j].words[w]/(pn*norm[j]))
				}
			}
		}
		for _, j := range byKind[p.guess.kind.Name] {
			touch(j, 0.3)
		}
		if c := p.guess.kind.Category; c != "" {
			for _, j := range byCategory[c] {
				touch(j, 0.08)
			}
		}
		sort.Slice(touched, func(a, b int) bool {
			if est[touched[a]] != est[touched[b]] {
				return est[touched[a]] > est[touched[b]]
			}
			return touched[a] < touched[b]
		})
		keep := touched[:min(len(touched), maxCandidates)]
		out[i] = append([]int(nil), keep...)
		sort.Ints(out[i])
		for _, j := range touched {
			est[j] = 0
		}
		touched = touched[:0]
	}
	return out, nil
}

// baseChoice is the base provision a proposal is matched to (b < 0: none).
type baseChoice struct {
	b       int
	score   float64
	reasons []string
}

// assign scores every proposal against its candidate base provisions (all
// of them where cands is nil) and takes the pairs best first, each base
// provision at most once.
func assign(ctx context.Context, props []*proposal, pw []map[string]float64, bw []baseDoc, cands [][]int, numbered bool) ([]baseChoice, error) {
	type pair struct {
		p, b    int
		score   float64
		reasons []string
	}
	var pairs []pair
	score := func(i, j int) {
		s, why := matchScore(props[i], pw[i], bw[j], numbered)
		if s >= matchThreshold {
			pairs = append(pairs, pair{i, j, s, why})
		}
	}
	for i := range props {
		if i%16 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, &StoppedError{Phase: "matching to the base draft", Done: i, Of: len(props), Err: err}
			}
		}
		if cands == nil {
			for j := range bw {
				score(i, j)
			}
			continue
		}
		for _, j := range cands[i] {
			score(i, j)
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool {
		if pairs[a].score != pairs[b].score {
			return pairs[a].score > pairs[b].score
		}
		if pairs[a].p != pairs[b].p {
			return pairs[a].p < pairs[b].p
		}
		return pairs[a].b < pairs[b].b
	})
	out := make([]baseChoice, len(props))
	for i := range out {
		out[i].b = -1
	}
	takenBase := map[int]bool{}
	for _, pr := range pairs {
		if out[pr.p].b >= 0 || takenBase[pr.b] {
			continue
		}
		takenBase[pr.b] = true
		out[pr.p] = baseChoice{pr.b, pr.score, pr.reasons}
	}
	return out, nil
}

// sharesNumbering: of the matched pairs in which both sides carry a point
// number, at least half carry the same one.
func sharesNumbering(props []*proposal, base []models.Provision, choices []baseChoice) bool {
	both, same := 0, 0
	for i, c := range choices {
		if c.b < 0 || props[i].point == "" || base[c.b].Point == "" {
			continue
		}
		both++
		pn, _ := models.SplitPoint(props[i].point)
		lo, _ := models.SplitPoint(base[c.b].Point)
		if pn > 0 && pn == lo {
			same++
		}
	}
	return both > 0 && 2*same >= both
}

// matchScore scores a proposal against one base provision.
func matchScore(p *proposal, words map[string]float64, b baseDoc, numbered bool) (float64, []string) {
	var why []string
	cos := cosine(words, b.words)
	score := 0.55 * cos
	why = append(why, fmt.Sprintf("wording %.2f alike", cos))
	k := p.guess.kind
	switch {
	case k.Name == b.p.Kind:
		score += 0.3
		why = append(why, "same kind")
		score += termAgreement(k, p.terms, b.p.Terms, &why)
	case b.p.Kind == "other":
		// An uncoded base provision says nothing against a kind.
		score += 0.1
		why = append(why, "the base provision's kind is other")
	case k.Category == b.p.Category && b.p.Category != "":
		score += 0.08
		why = append(why, "same category")
	}
	if pn, _ := models.SplitPoint(p.point); pn > 0 && numbered {
		lo, _ := models.SplitPoint(b.p.Point)
		hi := lastNumber(b.p.Point)
		switch {
		case b.p.Point != "" && (b.p.Point == p.point || lo == pn && hi == pn):
			score += 0.08
			why = append(why, "same point")
		case lo > 0 && lo <= pn && pn <= hi:
			score += 0.04
			why = append(why, "within its points "+b.p.Point)
		}
	}
	// Wording nearly the same speaks for itself, whatever the kinds (the
	// base may have coded the point as another kind).
	if alone := 0.8 * cos; alone > score {
		score = alone
	}
	return score, why
}

// termAgreement scores terms of one kind: equal values add, a subject
// that differs takes away.
func termAgreement(k *models.Kind, a, b []byte, why *[]string) float64 {
	x, y := models.TermValues(a), models.TermValues(b)
	subject := map[string]bool{}
	for _, f := range subjectFields(k) {
		subject[f.Name] = true
	}
	s := 0.0
	same := 0
	for _, f := range k.Fields {
		u, okU := x[f.Name]
		v, okV := y[f.Name]
		if !okU || !okV {
			continue
		}
		switch {
		case termsEqual(f, u, v):
			same++
			s += 0.05
			if f.Headline || subject[f.Name] {
				s += 0.05
			}
		case subject[f.Name] && f.Type == models.FieldText && !wordsOverlap(string(u), string(v)):
			s -= 0.2
			*why = append(*why, "another "+strings.ToLower(f.Label))
		case subject[f.Name] && f.Type == models.FieldParty:
			s -= 0.2
			*why = append(*why, "another "+strings.ToLower(f.Label))
		}
	}
	if same > 0 {
		*why = append(*why, strconv.Itoa(same)+" equal terms")
	}
	return math.Min(s, 0.25)
}

func termsEqual(f models.Field, u, v []byte) bool {
	if f.Type == models.FieldText {
		return strings.EqualFold(strings.Trim(string(u), `"`), strings.Trim(string(v), `"`))
	}
	return string(u) == string(v)
}

// wordsOverlap: two texts share most of their words ("Donetsk and
// Luhansk" and "Luhansk and Donetsk").
func wordsOverlap(a, b string) bool {
	x, y := wordBag(parseTokens(a)), wordBag(parseTokens(b))
	common := 0
	for w := range x {
		if y[w] > 0 {
			common++
		}
	}
	return common*2 >= min(len(x), len(y))+1 || common > 0 && common == min(len(x), len(y))
}

// wordBag counts the words that carry meaning: stems of content words,
// and numbers by value.
func wordBag(toks []ptoken) map[string]float64 {
	out := map[string]float64{}
	for _, t := range toks {
		switch t.kind {
		case ptWord:
			if parseStopwords[t.norm] || utf8.RuneCountInString(t.norm) < 2 {
				continue
			}
			out[t.stem]++
		case ptNumber, ptRatio:
			out[t.norm]++
		}
	}
	return out
}

func cosine(a, b map[string]float64) float64 {
	dot, na, nb := 0.0, 0.0, 0.0
	for w, x := range a {
		na += x * x
		if y, ok := b[w]; ok {
			dot += x * y
		}
	}
	for _, y := range b {
		nb += y * y
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// assignKeys gives every proposal a key: its base provision's, or a new
// one made from its subject ("kherson-zaporizhzhia"), its kind
// ("troop-cap") or its title, unlike every base key and every other.
func assignKeys(props []*proposal, base []models.Provision) {
	taken := map[string]bool{}
	for _, b := range base {
		taken[b.Key] = true
	}
	for _, p := range props {
		if p.base != nil {
			p.key = p.base.Key
		}
	}
	// next remembers, per key, the suffix to try next, so that a
	// thousand points keyed alike ("untitled-point") cost a thousand
	// look-ups, not half a million.
	next := map[string]int{}
	for _, p := range props {
		if p.base != nil {
			continue
		}
		key := newKey(p)
		candidate := key
		i := max(next[key], 2)
		if taken[candidate] {
			for candidate = key + "-" + strconv.Itoa(i); taken[candidate]; i++ {
				candidate = key + "-" + strconv.Itoa(i+1)
			}
			next[key] = i + 1
		}
		taken[candidate] = true
		p.key = candidate
	}
}

// newKey names a new provision: by its subject where that is a name
// ("Kinburn Spit", "Kherson and Zaporizhzhia"), else by its kind, else by
// its title.
func newKey(p *proposal) string {
	values := models.TermValues(p.terms)
	for _, f := range subjectFields(p.guess.kind) {
		if f.Type != models.FieldText {
			continue
		}
		var v string
		if json.Unmarshal(values[f.Name], &v) != nil || !isShortName(v) {
			continue
		}
		if k := slugWords(v, 4); k != "" {
			return k
		}
	}
	if p.guess.kind.Name != "other" {
		return strings.ReplaceAll(p.guess.kind.Name, "_", "-")
	}
	if k := slugWords(proposeTitle(p.doc), 3); k != "" {
		return k
	}
	return "point-" + keyPoint(p.point)
}

// isShortName: a value that names something ("Crimea", "US–Russia working
// group"), not a clause ("on signing").
func isShortName(v string) bool {
	first, _ := utf8.DecodeRuneInString(v)
	return unicode.IsUpper(first) && len(strings.Fields(v)) <= 5
}

// slugWords makes a key of the first n content words of s, in ASCII.
func slugWords(s string, n int) string {
	var words []string
	for _, t := range parseTokens(s) {
		if len(words) == n {
			break
		}
		if t.kind == ptPunct || parseStopwords[t.norm] || determiners[t.norm] {
			continue
		}
		if w := models.Slugify(t.norm); w != "untitled" {
			words = append(words, w)
		}
	}
	key := strings.Join(words, "-")
	if len(key) > 60 {
		key = strings.TrimRight(key[:60], "-")
	}
	if !models.IsKey(key) {
		return ""
	}
	return key
}

// keyPoint writes a point for a key: "15–20" → "15-20".
func keyPoint(point string) string {
	if k := models.Slugify(point); k != "untitled" {
		return k
	}
	return "x"
}

// proposeTitle is a provision's title: its first sentence or clause, or
// the heading before a colon ("Troop cap: …"), at most 90 letters, a longer
// one cut at a word boundary. No ellipsis is saved into the title (data):
// a page may show one where the title is shorter than its sentence.
func proposeTitle(d *pdoc) string {
	end := len(d.text)
	words := 0
	for i, t := range d.toks {
		if t.kind != ptPunct {
			words++
			continue
		}
		if t.text == ":" && words <= 5 && len(d.toks)-i > 4 && i > 0 {
			end = t.start
			break
		}
		if t.text == "." || t.text == ";" || t.text == "!" || t.text == "?" {
			if i > 0 {
				end = t.start
				break
			}
		}
	}
	title := strings.Join(strings.Fields(strings.Trim(d.text[:end], " *_\"“”,—–-")), " ")
	if r := []rune(title); len(r) > 90 {
		cut := string(r[:90])
		if i := strings.LastIndexByte(cut, ' '); i > 0 {
			cut = cut[:i]
		}
		title = strings.TrimRight(cut, " ,;:—–-(")
	}
	if title == "" {
		return "Untitled point"
	}
	first, size := utf8.DecodeRuneInString(title)
	return string(unicode.ToUpper(first)) + title[size:]
}
