package parse

import (
	"sort"
	"strings"

	"plantracker/models"
)

// How the parser recognises parties in a draft's text. The parties come
// from the caller (the parties table), so a party added there is found
// without a change here. Each is found by:
//
//   - its short name, as written, in capitals ("UA", "NATO", "US");
//   - its name, without a bracketed remark ("Peace Council (chaired by
//     the US president)" is found as "Peace Council"), with or without
//     "the";
//   - the aliases below, for the parties the reporting names otherwise:
//     adjectives ("Russian assets"), longer or shorter names ("the Russian
//     Federation", "America"), and Ukrainian and Russian names.
//
// Aliases of a party not in the table are ignored. Cities are left out on
// purpose: "strikes Moscow" is about a place, not a party.
var partyAliases = map[string][]string{
	"UA":            {"Ukrainian", "Kyiv", "Kiev", "Україна", "України", "Україні", "Україною", "Украина", "Украины", "Украине", "Украиной", "український", "украинский"},
	"RU":            {"Russian", "Russian Federation", "Russians", "Росія", "Росії", "Росією", "Россия", "России", "Россией", "РФ", "Російська Федерація", "Российская Федерация"},
	"US":            {"United States", "United States of America", "USA", "America", "American", "Americans", "Washington", "США", "Сполучені Штати", "Соединенные Штаты"},
	"EU":            {"European Union", "Євросоюз", "ЄС", "Евросоюз", "ЕС"},
	"NATO":          {"North Atlantic Alliance", "НАТО"},
	"UK":            {"United Kingdom", "Britain", "Great Britain", "British", "Велика Британія", "Великобритания"},
	"FR":            {"French", "Франція", "Франция"},
	"DE":            {"German", "Німеччина", "Германия"},
	"PL":            {"Polish", "Польща", "Польша"},
	"FI":            {"Finnish", "Фінляндія", "Финляндия"},
	"IAEA":          {"International Atomic Energy Agency", "МАГАТЕ", "МАГАТЭ"},
	"PEACE-COUNCIL": {"Peace Council", "Board of Peace", "Рада миру", "Совет мира"},
	"WB":            {"World Bank", "Світовий банк", "Всемирный банк"},
}

// pmention is one place a party is named: tokens [start, end).
type pmention struct {
	party      string
	start, end int
}

// partyLexicon finds parties in tokens.
type partyLexicon struct {
	short   map[string]string // short name as written → short name
	aliases []partyAlias      // longest first
}

type partyAlias struct {
	party string
	stems []string
}

// newPartyLexicon builds the lexicon of the given parties.
func newPartyLexicon(parties []models.Party) *partyLexicon {
	lex := &partyLexicon{short: map[string]string{}}
	add := func(party, name string) {
		var stems []string
		for _, t := range parseTokens(name) {
			if t.kind == ptWord || t.kind == ptNumber {
				stems = append(stems, t.stem)
			}
		}
		if len(stems) > 0 && !(len(stems) == 1 && determiners[stems[0]]) {
			lex.aliases = append(lex.aliases, partyAlias{party: party, stems: stems})
		}
	}
	for _, p := range parties {
		if p.ShortName == "" {
			continue
		}
		lex.short[p.ShortName] = p.ShortName
		name := p.Name
		if i := strings.IndexByte(name, '('); i > 0 {
			name = name[:i]
		}
		name = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), "The "))
		add(p.ShortName, name)
		for _, a := range partyAliases[p.ShortName] {
			add(p.ShortName, a)
		}
	}
	sort.SliceStable(lex.aliases, func(i, j int) bool { return len(lex.aliases[i].stems) > len(lex.aliases[j].stems) })
	return lex
}

// find lists the parties named in toks, in order; where two names
// overlap the longer wins ("Russian Federation" over "Russian").
func (lex *partyLexicon) find(toks []ptoken) []pmention {
	var out []pmention
	for i := 0; i < len(toks); {
		if m, ok := lex.at(toks, i); ok {
			out = append(out, m)
			i = m.end
			continue
		}
		i++
	}
	return out
}

func (lex *partyLexicon) at(toks []ptoken, i int) (pmention, bool) {
	t := toks[i]
	if t.kind != ptWord {
		return pmention{}, false
	}
	for _, a := range lex.aliases {
		if i+len(a.stems) > len(toks) {
			continue
		}
		ok := true
		for j, s := range a.stems {
			if u := toks[i+j]; u.kind != ptWord && u.kind != ptNumber || u.stem != s {
				ok = false
				break
			}
		}
		// A name is written with a capital ("the american people" is not
		// a party); Cyrillic names inflect, and count as written.
		if ok && (t.caps || !isLatin(t.text)) {
			return pmention{party: a.party, start: i, end: i + len(a.stems)}, true
		}
	}
	if p, ok := lex.short[t.text]; ok && t.text == strings.ToUpper(t.text) {
		return pmention{party: p, start: i, end: i + 1}, true
	}
	return pmention{}, false
}

func isLatin(s string) bool {
	for _, r := range s {
		return r < 0x250
	}
	return true
}
