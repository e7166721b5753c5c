package models

import (
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Reading the numbers a provision's wording states, for the check that its
// terms and wording agree (wording.go). It reads what reporting writes:
// "600,000", "600 000", "600000", "1.5 million", "10 years", "10-year",
// "ten years", "USD 100 bn", "$100bn", "100 billion dollars", "50%",
// "within 100 days". It leaves alone what is not a quantity: point and
// article numbers ("point 6", "28-point", "Article 5"), names ("G8"),
// dates ("20 Nov 2025", "2025-11-20", a bare 2025), ratios ("50:50",
// "50/50") and money in other currencies.

// unitClass is what a number in the wording counts: the unit written
// beside it, or none.
type unitClass uint8

const (
	unitBare    unitClass = iota // no unit: "capped at 600,000"
	unitPeople                   // "600,000 troops"
	unitYears                    // "10 years", "10-year"
	unitDays                     // "100 days"
	unitKm                       // "15 km"
	unitPercent                  // "50%", "50 per cent"
	unitUSD                      // "USD 100 bn": the value in billions of US dollars
	unitOther                    // a point, a date, a ratio, euros, months: not a term's quantity
)

// numberMention is one number the wording states, in its unit's terms
// (money in USD bn, like the terms).
type numberMention struct {
	value float64
	class unitClass
}

// unitWords maps the words written after a number to the class they give
// it. Words not listed leave the number bare ("600,000 in peacetime").
var unitWords = map[string]unitClass{
	"year": unitYears, "years": unitYears, "yr": unitYears, "yrs": unitYears,
	"day": unitDays, "days": unitDays,
	"km": unitKm, "kilometre": unitKm, "kilometres": unitKm, "kilometer": unitKm, "kilometers": unitKm,
	"percent": unitPercent, "pct": unitPercent,
	"dollars": unitUSD, "usd": unitUSD,
	"people": unitPeople, "troops": unitPeople, "soldiers": unitPeople, "servicemen": unitPeople,
	"personnel": unitPeople, "strong": unitPeople, "men": unitPeople,
	"month": unitOther, "months": unitOther, "week": unitOther, "weeks": unitOther,
	"hour": unitOther, "hours": unitOther, "minutes": unitOther, "point": unitOther, "points": unitOther,
	"euros": unitOther, "eur": unitOther, "pounds": unitOther, "gbp": unitOther, "rubles": unitOther,
	"roubles": unitOther, "miles": unitOther, "metres": unitOther, "meters": unitOther,
	"st": unitOther, "nd": unitOther, "rd": unitOther, "th": unitOther,
}

// scaleWords multiply the number before them: "1.5 million", "100 bn".
var scaleWords = map[string]float64{
	"thousand": 1e3, "k": 1e3,
	"million": 1e6, "mn": 1e6, "mln": 1e6,
	"billion": 1e9, "bn": 1e9, "bln": 1e9,
	"trillion": 1e12, "tn": 1e12,
}

// contextWords before a number make it a reference, not a quantity:
// "point 6", "Article 5", "Nov 20".
var contextWords = map[string]bool{
	"point": true, "points": true, "article": true, "articles": true, "paragraph": true, "para": true,
	"section": true, "clause": true, "annex": true, "chapter": true, "no": true, "number": true,
	"resolution": true, "phase": true, "stage": true, "round": true, "version": true, "v": true,
}

// monthWords mark a number beside them as part of a date.
var monthWords = map[string]bool{
	"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true,
	"apr": true, "april": true, "may": true, "jun": true, "june": true, "jul": true, "july": true,
	"aug": true, "august": true, "sep": true, "sept": true, "september": true, "oct": true,
	"october": true, "nov": true, "november": true, "dec": true, "december": true,
}

// numberWords are the numbers written out that count when a unit follows
// them ("ten years"); alone ("one of them") they are not quantities.
var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// numberMentions lists the numbers the text states, in order.
func numberMentions(text string) []numberMention {
	sc := wordingScanner{r: []rune(text)}
	var out []numberMention
	for sc.i < len(sc.r) {
		start := sc.i
		c := sc.r[sc.i]
		switch {
		case isDigit(c):
			out = sc.quantity(start, out)
		case unicode.IsLetter(c):
			w := sc.word()
			if v, ok := numberWords[strings.ToLower(w)]; ok {
				out = sc.spelledQuantity(v, out)
			}
		default:
			sc.i++
		}
	}
	return out
}

type wordingScanner struct {
	r []rune
	i int
}

func isDigit(c rune) bool { return c >= '0' && c <= '9' }

// groupSeparators may stand between the thousands of a number.
func isGroupSeparator(c rune) bool {
	return c == ',' || c == ' ' || c == '\u00a0' || c == '\u202f' || c == '\u2009' || c == '\''
}

func isDash(c rune) bool { return c == '-' || c == '–' || c == '—' }

// word reads the letters at the scanner and returns them.
func (sc *wordingScanner) word() string {
	start := sc.i
	for sc.i < len(sc.r) && unicode.IsLetter(sc.r[sc.i]) {
		sc.i++
	}
	return string(sc.r[start:sc.i])
}

// number reads one number at the scanner: digits, thousands in groups of
// three ("600,000", "600 000"), and decimals ("1.5"). grouped says whether
// it was written with separators.
func (sc *wordingScanner) number() (v float64, grouped bool, ok bool) {
	var b strings.Builder
	lead := 0
	for sc.i < len(sc.r) && isDigit(sc.r[sc.i]) {
		b.WriteRune(sc.r[sc.i])
		sc.i++
		lead++
	}
	if lead == 0 {
		return 0, false, false
	}
	// A group separator counts only after at most three digits and before
	// exactly three: "2025 100" is two numbers, "10, 20" a list.
	for lead <= 3 && sc.i < len(sc.r) && isGroupSeparator(sc.r[sc.i]) && sc.digitsAt(sc.i+1) == 3 {
		for _, c := range sc.r[sc.i+1 : sc.i+4] {
			b.WriteRune(c)
		}
		sc.i += 4
		grouped = true
	}
	if sc.i+1 < len(sc.r) && sc.r[sc.i] == '.' && isDigit(sc.r[sc.i+1]) {
		b.WriteRune('.')
		sc.i++
		for sc.i < len(sc.r) && isDigit(sc.r[sc.i]) {
			b.WriteRune(sc.r[sc.i])
			sc.i++
		}
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	return v, grouped, err == nil
}

// digitsAt counts the digits from position i.
func (sc *wordingScanner) digitsAt(i int) int {
	n := 0
	for i+n < len(sc.r) && isDigit(sc.r[i+n]) {
		n++
	}
	return n
}

// prevWord is the word before position i (lower case), skipping spaces,
// and the rune right before i.
func (sc *wordingScanner) prevWord(i int) (word string, before rune) {
	if i > 0 {
		before = sc.r[i-1]
	}
	j := i
	for j > 0 && (sc.r[j-1] == ' ' || sc.r[j-1] == '\u00a0') {
		j--
	}
	end := j
	for j > 0 && unicode.IsLetter(sc.r[j-1]) {
		j--
	}
	return strings.ToLower(string(sc.r[j:end])), before
}

// skipSpaces moves past spaces; hyphen says whether one hyphen may be
// skipped too ("10-year").
func (sc *wordingScanner) skipSpaces(hyphen bool) {
	for sc.i < len(sc.r) && (sc.r[sc.i] == ' ' || sc.r[sc.i] == '\u00a0' || (hyphen && sc.r[sc.i] == '-')) {
		if sc.r[sc.i] == '-' {
			hyphen = false
		}
		sc.i++
	}
}

// quantity reads a number (or a range of two, "30–50 years") at the
// scanner with what stands around it, and appends what it states.
func (sc *wordingScanner) quantity(start int, out []numberMention) []numberMention {
	prev, before := sc.prevWord(start)
	v, grouped, ok := sc.number()
	if !ok {
		sc.i++
		return out
	}
	class := unitBare
	switch {
	case unicode.IsLetter(before) || isDigit(before) || before == '.':
		class = unitOther // part of a name or code: "G8", "A4", "v1.2"
	case (before == ':' || before == '/' || isDash(before)) && start > 1 && isDigit(sc.r[start-2]):
		class = unitOther // the second half of a ratio or a date: "50:50", "2025-11-20"
	case contextWords[prev] || monthWords[prev]:
		class = unitOther
	case before == '$' || prev == "usd":
		class = unitUSD // "$100", "US$100", "USD 100"
	case before == '€' || before == '£' || before == '₽' || prev == "eur" || prev == "gbp":
		class = unitOther
	}
	if sc.i < len(sc.r) && (sc.r[sc.i] == ':' || sc.r[sc.i] == '/') && sc.digitsAt(sc.i+1) > 0 {
		class = unitOther // "50:50", "20/11"
	}
	if sc.i < len(sc.r) && sc.r[sc.i] == '-' && sc.digitsAt(sc.i+1) == 2 && sc.digitsAt(start) == 4 {
		class = unitOther // an ISO date, 2025-11-20
	}
	values := []float64{v}
	// A range: "30–50 years", "1–5"; the unit after the second applies to
	// both. A hyphen before letters is a compound ("10-year"), handled below.
	save := sc.i
	sc.skipSpaces(false)
	if sc.i < len(sc.r) && isDash(sc.r[sc.i]) {
		sc.i++
		sc.skipSpaces(false)
		if sc.i < len(sc.r) && isDigit(sc.r[sc.i]) {
			if v2, g2, ok := sc.number(); ok {
				values = append(values, v2)
				grouped = grouped || g2
			}
		}
	}
	if len(values) == 1 {
		sc.i = save
	}
	scale, unit, found := sc.unitAfter()
	if class == unitBare || class == unitUSD {
		switch {
		case unit == unitUSD:
			class = unitUSD
		case class == unitUSD:
		case found:
			class = unit
		}
	}
	if class == unitBare && !grouped && scale == 1 && len(values) == 1 && v >= 1900 && v <= 2100 && v == math.Trunc(v) {
		class = unitOther // a year
	}
	for _, x := range values {
		x *= scale
		if class == unitUSD {
			x /= 1e9 // the terms hold money in USD bn
		}
		out = append(out, numberMention{value: x, class: class})
	}
	return out
}

// unitAfter reads the scale and unit words after a number: "million",
// "bn", "years", "%", "per cent", "-year", "dollars". found says whether a
// unit word (or a month: a date) was there.
func (sc *wordingScanner) unitAfter() (scale float64, unit unitClass, found bool) {
	scale = 1
	if sc.i < len(sc.r) && sc.r[sc.i] == '%' {
		sc.i++
		return scale, unitPercent, true
	}
	for range 3 { // a scale, then a unit: "100 billion dollars"; or "per cent"
		save := sc.i
		sc.skipSpaces(true)
		if sc.i < len(sc.r) && sc.r[sc.i] == '%' {
			sc.i++
			return scale, unitPercent, true
		}
		w := strings.ToLower(sc.word())
		switch {
		case w == "":
		case scaleWords[w] != 0 && scale == 1:
			scale = scaleWords[w]
			continue
		case w == "per":
			sc.skipSpaces(false)
			if strings.EqualFold(sc.word(), "cent") {
				return scale, unitPercent, true
			}
		case monthWords[w]:
			return scale, unitOther, true
		default:
			if c, ok := unitWords[w]; ok {
				return scale, c, true
			}
		}
		sc.i = save
		break
	}
	return scale, unitBare, false
}

// spelledQuantity: a number written out counts only with a unit after it
// ("ten years", "ten-year").
func (sc *wordingScanner) spelledQuantity(v float64, out []numberMention) []numberMention {
	save := sc.i
	scale, unit, found := sc.unitAfter()
	if !found || unit == unitOther || unit == unitBare {
		sc.i = save
		return out
	}
	v *= scale
	if unit == unitUSD {
		v /= 1e9
	}
	return append(out, numberMention{value: v, class: unit})
}
