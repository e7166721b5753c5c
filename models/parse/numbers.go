package parse

import (
	"math"
	"strings"
)

// Reading the quantities a draft's text states, each with its unit, in
// the units the kinds' number terms declare (their `unit` tags): "600,000
// personnel" is 600000 people, "100 days" and "ten years" are days and
// years, "USD 100 billion", "$100bn" and "100 млрд доларів" are 100 USD
// bn, "50%" is 50 %. Points, articles, dates and years are not quantities
// ("point 6", "Article 5", "20 November", "2025"); a ratio ("50:50") is a
// token of its own. A number with no unit beside it is kept as bare, for
// a term to take only where its kind's words make the unit plain ("capped
// at 600,000").

// pquantity is one quantity the text states.
type pquantity struct {
	value      float64
	unit       string // a kind's unit ("people", "USD bn"), another unit ("months", "USD"), or "" (none written)
	start, end int    // tokens [start, end)
	spelled    bool   // written as words ("ten years")
}

// Units as written after a number, by the unit they give it.
var parseUnitWords = map[string]string{
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
	"miles": "miles", "hours": "hours",
}

// parseUnitFillers may stand between a number and its unit: "600,000
// active-duty personnel", "100 calendar days".
var parseUnitFillers = toSet(`active duty armed full calendar additional more serving regular uniformed military`)

// parseScales multiply the number before them.
var parseScales = map[string]float64{
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
	if s, ok := parseScales[w]; ok {
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

// parseCurrencies: a currency written before or after the amount.
var parseCurrencies = map[string]string{
	"$": "USD", "usd": "USD", "dollars": "USD", "dollar": "USD", "доларів": "USD", "долларов": "USD", "дол": "USD",
	"€": "EUR", "eur": "EUR", "euros": "EUR", "euro": "EUR", "євро": "EUR", "евро": "EUR",
	"£": "GBP", "gbp": "GBP", "pounds": "GBP",
}

// parseReferenceWords before a number make it a reference, not a
// quantity: "point 6", "Article 5", "п. 6".
var parseReferenceWords = toSet(`point points item items article articles paragraph para section clause annex chapter
no number phase stage round version п пп пункт пункту пункті стаття статті статья статьи`)

// parseSpelled are numbers written as words; they count only with a unit
// or a scale after them ("ten years", "six hundred thousand troops").
var parseSpelled = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// readQuantities lists the quantities in toks, in order.
func readQuantities(toks []ptoken) []pquantity {
	var out []pquantity
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		var q pquantity
		var next int
		switch {
		case t.kind == ptNumber:
			if isReferenceNumber(toks, i) {
				continue
			}
			q, next = pquantity{value: t.num, start: i}, i+1
		case t.kind == ptWord && parseSpelled[t.norm] > 0 || t.kind == ptWord && t.norm == "hundred":
			v, end := readSpelled(toks, i)
			q, next = pquantity{value: v, start: i, spelled: true}, end
		default:
			continue
		}
		next = readScaleAndUnit(toks, &q, next)
		if q.spelled && q.unit == "" && q.value < 100 {
			i = next - 1
			continue // "one of them" is not a quantity; "eight hundred thousand" is
		}
		if t.kind == ptNumber && q.unit == "" && isYear(toks, i) {
			continue
		}
		q.end = next
		out = append(out, q)
		i = next - 1
	}
	return out
}

// isReferenceNumber: the number names a point, an article or a date.
func isReferenceNumber(toks []ptoken, i int) bool {
	if i > 0 {
		p := toks[i-1]
		if p.kind == ptWord && (parseReferenceWords[p.norm] || parseMonths[p.norm]) {
			return true
		}
		// "п. 6", "No. 6"
		if p.kind == ptPunct && p.text == "." && i > 1 && parseReferenceWords[toks[i-2].norm] {
			return true
		}
		// "G8" is one word; "G 8" or "G-8" is a name too.
		if p.kind == ptWord && len(p.text) == 1 && p.caps && p.end == toks[i].start-1 {
			return true
		}
	}
	if i+1 < len(toks) && toks[i+1].kind == ptWord && parseMonths[toks[i+1].norm] {
		return true
	}
	return false
}

// isYear: a bare whole number from 1900 to 2100 is a year.
func isYear(toks []ptoken, i int) bool {
	t := toks[i]
	return t.num >= 1900 && t.num <= 2100 && t.num == math.Trunc(t.num) && !strings.ContainsAny(t.text, ", ")
}

// readSpelled reads a number written as words from token i: "six hundred
// thousand", "one hundred", "twenty-five", "a hundred".
func readSpelled(toks []ptoken, i int) (float64, int) {
	total, current := 0.0, 0.0
	j := i
	for j < len(toks) && toks[j].kind == ptWord {
		w := toks[j].norm
		switch {
		case parseSpelled[w] > 0:
			current += parseSpelled[w]
		case w == "hundred":
			if current == 0 {
				current = 1
			}
			current *= 100
		case w == "thousand" && current > 0:
			total += current * 1000
			current = 0
		case w == "and" && j > i && j+1 < len(toks) && parseSpelled[toks[j+1].norm] > 0:
		default:
			return total + current, j
		}
		j++
	}
	return total + current, j
}

// readScaleAndUnit reads what follows a number at token j (a scale, a
// currency, a unit) and what precedes it (a currency), and fills them in.
func readScaleAndUnit(toks []ptoken, q *pquantity, j int) int {
	if j < len(toks) && toks[j].kind == ptWord {
		if s, ok := scaleOf(toks[j].norm); ok && toks[j].norm != "m" && toks[j].norm != "b" || ok && toks[j].start == toks[j-1].end {
			q.value *= s
			j++
		}
	}
	currency := ""
	if q.start > 0 {
		p := toks[q.start-1]
		currency = parseCurrencies[p.norm]
		if currency == "" && p.norm == "$" && q.start > 1 && toks[q.start-2].text == "US" {
			currency = "USD"
		}
		if currency != "" {
			q.start--
			if q.start > 0 && toks[q.start-1].text == "US" && p.norm == "$" {
				q.start--
			}
		}
	}
	if j < len(toks) {
		if c := parseCurrencies[toks[j].norm]; c != "" && currency == "" {
			currency = c
			j++
		} else if toks[j].norm == "us" && j+1 < len(toks) && parseCurrencies[toks[j+1].norm] == "USD" {
			currency = "USD"
			j += 2
		}
	}
	switch {
	case currency == "USD" && q.value >= 1e6:
		q.value, q.unit = q.value/1e9, "USD bn"
	case currency != "":
		q.unit = currency
	default:
		j = readUnit(toks, q, j)
	}
	return j
}

// readUnit reads the unit after a number: "%", "per cent", or a unit word
// after at most two fillers.
func readUnit(toks []ptoken, q *pquantity, j int) int {
	if j < len(toks) && toks[j].kind == ptPunct && toks[j].text == "%" {
		q.unit = "%"
		return j + 1
	}
	if j+1 < len(toks) && toks[j].norm == "per" && toks[j+1].norm == "cent" {
		q.unit = "%"
		return j + 2
	}
	for k := j; k < len(toks) && k-j <= 2; k++ {
		t := toks[k]
		if t.kind != ptWord {
			break
		}
		if u, ok := parseUnitWords[t.norm]; ok {
			q.unit = u
			return k + 1
		}
		if !parseUnitFillers[t.norm] {
			break
		}
	}
	return j
}
