package numbers

import (
	"math"
	"strings"
)

// Reading the quantities a text states, each with its unit, in
// the units the kinds' number terms declare (their `unit` tags): "600,000
// personnel" is 600000 people, "100 days" and "ten years" are days and
// years, "USD 100 billion", "$100bn" and "100 млрд доларів" are 100 USD
// bn, "50%" is 50 %. Points, articles, dates and years are not quantities
// ("point 6", "Article 5", "20 November", "2025"); a ratio ("50:50") is a
// token of its own. A number with no unit beside it is kept as bare, for
// a term to take only where its kind's words make the unit plain ("capped
// at 600,000").

// Quantity is one quantity a text states.
type Quantity struct {
	Value float64
	// Unit is a kind's unit ("people", "years", "days", "km", "%", "USD
	// bn"), another unit ("months", "USD", "EUR", "points"), or "" where
	// none is written.
	Unit       string
	Start, End int  // its tokens, [Start, End)
	Spelled    bool // written as words ("ten years")
}

// Units as written after a number, by the unit they give it.
var unitWords = map[string]string{
	"personnel": "people", "troops": "people", "troop": "people", "soldiers": "people", "servicemen": "people",
	"servicemembers": "people", "people": "people", "men": "people", "strong": "people", "army": "people",
	"forces": "people", "persons": "people",
	"військовослужбовців": "people", "осіб": "people", "бійців": "people", "військових": "people",
	"человек": "people", "военнослужащих": "people", "военных": "people", "бойцов": "people",
	"year": "years", "years": "years", "yr": "years", "yrs": "years", "рік": "years", "роки": "years", "років": "years",
	"год": "years", "года": "years", "лет": "years",
	"day": "days", "days": "days", "днів": "days", "дні": "days", "день": "days", "дней": "days", "дня": "days",
	"month": "months", "months": "months", "місяців": "months", "місяці": "months", "месяцев": "months", "месяца": "months",
	"week": "weeks", "weeks": "weeks",
	"km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "км": "km",
	"percent": "%", "pct": "%", "відсотків": "%", "відсотки": "%", "процентов": "%", "процента": "%",
	"miles": "miles", "hour": "hours", "hours": "hours", "minutes": "minutes", "metres": "metres", "meters": "metres",
	// "the 28-point draft": a count of points, not of anything a term holds.
	"point": "points", "points": "points",
}

// unitFillers may stand between a number and its unit: "600,000
// active-duty personnel", "100 calendar days".
var unitFillers = toSet(`active duty armed full calendar additional more serving regular uniformed military`)

// scales multiply the number before them.
var scales = map[string]float64{
	"thousand": 1e3, "k": 1e3, "тисяч": 1e3, "тисячі": 1e3, "тис": 1e3, "тысяч": 1e3, "тысячи": 1e3, "тыс": 1e3,
	"million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "мільйон": 1e6, "мільйонів": 1e6, "млн": 1e6,
	"миллион": 1e6, "миллионов": 1e6,
	"billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "мільярд": 1e9, "мільярдів": 1e9, "млрд": 1e9,
	"миллиард": 1e9, "миллиардов": 1e9,
	"trillion": 1e12, "tn": 1e12,
}

// scaleOf reads a scale word, in any case of the Ukrainian and Russian
// ones ("600 тисячами").
func scaleOf(w string) (float64, bool) {
	if s, ok := scales[w]; ok {
		return s, true
	}
	for _, stem := range []struct {
		prefix string
		scale  float64
	}{{"тисяч", 1e3}, {"тысяч", 1e3}, {"мільйон", 1e6}, {"миллион", 1e6}, {"мільярд", 1e9}, {"миллиард", 1e9}} {
		if strings.HasPrefix(w, stem.prefix) {
			return stem.scale, true
		}
	}
	return 0, false
}

// currencies: a currency written before or after the amount.
var currencies = map[string]string{
	"$": "USD", "usd": "USD", "dollars": "USD", "dollar": "USD", "доларів": "USD", "долларов": "USD", "дол": "USD",
	"€": "EUR", "eur": "EUR", "euros": "EUR", "euro": "EUR", "євро": "EUR", "евро": "EUR",
	"£": "GBP", "gbp": "GBP", "pounds": "GBP",
	"₽": "RUB", "rub": "RUB", "rubles": "RUB", "roubles": "RUB",
}

// referenceWords before a number make it a reference, not a
// quantity: "point 6", "Article 5", "п. 6".
var referenceWords = toSet(`point points item items article articles paragraph para section clause annex chapter
no number phase stage round version v resolution п пп пункт пункту пункті стаття статті статья статьи`)

// spelled are numbers written as words; they count only with a unit
// or a scale after them ("ten years", "six hundred thousand troops").
var spelled = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// Read lists the quantities text states, in order.
func Read(text string) []Quantity { return Quantities(Tokens(text)) }

// Quantities lists the quantities tokens state, in order.
func Quantities(toks []Token) []Quantity {
	var out []Quantity
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		var q Quantity
		var next int
		switch {
		case t.Kind == Number:
			if isReferenceNumber(toks, i) {
				continue
			}
			q, next = Quantity{Value: t.Num, Start: i}, i+1
		case t.Kind == Word && spelled[t.Norm] > 0 || t.Kind == Word && t.Norm == "hundred":
			v, end := readSpelled(toks, i)
			q, next = Quantity{Value: v, Start: i, Spelled: true}, end
		default:
			continue
		}
		next = readScaleAndUnit(toks, &q, next)
		if q.Spelled && q.Unit == "" && q.Value < 100 {
			i = next - 1
			continue // "one of them" is not a quantity; "eight hundred thousand" is
		}
		if t.Kind == Number && q.Unit == "" && isYear(toks, i) {
			continue
		}
		q.End = next
		// A range: "30–50 years", "30-50 years"; the unit after the second
		// number is the first's too.
		if n := len(out); n > 0 && q.Unit != "" && out[n-1].Unit == "" && !out[n-1].Spelled && isRange(toks, out[n-1].End, q.Start) {
			out[n-1].Unit = q.Unit
		}
		out = append(out, q)
		i = next - 1
	}
	return out
}

// isReferenceNumber: the number names a point, an article or a date.
func isReferenceNumber(toks []Token, i int) bool {
	return referenceBefore(toks, i) || referenceAfter(toks, i) || isISODate(toks, i)
}

// referenceBefore: what stands before the number makes it a reference:
// "point 6", "Article 5", "Nov 20", "п. 6", "G 8", and the second number of
// a range of references ("points 1–5").
func referenceBefore(toks []Token, i int) bool {
	if i == 0 {
		return false
	}
	p := toks[i-1]
	if p.Kind == Word && (referenceWords[p.Norm] || months[p.Norm]) {
		return true
	}
	// "п. 6", "No. 6"
	if p.Kind == Punct && p.Text == "." && i > 1 && referenceWords[toks[i-2].Norm] {
		return true
	}
	// "G8" is one word; "G 8" or "G-8" is a name too.
	if p.Kind == Word && len(p.Text) == 1 && p.Caps && p.End == toks[i].Start-1 {
		return true
	}
	return isDash(p) && i > 1 && toks[i-2].Kind == Number && referenceBefore(toks, i-2)
}

// referenceAfter: what follows the number makes it a reference: a month
// ("20 November"), an ordinal's ending ("1st", "21st"), and the first
// number of a range of dates ("20–21 Nov").
func referenceAfter(toks []Token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	n := toks[i+1]
	if n.Kind == Word && (months[n.Norm] || ordinalEndings[n.Norm] && n.Start == toks[i].End) {
		return true
	}
	return isDash(n) && i+2 < len(toks) && toks[i+2].Kind == Number && referenceAfter(toks, i+2)
}

// ordinalEndings written right after a number make it an ordinal: "1st".
var ordinalEndings = toSet(`st nd rd th`)

// isDash reports whether a token is a dash between two numbers ("30–50").
func isDash(t Token) bool {
	return t.Kind == Punct && (t.Text == "-" || t.Text == "–" || t.Text == "—")
}

// isISODate: the number is part of a date written 2025-11-20.
func isISODate(toks []Token, i int) bool {
	for j := max(0, i-2); j <= i && j+2 < len(toks); j++ {
		a, b, c := toks[j], toks[j+1], toks[j+2]
		if a.Kind == Number && b.Kind == Number && c.Kind == Number && len(a.Text) == 4 && len(b.Text) == 2 &&
			len(c.Text) == 2 && b.Start == a.End+1 && c.Start == b.End+1 {
			return true
		}
	}
	return false
}

// isRange: a number ending before token end and one starting at token
// start are joined by a dash ("30–50"; a hyphen is no token: "30-50").
func isRange(toks []Token, end, start int) bool {
	switch start - end {
	case 0:
		return toks[start].Start == toks[end-1].End+1
	case 1:
		return isDash(toks[end])
	}
	return false
}

// isYear: a bare whole number from 1900 to 2100 is a year.
func isYear(toks []Token, i int) bool {
	t := toks[i]
	return t.Num >= 1900 && t.Num <= 2100 && t.Num == math.Trunc(t.Num) && !strings.ContainsAny(t.Text, ", ")
}

// readSpelled reads a number written as words from token i: "six hundred
// thousand", "one hundred", "twenty-five", "a hundred".
func readSpelled(toks []Token, i int) (float64, int) {
	total, current := 0.0, 0.0
	j := i
	for j < len(toks) && toks[j].Kind == Word {
		w := toks[j].Norm
		switch {
		case spelled[w] > 0:
			current += spelled[w]
		case w == "hundred":
			if current == 0 {
				current = 1
			}
			current *= 100
		case w == "thousand" && current > 0:
			total += current * 1000
			current = 0
		case w == "and" && j > i && j+1 < len(toks) && spelled[toks[j+1].Norm] > 0:
		default:
			return total + current, j
		}
		j++
	}
	return total + current, j
}

// readScaleAndUnit reads what follows a number at token j (a scale, a
// currency, a unit) and what precedes it (a currency), and fills them in.
func readScaleAndUnit(toks []Token, q *Quantity, j int) int {
	if j < len(toks) && toks[j].Kind == Word {
		if s, ok := scaleOf(toks[j].Norm); ok && toks[j].Norm != "m" && toks[j].Norm != "b" || ok && toks[j].Start == toks[j-1].End {
			q.Value *= s
			j++
		}
	}
	currency := ""
	if q.Start > 0 {
		p := toks[q.Start-1]
		currency = currencies[p.Norm]
		if currency == "" && p.Norm == "$" && q.Start > 1 && toks[q.Start-2].Text == "US" {
			currency = "USD"
		}
		if currency != "" {
			q.Start--
			if q.Start > 0 && toks[q.Start-1].Text == "US" && p.Norm == "$" {
				q.Start--
			}
		}
	}
	if j < len(toks) {
		if c := currencies[toks[j].Norm]; c != "" && currency == "" {
			currency = c
			j++
		} else if toks[j].Norm == "us" && j+1 < len(toks) && currencies[toks[j+1].Norm] == "USD" {
			currency = "USD"
			j += 2
		}
	}
	switch {
	case currency == "USD" && q.Value >= 1e6:
		q.Value, q.Unit = q.Value/1e9, "USD bn"
	case currency != "":
		q.Unit = currency
	default:
		j = readUnit(toks, q, j)
	}
	return j
}

// readUnit reads the unit after a number: "%", "per cent", or a unit word
// after at most two fillers.
func readUnit(toks []Token, q *Quantity, j int) int {
	if j < len(toks) && toks[j].Kind == Punct && toks[j].Text == "%" {
		q.Unit = "%"
		return j + 1
	}
	if j+1 < len(toks) && toks[j].Norm == "per" && toks[j+1].Norm == "cent" {
		q.Unit = "%"
		return j + 2
	}
	for k := j; k < len(toks) && k-j <= 2; k++ {
		t := toks[k]
		if t.Kind != Word {
			break
		}
		if u, ok := unitWords[t.Norm]; ok {
			q.Unit = u
			return k + 1
		}
		if !unitFillers[t.Norm] {
			break
		}
	}
	return j
}

// months: a number beside one is part of a date.
var months = toSet(`january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec`)

func toSet(words string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(words) {
		out[w] = true
	}
	return out
}
