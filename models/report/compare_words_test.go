package report

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestSameWords holds sameWords, which looks at word signatures first, to
// what it means: the same words, sorted, whatever the case, punctuation,
// spacing and order.
func TestSameWords(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"The guarantee lasts ten years.", "ten years the Guarantee lasts", true},
		{"Гарантія діє десять років.", "десять РОКІВ, гарантія діє", true},
		{"The guarantee lasts ten years.", "The guarantee lasts ten years", true},
		{"The guarantee lasts ten years.", "The guarantee lasts 10 years.", false},
		{"a a b", "a b b", false},                  // same words, not the same number of each
		{"ab c", "a bc", false},                    // same letters, other words
		{"", "", false},                            // no words: nothing to call the same
		{"—", "…", false},                          // punctuation only
		{"600,000 troops", "troops 600 000", true}, // digits are words of their own
	} {
		if got := sameWords(c.a, c.b); got != c.same {
			t.Errorf("sameWords(%q, %q) = %v, want %v", c.a, c.b, got, c.same)
		}
	}

	// Shuffled, re-cased and re-punctuated wordings against the sorted bags
	// the answer is defined by.
	rng := rand.New(rand.NewPCG(7, 25))
	vocabulary := strings.Fields("guarantee Article five years Донбас лінія зіткнення Kherson 600000 DMZ troops Ukraine")
	for range 2000 {
		words := make([]string, 1+rng.IntN(12))
		for i := range words {
			words[i] = vocabulary[rng.IntN(len(vocabulary))]
		}
		other := slices.Clone(words)
		rng.Shuffle(len(other), func(i, j int) { other[i], other[j] = other[j], other[i] })
		if rng.IntN(2) == 0 {
			other[rng.IntN(len(other))] = vocabulary[rng.IntN(len(vocabulary))]
		}
		a, b := strings.Join(words, " "), strings.ToUpper(strings.Join(other, ", "))
		want := len(words) > 0 && slices.Equal(wordBag(a), wordBag(b))
		if got := sameWords(a, b); got != want {
			t.Fatalf("sameWords(%q, %q) = %v, want %v", a, b, got, want)
		}
	}
}
