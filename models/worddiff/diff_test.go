package worddiff

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// sides joins the runs back into the two texts.
func sides(runs []Run) (before, after string) {
	var b, a strings.Builder
	for _, r := range runs {
		if r.Op != Insert {
			b.WriteString(r.Text)
		}
		if r.Op != Delete {
			a.WriteString(r.Text)
		}
	}
	return b.String(), a.String()
}

func TestWordDiff(t *testing.T) {
	eq := func(s string) Run { return Run{Equal, s} }
	del := func(s string) Run { return Run{Delete, s} }
	ins := func(s string) Run { return Run{Insert, s} }
	tests := []struct {
		name          string
		before, after string
		want          []Run
	}{
		{"both empty", "", "", nil},
		{"equal", "Ukraine keeps its army.", "Ukraine keeps its army.", []Run{eq("Ukraine keeps its army.")}},
		{"from empty", "", "New wording.", []Run{ins("New wording.")}},
		{"to empty", "Old wording.", "", []Run{del("Old wording.")}},
		{"one word replaced", "The army is capped at 600,000.", "The army is capped at 800,000.",
			[]Run{eq("The army is capped at "), del("600"), ins("800"), eq(",000.")}},
		{"two words with a space between fold into one change",
			"The plant runs under Russian control.", "The plant runs under IAEA supervision.",
			[]Run{eq("The plant runs under "), del("Russian control"), ins("IAEA supervision"), eq(".")}},
		{"word inserted", "Forces withdraw from Donbas.", "Forces withdraw fully from Donbas.",
			[]Run{eq("Forces withdraw "), ins("fully "), eq("from Donbas.")}},
		{"word deleted", "Ukraine may not join NATO ever.", "Ukraine may not join NATO.",
			[]Run{eq("Ukraine may not join NATO"), del(" ever"), eq(".")}},
		{"Cyrillic replacement", "Запорізька АЕС під наглядом МАГАТЕ", "Запорізька АЕС під контролем Росії",
			[]Run{eq("Запорізька АЕС під "), del("наглядом МАГАТЕ"), ins("контролем Росії")}},
		{"Cyrillic insertion keeps whole words", "Запорізька АЕС під наглядом МАГАТЕ", "Запорізька АЕС працює під наглядом МАГАТЕ",
			[]Run{eq("Запорізька АЕС "), ins("працює "), eq("під наглядом МАГАТЕ")}},
		{"Cyrillic letters sharing a first byte are not split", "під наглядом МАГАТЕ", "під наглядом ООН",
			[]Run{eq("під наглядом "), del("МАГАТЕ"), ins("ООН")}},
		{"apostrophe stays inside a word", "п'ять років", "шість років",
			[]Run{del("п'ять"), ins("шість"), eq(" років")}},
		{"punctuation is its own token", "Kyiv, Kharkiv", "Kyiv; Kharkiv",
			[]Run{eq("Kyiv"), del(","), ins(";"), eq(" Kharkiv")}},
		{"whitespace change", "two  spaces", "two spaces",
			[]Run{eq("two"), del("  "), ins(" "), eq("spaces")}},
		{"a word left equal between changes stays", "a red car and a blue boat", "a green car and a black boat",
			[]Run{eq("a "), del("red"), ins("green"), eq(" car and a "), del("blue"), ins("black"), eq(" boat")}},
		{"no shared words", "alpha beta", "gamma delta", []Run{del("alpha beta"), ins("gamma delta")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Diff(tt.before, tt.after)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Diff(%q, %q)\n got %q\nwant %q", tt.before, tt.after, got, tt.want)
			}
			b, a := sides(got)
			if b != tt.before || a != tt.after {
				t.Errorf("runs do not reproduce the texts: %q / %q", b, a)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	got := tokenize("Зеленський, Trump's  plan:\tп’ять-шість 28 points", nil)
	want := []string{"Зеленський", ",", " ", "Trump's", "  ", "plan", ":", "\t", "п’ять-шість", " ", "28", " ", "points"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tokenize\n got %q\nwant %q", got, want)
	}
	if got := tokenize("end- 'quoted'", nil); !reflect.DeepEqual(got, []string{"end", "-", " ", "'", "quoted", "'"}) {
		t.Errorf("joiners outside words must stand alone: %q", got)
	}
}

// lcs is the textbook dynamic programme, to check that the diff is minimal.
func lcs(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func TestWordDiffIsMinimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "b", "c", "d", " ", ","}
	var d Differ
	for n := 0; n < 3000; n++ {
		a := make([]string, rng.IntN(25))
		b := make([]string, rng.IntN(25))
		for i := range a {
			a[i] = alphabet[rng.IntN(len(alphabet))]
		}
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		d.ops = d.ops[:0]
		d.tokens(a, b)
		var ia, ib, edits int
		for _, o := range d.ops {
			switch o.op {
			case opEqual:
				for k := 0; k < o.n; k++ {
					if a[ia+k] != b[ib+k] {
						t.Fatalf("%q vs %q: equal op over different tokens", a, b)
					}
				}
				ia, ib = ia+o.n, ib+o.n
			case opDelete:
				ia, edits = ia+o.n, edits+o.n
			case opInsert:
				ib, edits = ib+o.n, edits+o.n
			}
		}
		if ia != len(a) || ib != len(b) {
			t.Fatalf("%q vs %q: script covers %d/%d tokens", a, b, ia, ib)
		}
		if want := len(a) + len(b) - 2*lcs(a, b); edits != want {
			t.Fatalf("%q vs %q: %d edits, minimum is %d", a, b, edits, want)
		}
	}
}

func TestWordDiffRandomTextsRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	words := []string{"МАГАТЕ", "під", "наглядом", "the", "plant", "п'ять", " ", "  ", "\n", ",", ".", "—", "Zaporizhzhia", "ЗАЕС", "\u00a0"}
	for n := 0; n < 2000; n++ {
		mk := func() string {
			var b strings.Builder
			for i := rng.IntN(30); i > 0; i-- {
				b.WriteString(words[rng.IntN(len(words))])
			}
			return b.String()
		}
		a, b := mk(), mk()
		if rng.IntN(2) == 0 { // a small edit of a, the common case
			b = a[:len(a)/2] + mk() + a[len(a)/2:]
			if !utf8.ValidString(b) {
				b = a + mk()
			}
		}
		checkRuns(t, a, b, Diff(a, b))
	}
}

func checkRuns(t *testing.T, a, b string, runs []Run) {
	t.Helper()
	before, after := sides(runs)
	if before != a || after != b {
		t.Fatalf("Diff(%q, %q) = %q does not reproduce the texts", a, b, runs)
	}
	for i, r := range runs {
		if r.Text == "" {
			t.Fatalf("Diff(%q, %q): empty run %d", a, b, i)
		}
		if i > 0 && runs[i-1].Op == r.Op {
			t.Fatalf("Diff(%q, %q): two %s runs in a row", a, b, r.Op)
		}
		if i > 0 && r.Op == Delete && runs[i-1].Op == Insert {
			t.Fatalf("Diff(%q, %q): insert before delete", a, b)
		}
	}
}

func FuzzWordDiff(f *testing.F) {
	f.Add("Запорізька АЕС під наглядом МАГАТЕ", "Запорізька АЕС під контролем Росії")
	f.Add("The army is capped at 600,000.", "The army is capped at 800,000 in peacetime.")
	f.Add("", "x")
	f.Add("a  b", "a b ")
	f.Fuzz(func(t *testing.T, a, b string) {
		checkRuns(t, a, b, Diff(a, b))
	})
}

func TestWordDiffOfUnrelatedLongTextsIsOneReplacement(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	// Words of 2–8 letters drawn from two alphabets that share none.
	mk := func(alphabet string) string {
		letters := []rune(alphabet)
		var b strings.Builder
		for b.Len() < 20000 {
			for n := 2 + rng.IntN(7); n > 0; n-- {
				b.WriteRune(letters[rng.IntN(len(letters))])
			}
			b.WriteByte(' ')
		}
		return b.String()
	}
	a, b := mk("abcdefghijklmnopqrstuvwxyz"), mk("абвгдеєжзиіїйклмнопрстуфхцчшщьюя")
	runs := Diff(a, b)
	checkRuns(t, a, b, runs)
	if len(runs) > 3 {
		t.Errorf("%d runs; two unrelated texts should be one deletion and one insertion", len(runs))
	}
}
